// Runtime: renderer. What the studio's frame says about the open pack: its title and where it came from.
import type { TFunction } from 'i18next';
import { readAt, type PackDocument } from '../../core/studio/document';
import type { StudioSource } from '../../studio/sources';

/** The pack's title in `language` (else its first language), or its id, or null while pack.yaml has neither. */
export function packTitle(document: PackDocument, language: string): string | null {
  const title = readAt(document, 'pack.yaml', ['title']);
  if (typeof title === 'string' && title.trim()) return title;
  if (title && typeof title === 'object') {
    const byLanguage = title as Record<string, unknown>;
    const base = language.split('-')[0] ?? language;
    const chosen = [byLanguage[language], byLanguage[base], ...Object.values(byLanguage)].find((value) => typeof value === 'string' && value.trim());
    if (typeof chosen === 'string') return chosen;
  }
  const id = readAt(document, 'pack.yaml', ['id']);
  return typeof id === 'string' && id.trim() ? id : null;
}

/** One line saying where the pack lives and so how it is kept. */
export function sourceLabel(source: StudioSource, t: TFunction<'studio'>): string {
  switch (source.kind) {
    case 'new':
      return t('source.new');
    case 'installed':
      return t('source.installed', { packId: source.packId, version: source.version });
    case 'archive':
      return t('source.archive', { name: source.name });
    case 'folder':
      return t('source.folder', { path: source.path });
  }
}

/** The pack's languages as pack.yaml lists them (those that look like language codes), English when it lists none. */
export function packLanguages(document: PackDocument): string[] {
  const listed = readAt(document, 'pack.yaml', ['languages']);
  const languages = Array.isArray(listed) ? listed.filter((each): each is string => typeof each === 'string' && /^[a-z]{2}$/.test(each)) : [];
  return languages.length > 0 ? languages : ['en'];
}

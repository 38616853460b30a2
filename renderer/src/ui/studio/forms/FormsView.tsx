// Runtime: renderer. The forms view: one file of the pack at a time, its sections as tabs (each with
// the number of translations it still lacks), a list of every missing translation that opens the
// field, the validator's problem with a value shown at its field, and the YAML view offered where a
// file's text does not parse. Every input edits the one document (fields.tsx), so comments and key
// order in the YAML stay as the author wrote them.
import { Alert, Badge, Button, Group, Select, Stack, Tabs, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDocument } from 'yaml';
import { DocumentEditError, isEditable, locate, readAt, type IdTarget, type PackDocument } from '../../../core/studio/document';
import { countMissingUnder, missingTranslations, packFileKind, type LocalizedText } from '../../../core/studio/translations';
import { valueAt } from '../../../core/studio/yaml-text';
import { formatPath } from '../../../core/pack/diagnostics';
import { parseYaml } from '../../../core/pack/yaml';
import type { Translate } from '../../../i18n/grading-message';
import { renderDiagnostic } from '../../../i18n/pack-diagnostic-message';
import { capitalized, languageName } from '../../format';
import { useRevealed, useStudio } from '../studio-context';
import { Fields } from './fields';
import { FormContext, pathKey, type FormContextValue } from './form-context';
import type { FieldPath, RefKind, SectionSpec } from './spec';
import { keyPath, labelOf, sectionFor, sectionsOf } from './spec';

type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const idsOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.flatMap((item) => (isObject(item) && typeof item.id === 'string' && item.id ? [item.id] : [])) : [];
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The files the forms edit, scenarios first. */
export function formFiles(document: PackDocument): string[] {
  const files = [...document.texts.keys()].filter((file) => packFileKind(file) !== null);
  const rank = (file: string) => ['scenario', 'pack', 'personas', 'courses'].indexOf(packFileKind(file)!);
  return files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The languages a file's texts must cover: a scenario's own, else the pack's. */
export function fileLanguages(document: PackDocument, file: string): string[] {
  const packLanguages = strings(readAt(document, 'pack.yaml', ['languages']));
  if (packFileKind(file) !== 'scenario') return packLanguages;
  const own = strings(readAt(document, file, ['languages']));
  return own.length > 0 ? own : packLanguages;
}

function referenceLists(document: PackDocument, file: string, root: unknown): Record<RefKind, string[]> {
  const scenario = isObject(root) ? root : {};
  const branchInjects = Array.isArray(scenario.branches)
    ? scenario.branches.flatMap((branch) => (isObject(branch) && isObject(branch.then) ? idsOf(branch.then.injects) : []))
    : [];
  const packPersonaList = file === 'personas.yaml' ? [] : readAt(document, 'personas.yaml', ['personas']);
  const personaList = [...(Array.isArray(scenario.personas) ? scenario.personas : []), ...(Array.isArray(packPersonaList) ? packPersonaList : [])];
  const injectList = [
    ...(Array.isArray(scenario.timeline) ? scenario.timeline : []),
    ...(Array.isArray(scenario.branches)
      ? scenario.branches.flatMap((branch) => (isObject(branch) && isObject(branch.then) && Array.isArray(branch.then.injects) ? branch.then.injects : []))
      : []),
  ];
  const liveInjects = injectList.filter((inject) => isObject(inject) && inject.type === 'live');
  const liveComments = liveInjects.flatMap((inject) => (isObject(inject) && isObject(inject.live) ? idsOf(inject.live.comments) : []));
  const injects = [...idsOf(scenario.timeline), ...branchInjects];
  return {
    accounts: idsOf(scenario.accounts),
    personas: [...new Set(idsOf(personaList))],
    headquarters: [...new Set(idsOf(personaList.filter((persona) => isObject(persona) && persona.role === 'headquarters')))],
    injects,
    liveInjects: idsOf(liveInjects),
    replyTargets: [...injects, ...liveComments],
    tasks: idsOf(scenario.tasks),
    facts: idsOf(scenario.facts),
    keyMessages: isObject(scenario.policy) ? idsOf(scenario.policy.keyMessages) : [],
  };
}

/** Where the YAML of `text` first fails to parse (1-based), for "open the YAML view there". */
function parseErrorAt(text: string): { line: number; column: number } {
  const position = parseDocument(text).errors[0]?.linePos?.[0];
  return position ? { line: position.line, column: position.col } : { line: 1, column: 1 };
}

export function FormsView() {
  const studio = useStudio();
  const { document, reveal } = studio;
  const { t, i18n } = useTranslation('studioForms');
  const files = useMemo(() => formFiles(document), [document]);
  const [chosen, setChosen] = useState<string | null>(null);
  const file = chosen !== null && files.includes(chosen) ? chosen : (files[0] ?? null);
  const kind = file ? packFileKind(file) : null;
  const sections = kind ? sectionsOf(kind) : [];
  const [section, setSection] = useState<string | null>(null);
  const activeSection = sections.some((candidate) => candidate.id === section) ? section : (sections[0]?.id ?? null);
  const [opened, setOpened] = useState<FormContextValue['opened']>(null);
  const [showMissing, setShowMissing] = useState(false);
  const [editProblem, setEditProblem] = useState<string | null>(null);
  const focused = useRef<FormContextValue['opened']>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const open = (toFile: string, path: FieldPath) => {
    const sectionOfPath = sectionFor(sectionsOf(packFileKind(toFile) ?? 'courses'), path);
    setChosen(toFile);
    if (sectionOfPath) setSection(sectionOfPath.id);
    setOpened({ path });
  };

  // Sent here from another view (the timeline, the problems panel): open the file, section and item.
  useRevealed('forms', (place) => {
    if ('path' in place && place.path && place.file) open(place.file, place.path);
  });

  // After the place opens, move focus to its field (or the nearest part of the form that holds it).
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!opened || focused.current === opened || !root) return;
    const elements = [...root.querySelectorAll<HTMLElement>('[data-path]')];
    for (let length = opened.path.length; length >= 0; length -= 1) {
      const key = pathKey(opened.path.slice(0, length));
      const element = elements.find((candidate) => candidate.getAttribute('data-path') === key);
      if (!element) continue;
      focused.current = opened;
      const focusable = element.matches('input, textarea, button') ? element : element.querySelector<HTMLElement>('input, textarea, button');
      element.scrollIntoView?.({ block: 'center' });
      focusable?.focus();
      return;
    }
  });

  const text = file ? document.texts.get(file) : undefined;
  const editable = file !== null && isEditable(document, file);
  const root = useMemo(() => (file && editable ? readAt(document, file, []) : undefined), [document, file, editable]);
  const languages = useMemo(() => (file ? fileLanguages(document, file) : []), [document, file]);
  const packLanguages = useMemo(() => strings(readAt(document, 'pack.yaml', ['languages'])), [document]);
  const missing = useMemo(() => (kind && editable ? missingTranslations(kind, root, languages) : []), [kind, editable, root, languages]);
  // The validator's problems by the place they name, worded in the UI's language: a field shows its own.
  const problems = useMemo(() => {
    const byPath = new Map<string, string>();
    for (const diagnostic of studio.check?.diagnostics ?? []) {
      if (diagnostic.file !== file || !diagnostic.path || byPath.has(diagnostic.path)) continue;
      byPath.set(diagnostic.path, renderDiagnostic(i18n.t as unknown as Translate, i18n.language, diagnostic).message);
    }
    return byPath;
  }, [studio.check, file, i18n.t, i18n.language]);

  const form = useMemo<FormContextValue | null>(() => {
    if (!file || !kind || !editable) return null;
    const accountLanguages = new Map<string, string>();
    if (isObject(root) && Array.isArray(root.accounts)) {
      for (const account of root.accounts) {
        if (isObject(account) && typeof account.id === 'string' && typeof account.audienceLanguage === 'string')
          accountLanguages.set(account.id, account.audienceLanguage);
      }
    }
    const run = (edit: Parameters<typeof studio.apply>[0], coalesceKey?: string) => {
      try {
        studio.apply(edit, { label: t('editLabel'), coalesceKey });
        setEditProblem(null);
      } catch (error) {
        if (!(error instanceof DocumentEditError)) throw error;
        setEditProblem(t(`editError.${error.code}`, { file: error.file, detail: error.detail ?? '' }));
      }
    };
    return {
      file,
      kind,
      root,
      languages,
      packLanguages,
      refs: referenceLists(document, file, root),
      missing: new Map(missing.map((entry) => [pathKey(entry.path), entry.missing])),
      missingUnder: (path) => countMissingUnder(missing, path),
      problemAt: (path) => problems.get(formatPath(path)),
      accountLanguage: (accountId) => accountLanguages.get(accountId),
      set: (path, value) => run({ kind: 'set', file, path, value }, `forms:${file}:${pathKey(path)}`),
      setMany: (entries) => run({ kind: 'batch', edits: entries.map(({ path, value }) => ({ kind: 'set', file, path, value })) }),
      insert: (path, value) => run({ kind: 'insert', file, path, value }),
      remove: (path) => run({ kind: 'delete', file, path }),
      rename: (renamed: IdTarget, to: string) => {
        try {
          studio.apply({ kind: 'rename-id', target: renamed, to }, { label: t('renameLabel', { from: renamed.id, to }) });
          if (renamed.kind === 'scenario') setChosen(`scenarios/${to}.yaml`);
          return null;
        } catch (error) {
          if (!(error instanceof DocumentEditError)) throw error;
          return t(`renameError.${error.code}`, { id: to, detail: error.detail ?? '' });
        }
      },
      opened,
    };
  }, [file, kind, editable, root, languages, packLanguages, missing, problems, document, opened, studio, t]);

  if (!file || !kind) {
    return (
      <Text c="dimmed" p="md">
        {t('noFiles')}
      </Text>
    );
  }

  const languageLabel = (code: string) => capitalized(languageName(code, i18n.language), i18n.language);
  const fileLabel = (candidate: string) => {
    const candidateKind = packFileKind(candidate);
    return candidateKind === 'scenario'
      ? t('file.scenario', { name: candidate.slice('scenarios/'.length, -'.yaml'.length) })
      : t(`file.${candidateKind ?? 'courses'}`);
  };
  const total = missing.reduce((sum, entry) => sum + entry.missing.length, 0);
  const countOf = (spec: SectionSpec) => (spec.counts ?? [spec.path]).reduce((sum, prefix) => sum + countMissingUnder(missing, prefix), 0);

  return (
    <Stack gap="md" p="md" ref={rootRef} data-testid="studio-forms">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('fileLabel')}
          data={files.map((value) => ({ value, label: fileLabel(value) }))}
          value={file}
          allowDeselect={false}
          onChange={(value) => value && setChosen(value)}
          w={320}
        />
        {editable && sections.length > 0 && (
          <Button
            variant={total > 0 ? 'light' : 'subtle'}
            color={total > 0 ? 'orange' : 'gray'}
            aria-expanded={showMissing}
            onClick={() => setShowMissing((shown) => !shown)}
          >
            {total > 0 ? t('missingButton', { count: total }) : t('noneMissingButton')}
          </Button>
        )}
      </Group>

      {!editable && text !== undefined && (
        <Alert color="red" title={t('unparsable.title')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('unparsable.body', { problem: parseTextProblem(text, i18n.t as unknown as Translate, i18n.language) })}</Text>
            <Button size="xs" onClick={() => reveal({ view: 'yaml', file, ...parseErrorAt(text) })}>
              {t('unparsable.open')}
            </Button>
          </Stack>
        </Alert>
      )}

      {editProblem && (
        <Alert color="red" withCloseButton onClose={() => setEditProblem(null)} closeButtonLabel={t('dismiss')}>
          {editProblem}
        </Alert>
      )}

      {form && showMissing && (
        <MissingList
          missing={missing}
          sections={sections}
          root={root}
          languageLabel={languageLabel}
          onOpen={(path, language) => {
            if (sectionFor(sections, path)) open(file, [...path, language]);
            else {
              const place = locate(document, file, path);
              if (place) reveal({ view: 'yaml', file, ...place });
            }
          }}
        />
      )}

      {form && sections.length === 0 && (
        <Alert color="gray">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('noForm')}</Text>
            <Button size="xs" variant="light" onClick={() => reveal({ view: 'yaml', file, line: 1 })}>
              {t('showInYaml')}
            </Button>
          </Stack>
        </Alert>
      )}

      {form && sections.length > 0 && (
        <FormContext value={form}>
          <Tabs value={activeSection} onChange={setSection} orientation="vertical" keepMounted={false} variant="pills">
            <Tabs.List aria-label={t('sectionsLabel')} miw={170}>
              {sections.map((spec) => {
                const count = countOf(spec);
                return (
                  <Tabs.Tab
                    key={spec.id}
                    value={spec.id}
                    rightSection={
                      count > 0 ? (
                        <Badge color="orange" variant="light" size="sm">
                          <span aria-hidden="true">{count}</span>
                          <VisuallyHidden>{t('missingCount', { count })}</VisuallyHidden>
                        </Badge>
                      ) : undefined
                    }
                  >
                    {t(`sections.${spec.id}` as never)}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {sections.map((spec) => (
              <Tabs.Panel key={spec.id} value={spec.id} pl="md" style={{ minWidth: 0 }}>
                {spec.fields ? (
                  <Fields fields={spec.fields} base={spec.path} />
                ) : spec.list ? (
                  <Fields fields={[{ kind: 'list', key: spec.path, label: spec.id, list: spec.list }]} base={[]} />
                ) : null}
              </Tabs.Panel>
            ))}
          </Tabs>
        </FormContext>
      )}
    </Stack>
  );
}

/** The first reason the text does not parse, as the pack checker words it in the UI's language (the parser's own sentence is English). */
function parseTextProblem(text: string, translate: Translate, language: string): string {
  const [first] = parseYaml('', text).diagnostics;
  return first ? renderDiagnostic(translate, language, first).message : (parseDocument(text).errors[0]?.message.split('\n')[0] ?? '');
}

interface MissingListProps {
  missing: readonly LocalizedText[];
  sections: readonly SectionSpec[];
  root: unknown;
  languageLabel(code: string): string;
  onOpen(path: FieldPath, language: string): void;
}

/** Every text that lacks a language, as "Tasks › hotline-post › Title — Russian", each opening its field. */
function MissingList({ missing, sections, root, languageLabel, onOpen }: MissingListProps) {
  const { t } = useTranslation('studioForms');
  if (missing.length === 0) return <Text size="sm">{t('noneMissing')}</Text>;
  const describe = (path: FieldPath): string => {
    const spec = sectionFor(sections, path);
    const parts: string[] = [spec ? t(`sections.${spec.id}` as never) : String(path[0])];
    path.forEach((part, index) => {
      if (typeof part !== 'number') return;
      const item = valueAt(root, path.slice(0, index + 1));
      parts.push(isObject(item) && typeof item.id === 'string' ? item.id : `#${part + 1}`);
    });
    const exact = spec?.fields?.find((candidate) => pathKey([...spec.path, ...keyPath(candidate.key)]) === pathKey(path));
    const last = String([...path].reverse().find((part) => typeof part === 'string') ?? '');
    parts.push(t(`fields.${exact ? labelOf(exact) : last}` as never, { defaultValue: last }));
    return parts.join(' › ');
  };
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('missingListLabel')}>
      {missing.flatMap((entry) =>
        entry.missing.map((language) => (
          <li key={`${pathKey(entry.path)}:${language}`}>
            <UnstyledButton onClick={() => onOpen(entry.path, language)} fz="sm" c="orange.8" style={{ textDecoration: 'underline' }}>
              {t('missingItem', { place: describe(entry.path), language: languageLabel(language) })}
            </UnstyledButton>
          </li>
        )),
      )}
    </Stack>
  );
}

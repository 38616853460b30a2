// Runtime: renderer. A new pack from the template: its id, its first scenario's id, its languages,
// its title in each of them and its author. Every field says what is wrong with it; nothing typed is lost.
import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { matchLanguage } from '../../../core/locale';
import { idProblem } from '../../../core/studio/references';
import { languageName } from '../../format';
import type { StudioSession } from '../studio-context';
import { newPackSession } from './opening';

/** Languages offered for a new pack (any two-letter code can be added later in pack.yaml). */
export const LANGUAGE_CHOICES = ['en', 'ru', 'uk', 'fr', 'de', 'es', 'pt', 'it', 'pl', 'ro', 'tr', 'ar', 'zh', 'ja', 'ko', 'kk', 'hy', 'ka', 'az', 'be'];

interface Errors {
  packId?: string;
  scenarioId?: string;
  languages?: string;
  title?: Record<string, string>;
  author?: string;
}

export function NewPackDialog({
  opened,
  onClose,
  onOpen,
  now,
}: {
  opened: boolean;
  onClose: () => void;
  onOpen: (session: StudioSession) => void;
  now: () => number;
}) {
  const { t, i18n } = useTranslation('studio');
  const [packId, setPackId] = useState('');
  const [scenarioId, setScenarioId] = useState('');
  const [languages, setLanguages] = useState<string[]>(() => [matchLanguage(i18n.language) ?? 'en']);
  const [title, setTitle] = useState<Record<string, string>>({});
  const [author, setAuthor] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (idProblem(packId.trim()) !== null) found.packId = t('start.new.badId');
    if (idProblem(scenarioId.trim()) !== null) found.scenarioId = t('start.new.badId');
    if (languages.length === 0) found.languages = t('start.new.noLanguage');
    const missingTitles = Object.fromEntries(languages.filter((code) => !title[code]?.trim()).map((code) => [code, t('start.new.noTitle')]));
    if (Object.keys(missingTitles).length > 0) found.title = missingTitles;
    if (!author.trim()) found.author = t('start.new.noAuthor');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const titles = Object.fromEntries(languages.map((code) => [code, title[code]!.trim()]));
    onOpen(newPackSession({ packId: packId.trim(), scenarioId: scenarioId.trim(), languages, title: titles, author: { name: author.trim() } }, now()));
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('start.new.title')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('start.new.packId')}
            description={t('start.new.packIdHint')}
            value={packId}
            onChange={(event) => setPackId(event.currentTarget.value)}
            error={errors.packId}
            required
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
          <TextInput
            label={t('start.new.scenarioId')}
            description={t('start.new.scenarioIdHint')}
            value={scenarioId}
            onChange={(event) => setScenarioId(event.currentTarget.value)}
            error={errors.scenarioId}
            required
            autoComplete="off"
            spellCheck={false}
          />
          <MultiSelect
            label={t('start.new.languages')}
            description={t('start.new.languagesHint')}
            data={LANGUAGE_CHOICES.map((code) => ({ value: code, label: `${languageName(code, i18n.language)} (${code})` }))}
            value={languages}
            onChange={setLanguages}
            error={errors.languages}
            searchable
            required
          />
          {languages.map((code) => (
            <TextInput
              key={code}
              label={t('start.new.packTitle', { language: languageName(code, i18n.language) })}
              lang={code}
              value={title[code] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTitle((before) => ({ ...before, [code]: value }));
              }}
              error={errors.title?.[code]}
              required
            />
          ))}
          <TextInput
            label={t('start.new.author')}
            description={t('start.new.authorHint')}
            value={author}
            onChange={(event) => setAuthor(event.currentTarget.value)}
            error={errors.author}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit">{t('start.new.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

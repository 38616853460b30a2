// Runtime: renderer. Adding a scenario file to the pack, and removing one (both undoable).
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { idProblem } from '../../../core/studio/references';
import { useStudio } from '../studio-context';
import { packLanguages } from '../pack-facts';
import { newScenarioText } from './new-scenario';

export function AddScenarioDialog({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: (file: string) => void }) {
  const { t } = useTranslation(['studio', 'common']);
  const studio = useStudio();
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = id.trim();
    const file = `scenarios/${wanted}.yaml`;
    if (idProblem(wanted) !== null) return setError(t('yaml.add.badId'));
    if (studio.document.texts.has(file)) return setError(t('yaml.add.taken', { file }));
    studio.apply(
      { kind: 'add-file', file, text: newScenarioText({ id: wanted, languages: packLanguages(studio.document), now: Date.now() }) },
      { label: t('yaml.add.label', { file }) },
    );
    setId('');
    setError(null);
    onAdded(file);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('yaml.add.title')} closeButtonProps={{ 'aria-label': t('common:close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('yaml.add.id')}
            description={t('yaml.add.idHint')}
            value={id}
            onChange={(event) => {
              setId(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit">{t('yaml.add.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RemoveFileDialog({ file, onClose }: { file: string | null; onClose: () => void }) {
  const { t } = useTranslation(['studio', 'common']);
  const studio = useStudio();
  return (
    <Modal opened={file !== null} onClose={onClose} title={t('yaml.remove.title')} closeButtonProps={{ 'aria-label': t('common:close') }}>
      <Stack>
        <Text>{t('yaml.remove.body', { file: file ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              if (file !== null) studio.apply({ kind: 'remove-file', file }, { label: t('yaml.remove.label', { file }) });
              onClose();
            }}
          >
            {t('yaml.remove.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

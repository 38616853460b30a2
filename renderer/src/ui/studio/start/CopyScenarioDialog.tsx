// Runtime: renderer. A scenario of the library (built-in or installed) copied as a new pack under new
// ids, to adapt without touching the original.
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { idProblem } from '../../../core/studio/references';
import { localized } from '../../../library/library';
import { useLibrary } from '../../library-context';
import { Loading } from '../../Loading';
import { useServices } from '../../services';
import type { StudioSession } from '../studio-context';
import { copySession, libraryPackFiles } from './opening';

const SEPARATOR = '\u0000';

export function CopyScenarioDialog({ opened, onClose, onOpen }: { opened: boolean; onClose: () => void; onOpen: (session: StudioSession) => void }) {
  const { t, i18n } = useTranslation('studio');
  const { db } = useServices();
  const library = useLibrary();
  const [chosen, setChosen] = useState<string | null>(null);
  const [packId, setPackId] = useState('');
  const [scenarioId, setScenarioId] = useState('');
  const [errors, setErrors] = useState<{ chosen?: string; packId?: string; scenarioId?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const data = (library?.packs ?? []).map((pack) => ({
    group: localized(pack.manifest.title, i18n.language) || pack.manifest.id,
    items: pack.scenarios.map((scenario) => ({
      value: `${pack.manifest.id}${SEPARATOR}${scenario.id}`,
      label: localized(scenario.title, i18n.language) || scenario.id,
    })),
  }));

  const choose = (value: string | null) => {
    setChosen(value);
    const scenario = value?.split(SEPARATOR)[1];
    // A starting point for the new ids, which the author can change.
    if (scenario && !scenarioId) setScenarioId(`${scenario}-copy`.slice(0, 64));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!chosen) found.chosen = t('start.copy.noScenario');
    if (idProblem(packId.trim()) !== null) found.packId = t('start.new.badId');
    if (idProblem(scenarioId.trim()) !== null) found.scenarioId = t('start.new.badId');
    setErrors(found);
    if (Object.keys(found).length > 0 || !chosen) return;
    const [sourcePack, sourceScenario] = chosen.split(SEPARATOR) as [string, string];
    setWorking(true);
    setFailure(null);
    try {
      const files = await libraryPackFiles(db, sourcePack);
      if (!files) {
        setFailure(t('start.copy.gone', { pack: sourcePack }));
        return;
      }
      onOpen(copySession(files, sourceScenario, { newPackId: packId.trim(), newScenarioId: scenarioId.trim() }));
    } catch (error) {
      setFailure(t('start.copy.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('start.copy.title')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      {!library ? (
        <Loading what="library" />
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Select
              label={t('start.copy.scenario')}
              data={data}
              value={chosen}
              onChange={choose}
              error={errors.chosen}
              searchable
              required
              nothingFoundMessage={t('start.copy.nothing')}
              data-autofocus
            />
            <TextInput
              label={t('start.new.packId')}
              description={t('start.new.packIdHint')}
              value={packId}
              onChange={(event) => setPackId(event.currentTarget.value)}
              error={errors.packId}
              required
              autoComplete="off"
              spellCheck={false}
            />
            <TextInput
              label={t('start.copy.scenarioId')}
              value={scenarioId}
              onChange={(event) => setScenarioId(event.currentTarget.value)}
              error={errors.scenarioId}
              required
              autoComplete="off"
              spellCheck={false}
            />
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('cancel')}
              </Button>
              <Button type="submit" loading={working}>
                {t('start.copy.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

// Runtime: renderer. The catalogue: the installed courses and scenarios with the active profile's
// progress, and installing a pack an instructor sent as an `.attache` file.
import { Alert, Button, Group } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressOutcome, ScenarioProgress } from '../../core/records/progress';
import { readProgress } from '../../db/repositories/attempts';
import { installPack } from '../../db/repositories/packs';
import { PackInstallError } from '../../library/install-problem';
import type { InstallProblem } from '../../library/install-problem';
import { localized } from '../../library/library';
import { CatalogueView } from '../catalogue/CatalogueView';
import { useLibrary } from '../library-context';
import { Loading } from '../Loading';
import { InstallProblemText } from '../packs/InstallProblemText';
import { RequireProfile } from '../profiles/ProfileGate';
import { navigate } from '../router';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

const NO_PROGRESS = new Map<string, ScenarioProgress<number>>();
const NO_OUTCOMES: readonly ProgressOutcome[] = [];

type InstallState =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'installed'; title: string; scenarios: number } | { kind: 'refused'; problem: InstallProblem };

function InstallPack() {
  const { t, i18n } = useTranslation('packs');
  const { db, platform, library } = useServices();
  const { report } = useStorageProblems();
  const [state, setState] = useState<InstallState>({ kind: 'idle' });

  const install = async () => {
    const file = await platform.openFile({ title: t('install.dialogTitle'), filters: [{ name: t('install.filter'), extensions: ['attache'] }] });
    if (!file) return;
    setState({ kind: 'working' });
    try {
      const pack = await library.checkArchive(file.bytes);
      await installPack(db, { packId: pack.manifest.id, version: pack.manifest.version, archive: file.bytes });
      setState({ kind: 'installed', title: localized(pack.manifest.title, i18n.language), scenarios: pack.scenarios.length });
    } catch (error) {
      if (error instanceof PackInstallError) setState({ kind: 'refused', problem: error.problem });
      else {
        setState({ kind: 'idle' });
        report(error);
      }
    }
  };

  return (
    <>
      <Group justify="flex-end">
        <Button variant="light" onClick={() => void install()} loading={state.kind === 'working'} data-testid="catalogue-install">
          {t('install.action')}
        </Button>
      </Group>
      {state.kind === 'installed' && (
        <Alert
          color="teal"
          withCloseButton
          closeButtonLabel={t('install.dismiss')}
          onClose={() => setState({ kind: 'idle' })}
          data-testid="catalogue-install-done"
          role="status"
        >
          {t('install.done', { title: state.title, count: state.scenarios })}
        </Alert>
      )}
      {state.kind === 'refused' && (
        <Alert
          color="red"
          withCloseButton
          closeButtonLabel={t('install.dismiss')}
          onClose={() => setState({ kind: 'idle' })}
          title={t('install.refusedTitle')}
          data-testid="catalogue-install-refused"
          role="alert"
        >
          <InstallProblemText problem={state.problem} />
        </Alert>
      )}
    </>
  );
}

function Catalogue({ profileId }: { profileId: number }) {
  const { db } = useServices();
  const library = useLibrary();
  const progress = useLiveQuery(() => readProgress(db, profileId), [db, profileId]);
  if (!library) return <Loading what="library" />;
  return (
    <>
      <CatalogueView
        library={library}
        progress={progress?.scenarios ?? NO_PROGRESS}
        outcomes={progress?.outcomes ?? NO_OUTCOMES}
        onOpenScenario={(packId, scenarioId) => navigate({ screen: 'briefing', packId, scenarioId })}
      />
      <InstallPack />
    </>
  );
}

export function CatalogueScreen() {
  return <RequireProfile>{(profile) => <Catalogue profileId={profile.id} />}</RequireProfile>;
}

// Runtime: renderer. The debrief of a finished attempt: its frozen outcome, read from the record and
// never recomputed. Only an attempt that has no frozen outcome (under way, damaged, or finished before
// outcomes were frozen and not frozen yet) is opened from its log. A damaged attempt says so above
// what could be read: its debrief when the good part of its log reaches the end, otherwise a way to see
// it read-only in the player.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { scenarioOutcome } from '../../core/engine/outcome';
import { findScenario, personasOf } from '../../library/library';
import { DebriefView } from '../debrief/DebriefView';
import type { LoadedAttempt } from '../player/session';
import type { ScenarioSnapshot } from '../../core/engine/attempt';
import { useAttempt } from '../player/use-attempt';
import { hrefFor, navigate } from '../router';
import { AttemptLoading, AttemptOpenFailed, DamagedAttemptBanner } from '../player/AttemptStatus';
import { readAttempt, readFrozenOutcome } from '../../db/repositories/attempts';
import { freezeFinishedAttempts } from '../../records/freeze';
import { FrozenDebrief } from '../debrief/FrozenDebrief';
import { useLibrary } from '../library-context';
import { useServices } from '../services';

function DebriefActions({ packId, scenarioId }: { packId: string; scenarioId: string }) {
  const { t } = useTranslation('player');
  const library = useLibrary();
  // A frozen debrief outlives its pack; playing again needs the pack installed.
  const installed = library !== null && findScenario(library, packId, scenarioId) !== null;
  return (
    <Group>
      {installed ? (
        <Button onClick={() => navigate({ screen: 'briefing', packId, scenarioId })} data-testid="debrief-again">
          {t('debriefScreen.again')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed" data-testid="debrief-not-installed">
          {t('debriefScreen.notInstalled')}
        </Text>
      )}
      <Button component="a" href={hrefFor('catalogue')} variant="light" data-testid="debrief-to-catalogue">
        {t('debriefScreen.toCatalogue')}
      </Button>
    </Group>
  );
}

function Debrief({ loaded, snapshot }: { loaded: LoadedAttempt; snapshot: ScenarioSnapshot }) {
  const outcome = useMemo(() => scenarioOutcome(loaded.input, snapshot.context.timeline), [loaded.input, snapshot]);
  const personas = useMemo(() => personasOf(loaded.ref), [loaded.ref]);
  const { pack, scenario } = loaded.ref;
  return (
    <Stack gap="lg" data-testid="debrief-page">
      <DebriefView
        outcome={outcome}
        scenario={scenario}
        personas={personas}
        timeline={snapshot.context.timeline}
        playLanguage={loaded.input.playLanguage}
        headingLevel={1}
      />
      <DebriefActions packId={pack.manifest.id} scenarioId={scenario.id} />
    </Stack>
  );
}

export function DebriefScreen({ attemptId }: { attemptId: number }) {
  const { db, appInfo } = useServices();
  const library = useLibrary();
  const record = useLiveQuery(async () => {
    const attempt = await readAttempt(db, attemptId);
    return { attempt, frozen: attempt ? await readFrozenOutcome(db, attempt.uid) : null };
  }, [db, attemptId]);
  const finishedUnfrozen = record?.attempt?.status === 'finished' && record.frozen === null;
  useEffect(() => {
    // An attempt that ended before outcomes were frozen, and was not frozen at start: freeze it now.
    if (finishedUnfrozen && library) void freezeFinishedAttempts(db, library, appInfo.version);
  }, [finishedUnfrozen, library, db, appInfo.version]);
  if (record === undefined) return <AttemptLoading />;
  if (record.frozen?.played) {
    const { frozen, played } = record.frozen;
    return (
      <Stack gap="lg" data-testid="debrief-page" data-frozen>
        <FrozenDebrief frozen={frozen} played={played} headingLevel={1} />
        <DebriefActions packId={frozen.summary.packId} scenarioId={frozen.summary.scenarioId} />
      </Stack>
    );
  }
  return <DebriefFromLog attemptId={attemptId} />;
}

function DebriefFromLog({ attemptId }: { attemptId: number }): ReactNode {
  const { t } = useTranslation('player');
  const view = useAttempt(attemptId);
  if (view.status === 'loading') return <AttemptLoading />;
  if (view.status === 'failed') return <AttemptOpenFailed failure={view.failure} />;
  if (view.loaded.damage) {
    return (
      <Stack gap="lg">
        <DamagedAttemptBanner attemptId={attemptId} damage={view.loaded.damage} />
        {view.snapshot.status === 'done' ? (
          <Debrief loaded={view.loaded} snapshot={view.snapshot} />
        ) : (
          <Alert color="gray" data-testid="debrief-damaged" title={t('damaged.debrief')}>
            <Button component="a" href={hrefFor({ screen: 'player', attemptId })} size="xs" mt="xs" variant="light">
              {t('damaged.openReadOnly')}
            </Button>
          </Alert>
        )}
      </Stack>
    );
  }
  if (view.snapshot.status !== 'done') {
    return (
      <Alert color="blue" data-testid="debrief-not-over" title={t('debriefScreen.notOver')}>
        <Button component="a" href={hrefFor({ screen: 'player', attemptId })} size="xs" mt="xs">
          {t('debriefScreen.resume')}
        </Button>
      </Alert>
    );
  }
  return <Debrief loaded={view.loaded} snapshot={view.snapshot} />;
}

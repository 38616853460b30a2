// Runtime: renderer. The debrief of a finished attempt, read back from storage. A damaged attempt
// says so above what could be read: its debrief when the good part of its log reaches the end,
// otherwise a way to see it read-only in the player.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { scenarioOutcome } from '../../core/engine/outcome';
import { personasOf } from '../../library/library';
import { DebriefView } from '../debrief/DebriefView';
import type { LoadedAttempt } from '../player/session';
import type { ScenarioSnapshot } from '../../core/engine/attempt';
import { useAttempt } from '../player/use-attempt';
import { hrefFor, navigate } from '../router';
import { AttemptLoading, AttemptOpenFailed, DamagedAttemptBanner } from '../player/AttemptStatus';

function Debrief({ loaded, snapshot }: { loaded: LoadedAttempt; snapshot: ScenarioSnapshot }) {
  const { t } = useTranslation('player');
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
      <Group>
        <Button onClick={() => navigate({ screen: 'briefing', packId: pack.manifest.id, scenarioId: scenario.id })} data-testid="debrief-again">
          {t('debriefScreen.again')}
        </Button>
        <Button component="a" href={hrefFor('catalogue')} variant="light" data-testid="debrief-to-catalogue">
          {t('debriefScreen.toCatalogue')}
        </Button>
      </Group>
    </Stack>
  );
}

export function DebriefScreen({ attemptId }: { attemptId: number }) {
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

// Runtime: renderer. What a screen built on one attempt shows before the attempt is ready: a loader
// while it is read, and why it could not be opened. The player and the debrief say it the same way.
import { Alert, Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttemptView } from './use-attempt';
import { hrefFor } from '../router';

export type AttemptOpenFailure = Extract<AttemptView, { status: 'failed' }>['failure'];

export function AttemptLoading() {
  const { t } = useTranslation('player');
  return (
    <Group justify="center" p="xl" data-testid="player-loading">
      <Loader aria-label={t('loading')} />
    </Group>
  );
}

export function AttemptOpenFailed({ failure }: { failure: AttemptOpenFailure }) {
  const { t } = useTranslation('player');
  return (
    <Alert color="red" title={t('openFailed.title')} data-testid="player-open-failed" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          {failure.kind === 'missing'
            ? t('openFailed.missing')
            : failure.kind === 'scenario-gone'
              ? t('openFailed.scenarioGone', { pack: failure.packId, scenario: failure.scenarioId })
              : t('openFailed.error', { detail: failure.detail })}
        </Text>
        <Anchor href={hrefFor('history')}>{t('openFailed.toHistory')}</Anchor>
      </Stack>
    </Alert>
  );
}

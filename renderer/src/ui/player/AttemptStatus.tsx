// Runtime: renderer. What a screen built on one attempt shows before the attempt is ready: a loader
// while it is read, and why it could not be opened; and, for an attempt whose log is damaged, what
// is wrong with it, that it is read-only and unchanged, and a way to delete it. The player and the
// debrief say it the same way.
import { Alert, Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineEvent } from '../../core/engine/machine';
import { deleteAttempt } from '../../db/repositories/attempts';
import type { Translate } from '../../i18n/grading-message';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { AlertIcon } from '../icons';
import { hrefFor, navigate } from '../router';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import type { LogDamage } from './session';
import { formatSimTime } from '../sim-time';
import type { AttemptView } from './use-attempt';

export type AttemptOpenFailure = Extract<AttemptView, { status: 'failed' }>['failure'];

export function AttemptLoading() {
  const { t } = useTranslation('player');
  return (
    <Group justify="center" p="xl" data-testid="player-loading">
      <Loader role="status" aria-label={t('loading')} />
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

/** Event types by the key that names them (the types themselves hold dots, which i18next reads as nesting). */
const EVENT_NAMES: Record<EngineEvent['type'], string> = {
  START: 'start',
  'CLOCK.TICK': 'tick',
  'CLOCK.NEXT': 'next',
  'CLOCK.SET_SPEED': 'speed',
  PUBLISH: 'publish',
  'CLEARANCE.REQUEST': 'clearance',
  MODERATE: 'moderate',
  FINISH: 'finish',
};

/** "Event 37 of 120 (publish at 0:35) has no text." in the UI's language. */
export function describeLogDamage(t: Translate, damage: LogDamage): string {
  const time = formatSimTime(damage.at);
  const where = damage.eventType
    ? t('damaged.where', { position: damage.position, total: damage.total, event: t(`damaged.event.${EVENT_NAMES[damage.eventType]}`, {}), time })
    : t('damaged.whereUnknown', { position: damage.position, total: damage.total, time });
  return t('damaged.sentence', { where, reason: t(damage.reason.key, { ...damage.reason.params }) });
}

/** The banner over a damaged attempt: what is wrong, that nothing was changed, and what can be done. */
export function DamagedAttemptBanner({ attemptId, damage }: { attemptId: number; damage: LogDamage }) {
  const { t } = useTranslation(['player', 'common']);
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [opened, dialog] = useDisclosure(false);
  const [deleting, setDeleting] = useState(false);
  const [failed, setFailed] = useState(false);
  // Keys of reasons come from the core at run time, so they cannot be checked against the typed resources.
  const translate = t as unknown as Translate;

  const close = () => {
    setFailed(false);
    dialog.close();
  };
  const confirm = () => {
    setDeleting(true);
    setFailed(false);
    deleteAttempt(db, attemptId)
      .then(
        () => {
          dialog.close();
          navigate('history');
        },
        (error: unknown) => {
          setFailed(true);
          report(error);
        },
      )
      .finally(() => setDeleting(false));
  };

  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} title={t('damaged.title')} data-testid="attempt-damaged" role="status">
      <Stack gap="xs">
        <Text size="sm" data-testid="attempt-damaged-where">
          {describeLogDamage(translate, damage)}
        </Text>
        <Text size="sm">{t('damaged.readOnly')}</Text>
        <Group gap="sm">
          <Button size="xs" variant="white" color="red" onClick={dialog.open} data-testid="attempt-damaged-delete">
            {t('damaged.delete')}
          </Button>
          <Anchor href={hrefFor('history')} size="sm">
            {t('openFailed.toHistory')}
          </Anchor>
        </Group>
      </Stack>
      <ConfirmDeleteDialog
        opened={opened}
        onClose={close}
        onConfirm={confirm}
        title={t('damaged.deleteTitle')}
        cancelLabel={t('damaged.deleteCancel')}
        confirmLabel={t('damaged.deleteConfirm')}
        deleting={deleting}
        failure={failed ? t('damaged.deleteFailed') : null}
        testId="attempt-delete"
      >
        <Text size="sm">{t('damaged.deleteBody')}</Text>
      </ConfirmDeleteDialog>
    </Alert>
  );
}

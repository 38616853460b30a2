// Runtime: renderer. The two ways of ending a scenario early: Finish, which says what ending now leaves
// undone (counted as the debrief will count it), and, once nothing is left to happen, the skip to the
// end, which offers Finish too.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskAccounting } from '../../core/engine/timeline';

export function FinishDialog({
  opened,
  onClose,
  onConfirm,
  accounting,
  openTasks,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  /** What finishing now leaves (finishAccounting): the debrief counts the same. */
  accounting: TaskAccounting;
  /** Of the missed, how many are open now (the others already missed their deadline). */
  openTasks: number;
}) {
  const { t } = useTranslation(['player', 'common']);
  const alreadyMissed = accounting.missed.length - openTasks;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('finish.title')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
      data-testid="player-finish-dialog"
    >
      <Stack data-missed={accounting.missed.length} data-not-reached={accounting.notReached.length}>
        <Text size="sm">{t('finish.body')}</Text>
        {openTasks > 0 && (
          <Text size="sm" data-testid="player-finish-missed">
            {t('finish.missed', { count: openTasks })}
          </Text>
        )}
        {alreadyMissed > 0 && (
          <Text size="sm" data-testid="player-finish-already-missed">
            {t('finish.alreadyMissed', { count: alreadyMissed })}
          </Text>
        )}
        {accounting.notReached.length > 0 && (
          <Text size="sm" data-testid="player-finish-not-reached">
            {t('finish.notReached', { count: accounting.notReached.length })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('finish.cancel')}
          </Button>
          <Button color="red" data-testid="player-finish-confirm" onClick={onConfirm}>
            {t('finish.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Nothing is left to happen before the end: skip the clock there, or finish now. */
export function SkipToEndDialog({
  opened,
  end,
  onClose,
  onSkip,
  onFinish,
}: {
  opened: boolean;
  /** The scenario's end, as H:MM. */
  end: string;
  onClose: () => void;
  onSkip: () => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation(['player', 'common']);
  return (
    // Wide enough for its three choices on one line, in Russian too.
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('skip.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:close') }}
      data-testid="player-skip-dialog"
    >
      <Stack>
        <Text size="sm">{t('skip.body', { end })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('skip.cancel')}
          </Button>
          <Button variant="light" color="red" onClick={onFinish} data-testid="player-skip-finish">
            {t('skip.finish')}
          </Button>
          <Button onClick={onSkip} data-testid="player-skip-confirm">
            {t('skip.confirm', { end })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// Runtime: renderer. The two ways of ending a scenario early: Finish, which says what ending now leaves
// undone (counted as the debrief will count it) — the tasks, and the urgent messages nobody has
// answered yet — and, once nothing is left to happen, the skip to the end, which offers Finish too.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskAccounting } from '../../core/engine/timeline';
import { formatList } from '../format';
import { AlertIcon } from '../icons';

export function FinishDialog({
  opened,
  onClose,
  onConfirm,
  accounting,
  openTasks,
  urgentUnanswered,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  /** What finishing now leaves (finishAccounting): the debrief counts the same. */
  accounting: TaskAccounting;
  /** Of the missed, how many are open now (the others already missed their deadline). */
  openTasks: number;
  /** Who wrote the urgent messages still without an answer (outcome.ts `dutyOfCare`), in order of arrival. */
  urgentUnanswered: readonly string[];
}) {
  const { t, i18n } = useTranslation(['player', 'common']);
  const alreadyMissed = accounting.missed.length - openTasks;
  return (
    // Wide enough for its two buttons on one line, in Russian too.
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('finish.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:close') }}
      data-testid="player-finish-dialog"
    >
      <Stack data-missed={accounting.missed.length} data-not-reached={accounting.notReached.length} data-urgent={urgentUnanswered.length}>
        <Text size="sm">{t('finish.body')}</Text>
        {/* First: a person in need outweighs any task. The debrief will say it too; the grade does not change. */}
        {urgentUnanswered.length > 0 && (
          <Alert color="red" variant="light" icon={<AlertIcon size={18} />} p="xs" data-testid="player-finish-urgent">
            <Text size="sm">{t('finish.urgent', { count: urgentUnanswered.length, names: formatList([...new Set(urgentUnanswered)], i18n.language) })}</Text>
          </Alert>
        )}
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

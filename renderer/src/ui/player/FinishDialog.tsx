// Runtime: renderer. Asks before the trainee ends the scenario, saying what ending now leaves undone.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FinishDialog({
  opened,
  onClose,
  onConfirm,
  openTasks,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  /** Tasks open now: finishing counts them as missed. */
  openTasks: number;
}) {
  const { t } = useTranslation(['player', 'common']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('finish.title')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
      data-testid="player-finish-dialog"
    >
      <Stack>
        <Text size="sm">{openTasks > 0 ? t('finish.bodyOpen', { count: openTasks }) : t('finish.body')}</Text>
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

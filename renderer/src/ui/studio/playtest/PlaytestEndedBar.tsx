// Runtime: renderer. Above a play-test's debrief: that it is one and is not saved, and the ways on.
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PlaytestEndedBar({ onAgain, onLeave }: { onAgain: () => void; onLeave: () => void }) {
  const { t } = useTranslation('studioPublish');
  return (
    <Paper withBorder radius="md" p="sm" data-testid="playtest-ended">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <Badge color="violet" variant="filled">
            {t('bar.badge')}
          </Badge>
          {/* The debrief below holds the page's heading. */}
          <Text fw={700}>{t('ended.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('ended.note')}
          </Text>
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={onAgain} data-testid="playtest-again">
            {t('ended.again')}
          </Button>
          <Button color="violet" onClick={onLeave} data-testid="playtest-ended-leave">
            {t('ended.leave')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

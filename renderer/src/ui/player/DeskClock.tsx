// Runtime: renderer. The desk's clock: the simulated time against the scenario's length, how fast it
// runs, the jump to the next event, and Finish.
import { Button, Group, Progress, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClockSpeed } from '../../core/engine/machine';
import { CLOCK_SPEEDS } from '../../core/engine/machine';
import { formatSimTime } from '../sim-time';

export function DeskClock({
  time,
  duration,
  speed,
  live,
  readOnly,
  hasNext,
  onSpeed,
  onNext,
  onFinish,
}: {
  time: number;
  duration: number;
  speed: ClockSpeed;
  live: boolean;
  /** A damaged attempt shows its time, without controls. */
  readOnly: boolean;
  hasNext: boolean;
  onSpeed: (speed: ClockSpeed) => void;
  onNext: () => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation('player');
  return (
    <Group gap="sm" wrap="wrap" role="group" aria-label={t('clock.label')}>
      <Stack gap={2} miw={150}>
        <Text fw={700} ff="monospace" size="lg" data-testid="player-clock" aria-live="off">
          {t('clock.time', { time: formatSimTime(time), end: formatSimTime(duration) })}
        </Text>
        <Progress value={Math.min(100, (time / Math.max(1, duration)) * 100)} size="xs" aria-label={t('clock.progress')} />
      </Stack>
      {!readOnly && (
        <>
          <SegmentedControl
            data-testid="player-speed"
            aria-label={t('clock.speed')}
            value={String(speed)}
            onChange={(value) => onSpeed(Number(value) as ClockSpeed)}
            disabled={!live}
            size="xs"
            data={CLOCK_SPEEDS.map((option) => ({ value: String(option), label: option === 0 ? t('clock.pause') : t('clock.times', { speed: option }) }))}
          />
          <Tooltip label={t('clock.nextHint')}>
            <Button size="xs" variant="light" onClick={onNext} disabled={!hasNext} data-testid="player-next">
              {t('clock.next')}
            </Button>
          </Tooltip>
          <Button size="xs" color="red" variant="light" onClick={onFinish} disabled={!live} data-testid="player-finish">
            {t('finish.action')}
          </Button>
        </>
      )}
    </Group>
  );
}

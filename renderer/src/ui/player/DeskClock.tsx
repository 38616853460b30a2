// Runtime: renderer. The desk's clock: the simulated time against the scenario's length, how fast it
// runs, the jump to the next event (or, with nothing left to happen, the skip to the end), and Finish.
import { Button, Group, NativeSelect, Progress, Stack, Text, Tooltip } from '@mantine/core';
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
  seconds = false,
  onSpeed,
  onNext,
  onSkip,
  onFinish,
}: {
  time: number;
  duration: number;
  speed: ClockSpeed;
  live: boolean;
  /** A damaged attempt shows its time, without controls. */
  readOnly: boolean;
  /** Something is still to happen before the end: a message, a task opening, a deadline. */
  hasNext: boolean;
  /** A live stream is on the air: the clock shows seconds, as comments come within them. */
  seconds?: boolean;
  onSpeed: (speed: ClockSpeed) => void;
  onNext: () => void;
  /** Nothing is left to happen: asks whether to skip to the end or finish now. */
  onSkip: () => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation('player');
  const end = formatSimTime(duration);
  return (
    <Group gap="sm" wrap="wrap" role="group" aria-label={t('clock.label')}>
      <Stack gap={2} miw={150}>
        <Text fw={700} ff="monospace" size="lg" data-testid="player-clock" aria-live="off">
          {t('clock.time', { time: formatSimTime(time, { seconds: seconds ? 'always' : 'auto' }), end })}
        </Text>
        <Progress value={Math.min(100, (time / Math.max(1, duration)) * 100)} size="xs" aria-label={t('clock.progress')} />
      </Stack>
      {!readOnly && (
        <>
          {/* Eight speeds do not fit the top bar as segments: one compact list, read and changed by keyboard too. */}
          <NativeSelect
            data-testid="player-speed"
            aria-label={t('clock.speed')}
            value={String(speed)}
            onChange={(event) => onSpeed(Number(event.currentTarget.value) as ClockSpeed)}
            disabled={!live}
            size="xs"
            w={92}
            data={CLOCK_SPEEDS.map((option) => ({ value: String(option), label: option === 0 ? t('clock.pause') : t('clock.times', { speed: option }) }))}
          />
          {hasNext || !live ? (
            <Tooltip label={t('clock.nextHint')}>
              <Button size="xs" variant="light" onClick={onNext} disabled={!live} data-testid="player-next">
                {t('clock.next')}
              </Button>
            </Tooltip>
          ) : (
            <Tooltip label={t('clock.skipHint', { end })}>
              <Button size="xs" variant="light" onClick={onSkip} data-testid="player-skip">
                {t('clock.skip')}
              </Button>
            </Tooltip>
          )}
          <Button size="xs" color="red" variant="light" onClick={onFinish} disabled={!live} data-testid="player-finish">
            {t('finish.action')}
          </Button>
        </>
      )}
    </Group>
  );
}

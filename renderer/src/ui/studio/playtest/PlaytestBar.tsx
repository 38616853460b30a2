// Runtime: renderer. What a play-test adds to the trainee's desk, above it: a plain mark that this is
// a play-test and nothing is saved, "send this inject now" over the injects not yet delivered, and
// the ways out (start again, back to the studio).
import { Alert, Badge, Button, Group, NativeSelect, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduledInject } from '../../../core/engine/timeline';
import { formatSimTime } from '../../sim-time';
import { injectLabel } from './inject-label';

export interface PlaytestBarProps {
  scenarioTitle: string;
  languageName: string;
  language: string;
  /** The injects still to arrive, in time order. */
  waiting: readonly ScheduledInject[];
  /** The simulated minute now. */
  time: number;
  onSend: (injectId: string) => void;
  onRestart: () => void;
  onLeave: () => void;
}

export function PlaytestBar({ scenarioTitle, languageName, language, waiting, time, onSend, onRestart, onLeave }: PlaytestBarProps) {
  const { t } = useTranslation('studioPublish');
  const [chosen, setChosen] = useState<string | null>(null);
  const [sent, setSent] = useState<{ id: string; at: number } | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const selected = waiting.find((item) => item.inject.id === chosen) ?? waiting[0] ?? null;

  const send = () => {
    if (!selected) return;
    onSend(selected.inject.id);
    setSent({ id: selected.inject.id, at: time });
    setChosen(null);
    // The list changed under the focus: keep it on the list, not lost to the page.
    selectRef.current?.focus();
  };

  return (
    <Alert color="violet" variant="light" py={6} px="sm" data-testid="playtest-bar" role="region" aria-label={t('bar.label')}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: '1 1 300px' }}>
          <Badge color="violet" variant="filled" style={{ flexShrink: 0 }} data-testid="playtest-badge">
            {t('bar.badge')}
          </Badge>
          <Text size="xs">{t('bar.note', { scenario: scenarioTitle, language: languageName })}</Text>
        </Group>
        {selected ? (
          <Group gap="xs" wrap="nowrap">
            <NativeSelect
              ref={selectRef}
              size="xs"
              aria-label={t('bar.inject')}
              value={selected.inject.id}
              onChange={(event) => setChosen(event.currentTarget.value)}
              data={waiting.map((item) => ({
                value: item.inject.id,
                label: t('bar.injectOption', { time: formatSimTime(item.at), inject: injectLabel(item.inject, language) }),
              }))}
              w={300}
              data-testid="playtest-inject"
            />
            <Button size="xs" variant="default" onClick={send} data-testid="playtest-send" style={{ flexShrink: 0 }}>
              {t('bar.send')}
            </Button>
          </Group>
        ) : (
          <Text size="xs">{t('bar.noneWaiting')}</Text>
        )}
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={onRestart} data-testid="playtest-restart">
            {t('bar.restart')}
          </Button>
          <Button size="xs" color="violet" onClick={onLeave} data-testid="playtest-leave">
            {t('bar.leave')}
          </Button>
        </Group>
      </Group>
      <Text size="xs" role="status" data-testid="playtest-sent" mt={sent ? 4 : 0}>
        {sent ? t('bar.sent', { inject: sent.id, time: formatSimTime(sent.at) }) : ''}
      </Text>
    </Alert>
  );
}

// Runtime: renderer. One line under the draft where headquarters must clear it: cleared as it stands,
// waiting for their answer, or — before either — that publishing it now is a policy breach.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon } from '../../icons';
import { formatSimTime } from '../../sim-time';
import type { DraftClearance } from './target';

// Dark enough on a light page and light enough on a dark one to be read as small print.
const TEAL = 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))';
const ORANGE = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-orange-4))';

export function ClearanceNotice({ clearance }: { clearance: Extract<DraftClearance, { required: true }> }) {
  const { t } = useTranslation('composer');
  const state = clearance.cleared ? 'cleared' : clearance.pendingSince !== null ? 'pending' : 'uncleared';
  return (
    <Text
      size="xs"
      c={state === 'cleared' ? TEAL : state === 'pending' ? 'dimmed' : ORANGE}
      role="status"
      data-testid="composer-clearance"
      data-state={state}
      style={{ display: 'flex', gap: 4, alignItems: 'center' }}
    >
      {state === 'cleared' ? <CheckIcon size={14} /> : state === 'uncleared' ? <AlertIcon size={14} /> : null}
      <span>
        {state === 'cleared'
          ? t('clearance.cleared')
          : state === 'pending'
            ? t('clearance.pending', { time: formatSimTime(clearance.pendingSince ?? 0) })
            : t('clearance.uncleared')}
      </span>
    </Text>
  );
}

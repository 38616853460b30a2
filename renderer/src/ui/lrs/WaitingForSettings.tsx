// Runtime: renderer. Finished attempts that have no statements yet because the academy's settings do not
// say who their trainee is to the LRS: how many, and what to set.
import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatementsBlocker } from '../../core/records/xapi';

const BLOCKERS: readonly StatementsBlocker[] = ['no-academy-iri', 'no-academy-id', 'no-email'];

export function WaitingForSettings({ waiting }: { waiting: Partial<Record<StatementsBlocker, number>> }) {
  const { t } = useTranslation('lrs');
  const shown = BLOCKERS.filter((blocker) => (waiting[blocker] ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <List size="sm" spacing={2} data-testid="lrs-waiting-for-settings">
      {shown.map((blocker) => (
        <List.Item key={blocker} data-blocker={blocker}>
          {t(`status.waitingFor.${blocker}`, { count: waiting[blocker] ?? 0 })}
        </List.Item>
      ))}
    </List>
  );
}

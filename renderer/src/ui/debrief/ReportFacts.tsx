// Runtime: renderer. Beside a report to headquarters in the debrief: the facts the simulation knew
// when it was sent — what headquarters could check it against, and what it was graded against.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonitoringFacts } from '../../core/engine/monitoring';
import { formattingLocale } from '../../core/locale';
import type { Scenario } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { formatSimTime } from '../sim-time';

interface Props {
  facts: MonitoringFacts;
  scenario: Pick<Scenario, 'accounts'>;
  playLanguage: string;
}

export function ReportFacts({ facts, scenario, playLanguage }: Props) {
  const { t, i18n } = useTranslation('debrief');
  const numbers = new Intl.NumberFormat(formattingLocale(i18n.language));
  const list = new Intl.ListFormat(formattingLocale(i18n.language), { type: 'conjunction' });
  const accountName = (id: string) => {
    const account = scenario.accounts.find((candidate) => candidate.id === id);
    return account ? `${localized(account.name, playLanguage)} (${account.handle.startsWith('@') ? account.handle : `@${account.handle}`})` : id;
  };
  const replies = t('report.replies', { count: facts.replies, number: numbers.format(facts.replies) });
  const moods = facts.dominantMoods.length ? t('report.mostly', { moods: list.format(facts.dominantMoods.map((mood) => t(`report.mood.${mood}`))) }) : null;
  const busiest = facts.busiest.length ? t('report.busiest', { accounts: list.format(facts.busiest.map(accountName)) }) : null;
  const shared = facts.mostShared;
  const sharedLine = shared
    ? t('report.shared', {
        count: shared.shares,
        number: numbers.format(shared.shares),
        author: shared.author ? shared.author.name : accountName(shared.accountId),
        text: shared.text.length > 90 ? `${shared.text.slice(0, 89)}…` : shared.text,
      })
    : t('report.nothingShared');
  return (
    <Stack gap={2} data-testid="debrief-report-facts">
      <Text size="sm" fw={700}>
        {t('report.title', { time: formatSimTime(facts.at) })}
      </Text>
      <Text size="sm">{[replies, moods, busiest].filter((part) => part !== null).join('; ')}</Text>
      <Text size="sm">{sharedLine}</Text>
    </Stack>
  );
}

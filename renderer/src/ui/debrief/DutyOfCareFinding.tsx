// Runtime: renderer. The debrief's duty-of-care finding, just below the result: each urgent message
// (a citizen in danger or need) that arrived, who sent it and when, what they needed, and whether an
// answer was sent and how long it took. Shown whatever the tasks asked and whatever the result — a
// passed attempt that left someone without an answer must say so — and it changes no score.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyOfCare, ScenarioOutcome } from '../../core/engine/outcome';
import type { TimelineState } from '../../core/engine/timeline';
import type { Persona, Scenario } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { AlertIcon, CheckIcon } from '../icons';
import { usePlatformName } from '../platform-name';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';

interface Props {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  personas: Map<string, Persona>;
  timeline: TimelineState;
  playLanguage: string;
  level: TitleOrder;
}

export function DutyOfCareFinding({ outcome, scenario, personas, timeline, playLanguage, level }: Props) {
  const { t } = useTranslation('debrief');
  const headingId = useId();
  // Frozen outcomes from before urgent messages existed hold none.
  const entries = outcome.dutyOfCare ?? [];
  if (entries.length === 0) return null;
  const unanswered = entries.filter((entry) => entry.answeredAt === null).length;

  return (
    <Card component="section" aria-labelledby={headingId} className={classes.care} data-testid="debrief-duty-of-care" data-unanswered={unanswered}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <div className={classes.careIcon}>{unanswered > 0 ? <AlertIcon size={22} /> : <CheckIcon size={22} />}</div>
          <div>
            <Title order={level} id={headingId} size="h3">
              {t('care.heading')}
            </Title>
            <Text size="sm" fw={600} data-testid="debrief-duty-of-care-summary">
              {unanswered > 0 ? t('care.unanswered', { count: unanswered, total: entries.length }) : t('care.allAnswered', { count: entries.length })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('care.note')}
            </Text>
          </div>
        </Group>
        <ul className={classes.careList}>
          {entries.map((entry) => (
            <CareItem key={entry.injectId} entry={entry} scenario={scenario} personas={personas} timeline={timeline} playLanguage={playLanguage} />
          ))}
        </ul>
      </Stack>
    </Card>
  );
}

function CareItem({
  entry,
  scenario,
  personas,
  timeline,
  playLanguage,
}: {
  entry: DutyOfCare;
  scenario: Scenario;
  personas: Map<string, Persona>;
  timeline: TimelineState;
  playLanguage: string;
}) {
  const { t } = useTranslation('debrief');
  const platformName = usePlatformName();
  const persona = personas.get(entry.personaId);
  const who = persona ? localized(persona.name, playLanguage) : t('someone');
  const account = scenario.accounts.find((candidate) => candidate.id === entry.accountId);
  const where = account ? t('account', { name: localized(account.name, playLanguage), platform: platformName(account.platform) }) : entry.accountId;
  const item = timeline.feed.find((candidate) => candidate.id === entry.injectId);
  const text = item?.source === 'inject' ? localized(item.inject.text, playLanguage) : null;
  const answered = entry.answeredAt !== null;

  return (
    <li className={classes.careItem} data-testid="debrief-duty-of-care-item" data-inject-id={entry.injectId} data-answered={String(answered)}>
      <Text size="sm" fw={700}>
        {t('care.from', { who, time: formatSimTime(entry.at), account: where })}
      </Text>
      {text && (
        <Text size="sm" className={classes.careQuote}>
          {t('drafts.quote', { text })}
        </Text>
      )}
      <Text size="sm" fw={600} className={answered ? undefined : classes.fail} data-testid="debrief-duty-of-care-answer">
        {answered
          ? entry.answeredAt === entry.at
            ? t('care.answeredAtOnce', { time: formatSimTime(entry.answeredAt!) })
            : t('care.answeredAfter', { count: entry.answeredAt! - entry.at, time: formatSimTime(entry.answeredAt!) })
          : t('care.noAnswer')}
      </Text>
    </li>
  );
}

// Runtime: renderer. Everything that happened in the attempt, in simulated time: what arrived and
// from whom, what the trainee published and how it was judged, the audience's replies, missed
// deadlines, the turns the scenario took and its end.
import { Switch, Text, Timeline } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioOutcome, TimelineEntry } from '../../core/engine/outcome';
import type { FeedItem, TimelineState } from '../../core/engine/timeline';
import type { Mood } from '../../core/engine/audience';
import type { Inject, Persona, Scenario } from '../../core/pack/schema';
import { INJECT_TYPES, REACTION_MOODS } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { AlertIcon, CheckIcon } from '../icons';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';
import { branchCauses } from './debrief-data';
import { MOOD_COLORS } from './palette';
import { Section } from './Section';
import { usePlatformName } from '../platform-name';
import { formattingLocale } from '../../core/locale';

interface Props {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  personas: Map<string, Persona>;
  timeline: TimelineState;
  playLanguage: string;
  level: TitleOrder;
}

interface Item {
  title: ReactNode;
  /** Where it happened, in small print. */
  note?: string;
  details: ReactNode[];
  excerpt?: string;
  color: string;
  bullet?: ReactNode;
}

const END_REASONS = ['time', 'branch', 'finished'] as const;

// The outcome's entries carry these as plain strings; anything unknown is shown as it is.
const isInjectType = (value: string): value is Inject['type'] => (INJECT_TYPES as readonly string[]).includes(value);
const isMood = (value: string): value is Mood => (REACTION_MOODS as readonly string[]).includes(value);

export function AttemptTimeline({ outcome, scenario, personas, timeline, playLanguage, level }: Props) {
  const { t, i18n } = useTranslation('debrief');
  const platformName = usePlatformName();
  // Replies are most of what happens; the story reads better without them until asked for.
  const [showReplies, setShowReplies] = useState(false);
  const feed = new Map<string, FeedItem>();
  for (const item of timeline.feed) if (!feed.has(item.id)) feed.set(item.id, item);
  const taskTitle = (taskId: string) => {
    const task = scenario.tasks.find((candidate) => candidate.id === taskId);
    return task ? localized(task.title, playLanguage) : taskId;
  };
  const personaName = (personaId: string | null) => {
    const persona = personaId ? personas.get(personaId) : undefined;
    return persona ? localized(persona.name, playLanguage) : null;
  };
  const accountName = (accountId: string) => {
    const account = scenario.accounts.find((candidate) => candidate.id === accountId);
    return account ? t('account', { name: localized(account.name, playLanguage), platform: platformName(account.platform) }) : accountId;
  };
  const care = new Map((outcome.dutyOfCare ?? []).map((entry) => [entry.injectId, entry]));
  const conjunction = new Intl.ListFormat(formattingLocale(i18n.language), { type: 'conjunction' });

  function describe(entry: TimelineEntry): Item {
    switch (entry.type) {
      case 'inject': {
        const item = feed.get(entry.id);
        const urgent = care.get(entry.id);
        return {
          title: t('timeline.inject', {
            persona: personaName(entry.personaId) ?? t('someone'),
            type: isInjectType(entry.injectType) ? t(`timeline.injectType.${entry.injectType}`) : entry.injectType,
          }),
          note: t('timeline.onAccount', { account: accountName(entry.accountId) }),
          details: urgent
            ? [urgent.answeredAt === null ? t('timeline.urgentUnanswered') : t('timeline.urgentAnswered', { time: formatSimTime(urgent.answeredAt) })]
            : [],
          excerpt: item?.source === 'inject' ? localized(item.inject.text, playLanguage) : undefined,
          color: urgent ? (urgent.answeredAt === null ? 'orange' : 'green') : 'gray',
          ...(urgent?.answeredAt === null ? { bullet: <AlertIcon size={14} /> } : {}),
        };
      }
      case 'publication': {
        const item = feed.get(entry.id);
        return {
          title: t('timeline.publication', { account: accountName(entry.accountId) }),
          details: [
            entry.taskId
              ? t('timeline.publicationTask', { task: taskTitle(entry.taskId), result: t(entry.passed ? 'result.passed' : 'result.failed') })
              : t('timeline.publicationNoTask'),
          ],
          excerpt: item?.source === 'trainee' ? item.text : undefined,
          color: entry.passed ? 'green' : 'red',
          bullet: entry.passed ? <CheckIcon size={14} /> : <AlertIcon size={14} />,
        };
      }
      case 'reply': {
        const item = feed.get(entry.id);
        const mood = isMood(entry.mood) ? t(`audience.mood.${entry.mood}`) : entry.mood;
        // A member of the public the attempt named (outcomes frozen before they had names have none).
        const persona = personaName(entry.personaId) ?? (item?.source === 'audience' ? (item.author?.name ?? null) : null);
        return {
          title: persona ? t('timeline.reply', { persona, mood }) : t('timeline.replyAnonymous', { mood }),
          details: [],
          excerpt: item?.source === 'audience' ? item.text : undefined,
          color: isMood(entry.mood) ? MOOD_COLORS[entry.mood] : 'gray',
        };
      }
      case 'clearance-request': {
        const request = timeline.clearances?.find((candidate) => candidate.id === entry.requestId);
        return {
          title: t('timeline.clearanceRequest', { account: accountName(entry.accountId) }),
          details: entry.taskId ? [t('timeline.clearanceTask', { task: taskTitle(entry.taskId) })] : [],
          excerpt: request?.draft.text,
          color: 'yellow',
        };
      }
      case 'clearance-answer': {
        const reviewer = personaName(scenario.clearance?.reviewer ?? null) ?? t('timeline.headquarters');
        return {
          title: t(entry.verdict === 'cleared' ? 'timeline.clearanceCleared' : 'timeline.clearanceReturned', { reviewer }),
          details: entry.taskId ? [t('timeline.clearanceTask', { task: taskTitle(entry.taskId) })] : [],
          color: entry.verdict === 'cleared' ? 'green' : 'orange',
          bullet: entry.verdict === 'cleared' ? <CheckIcon size={14} /> : <AlertIcon size={14} />,
        };
      }
      case 'moderation': {
        const item = feed.get(entry.commentId);
        const nature = item?.source === 'live-comment' ? item.nature : null;
        // Hiding abuse or spam, or pinning anything else, is what moderation is for; the rest is shown as a warning.
        const right = nature === null ? true : (entry.action === 'hide') === (nature === 'abuse' || nature === 'spam') || entry.action === 'unpin';
        return {
          title: t(`timeline.moderation.${entry.action}`),
          details: nature ? [t(`moderation.nature.${nature}`)] : [],
          excerpt: item?.source === 'live-comment' ? localized(item.comment.text, playLanguage) : undefined,
          color: right ? 'teal' : 'orange',
        };
      }
      case 'task-missed':
        return { title: t('timeline.missed', { task: taskTitle(entry.taskId) }), details: [], color: 'orange', bullet: <AlertIcon size={14} /> };
      case 'branch': {
        const branch = scenario.branches.find((candidate) => candidate.id === entry.branchId);
        if (!branch) return { title: t('timeline.branch'), details: [], color: 'grape' };
        const causes = branchCauses(branch, scenario, timeline, entry.at).map((cause) =>
          cause.kind === 'time'
            ? t('timeline.condition.time', { time: formatSimTime(cause.minute) })
            : t(`timeline.condition.${cause.outcome}`, { task: localized(cause.task.title, playLanguage) }),
        );
        const opened = branch.then.openTasks.map(taskTitle);
        const details: ReactNode[] = [];
        if (causes.length) details.push(t('timeline.because', { reasons: conjunction.format(causes) }));
        if (branch.then.injects.length) details.push(t('timeline.injects', { count: branch.then.injects.length }));
        if (opened.length)
          details.push(t('timeline.opened', { count: opened.length, tasks: conjunction.format(opened.map((title) => t('drafts.quote', { text: title }))) }));
        if (branch.then.end) details.push(t('timeline.endMessage', { message: localized(branch.then.end.message, playLanguage) }));
        return { title: t('timeline.branch'), details, color: 'grape' };
      }
      case 'end': {
        const reason = END_REASONS.find((candidate) => candidate === entry.reason) ?? 'time';
        return { title: t(`timeline.end.${reason}`), details: [], color: 'navy' };
      }
    }
  }

  const replies = outcome.timeline.filter((entry) => entry.type === 'reply').length;
  const entries = showReplies ? outcome.timeline : outcome.timeline.filter((entry) => entry.type !== 'reply');

  return (
    <Section title={t('timeline.heading')} level={level} testId="debrief-timeline">
      {replies > 0 && (
        <Switch
          checked={showReplies}
          onChange={(event) => setShowReplies(event.currentTarget.checked)}
          label={t('timeline.showReplies', { count: replies })}
          data-testid="debrief-timeline-replies"
        />
      )}
      <Timeline active={entries.length - 1} bulletSize={22} lineWidth={2} role="list" aria-label={t('timeline.label')}>
        {entries.map((entry, index) => {
          const item = describe(entry);
          return (
            <Timeline.Item
              key={`${entry.type}-${'id' in entry ? entry.id : ''}-${index}`}
              role="listitem"
              color={item.color}
              bullet={item.bullet}
              title={
                <>
                  <Text component="span" size="sm" fw={700} className={classes.numeric}>
                    {formatSimTime(entry.at)}
                  </Text>{' '}
                  <Text component="span" size="sm" fw={600}>
                    {item.title}
                  </Text>
                </>
              }
              data-testid="debrief-timeline-entry"
              data-entry-type={entry.type}
            >
              {item.note && (
                <Text size="xs" c="dimmed">
                  {item.note}
                </Text>
              )}
              {item.details.map((detail, detailIndex) => (
                <Text key={detailIndex} size="sm">
                  {detail}
                </Text>
              ))}
              {item.excerpt && (
                <Text size="sm" c="dimmed" className={classes.excerpt} lineClamp={2}>
                  {item.excerpt}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Section>
  );
}

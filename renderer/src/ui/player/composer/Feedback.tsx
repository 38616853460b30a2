// Runtime: renderer. What the grader says about the draft while it is written: the length counter,
// the verdict, the score on each axis against its pass mark, and the findings grouped by axis.
import { Button, Group, Progress, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { FocusEvent } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Axis, AxisGrade, Finding, Grade, PlatformMetrics } from '../../../core/grading/types';
import { AXES } from '../../../core/pack/schema';
import { useGradingMessage } from '../../grading-message';
import { AlertIcon, CheckIcon } from '../../icons';
import { fullNumber } from '../feed/format';
import classes from './Composer.module.css';
import type { CounterState } from './highlight';
import { reportWordCount } from '../../../core/grading/report';
import { counterShown, counterState } from './highlight';
import { usePlatformName } from '../../platform-name';
import { findingCost } from '../../finding-cost';
import type { DraftClearance } from './target';

function worstState(states: CounterState[]): CounterState {
  return states.includes('over') ? 'over' : states.includes('near') ? 'near' : 'ok';
}

/**
 * `length / limit` as the platform counts, with the room left or the excess in words; per post for a
 * thread. Shown as the platform shows it (`counterShown`): a short limit always, a long one only near
 * it or over it — nothing at all for an ordinary Facebook or VK post.
 */
/** A report's length in words, against the least and the most its task allows. */
export function ReportCounter({ text, words }: { text: string; words: { min: number; max: number } }) {
  const { t } = useTranslation('composer');
  const count = reportWordCount(text);
  const state: CounterState = count > words.max ? 'over' : count < words.min ? 'near' : 'ok';
  return (
    <Text size="xs" className={classes.counter} data-state={state} data-testid="composer-counter" data-words={count}>
      {t('counter.words', { count, min: words.min, max: words.max })}
    </Text>
  );
}

export function Counter({ metrics }: { metrics: PlatformMetrics }) {
  const { t, i18n } = useTranslation('composer');
  const platformName = usePlatformName();
  // Formatters are cached per language: the counter renders on every keystroke.
  const number = (value: number) => fullNumber(value, i18n.language);
  const { length, limit, parts } = metrics;
  const platform = platformName(metrics.platform);
  const describe = (value: number, state: CounterState) =>
    state === 'over' ? t('counter.over', { count: value - limit }) : state === 'near' ? t('counter.left', { count: limit - value }) : null;

  if (parts && parts.length > 1) {
    const states = parts.map((part) => counterState(part, limit));
    const perPart = parts.some((part) => counterShown(part, limit));
    return (
      <div data-testid="composer-counter" data-state={worstState(states)}>
        <Text size="xs" fw={500}>
          {t('counter.parts', { count: parts.length })}
        </Text>
        {perPart &&
          parts.map((part, index) => {
            const state = states[index]!;
            const note = describe(part, state);
            return (
              <Text key={index} size="xs" className={classes.counter} data-state={state} data-testid="composer-counter-part">
                {state !== 'ok' && (
                  <AlertIcon
                    size={12}
                    className={classes.icon}
                    data-tone={state === 'over' ? 'bad' : 'warn'}
                    style={{ verticalAlign: '-1px', marginInlineEnd: 4 }}
                  />
                )}
                {t('counter.part', { part: index + 1, length: number(part), limit: number(limit) })}
                {note && ` · ${note}`}
              </Text>
            );
          })}
      </div>
    );
  }

  const value = parts?.[0] ?? length;
  if (!counterShown(value, limit)) return null;
  const state = counterState(value, limit);
  const note = describe(value, state);
  return (
    <Text size="xs" className={classes.counter} data-state={state} data-testid="composer-counter">
      <VisuallyHidden>{t('counter.label', { platform })} </VisuallyHidden>
      {state !== 'ok' && (
        <AlertIcon size={12} className={classes.icon} data-tone={state === 'over' ? 'bad' : 'warn'} style={{ verticalAlign: '-1px', marginInlineEnd: 4 }} />
      )}
      {t('counter.value', { length: number(value), limit: number(limit) })}
      {note && ` · ${note}`}
    </Text>
  );
}

/**
 * The one line a screen reader hears as the draft changes: polite, and only when the verdict changes.
 * A passing draft that still lacks the clearance it needs is not "ready to publish": the line says
 * what is missing (sending it for clearance, or headquarters' answer).
 */
export function Verdict({ grade, clearance }: { grade: Grade | null; clearance?: DraftClearance | undefined }) {
  const { t } = useTranslation('composer');
  const uncleared = clearance?.required === true && !clearance.cleared;
  const ready = uncleared ? (clearance.pendingSince === null ? t('verdict.readyForClearance') : t('verdict.awaitingClearance')) : t('verdict.ready');
  return (
    <Group
      gap={6}
      role="status"
      aria-live="polite"
      className={classes.verdict}
      data-testid="composer-verdict"
      data-passed={grade ? String(grade.passed) : undefined}
      data-uncleared={uncleared || undefined}
      wrap="nowrap"
    >
      {grade &&
        (grade.passed && !uncleared ? (
          <CheckIcon size={18} className={classes.icon} data-tone="ok" />
        ) : (
          <AlertIcon size={18} className={classes.icon} data-tone="warn" />
        ))}
      {grade && (
        <Text fw={600} size="sm">
          {grade.passed ? ready : t('verdict.notYet')}
        </Text>
      )}
    </Group>
  );
}

function ScoreRow({ axis }: { axis: AxisGrade }) {
  const { t } = useTranslation('composer');
  const label = t(`axis.${axis.axis}`);
  return (
    <div data-testid={`composer-score-${axis.axis}`} data-passed={String(axis.passed)}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" fw={600}>
          {t('score.value', { score: axis.score })}
        </Text>
      </Group>
      <div className={classes.scoreBar}>
        <Progress value={axis.score} color={axis.passed ? 'teal' : 'orange'} size="sm" aria-label={t('score.progress', { axis: label })} />
        <span className={classes.passMark} style={{ insetInlineStart: `${axis.passMark}%` }} aria-hidden="true" />
      </div>
      <Text size="xs" c="dimmed" mt={2}>
        {axis.passed ? t('score.passes', { passMark: axis.passMark }) : t('score.below', { passMark: axis.passMark })}
      </Text>
    </div>
  );
}

export function Scores({ grade }: { grade: Grade }) {
  return (
    <Stack gap="xs">
      {AXES.map((axis) => (
        <ScoreRow key={axis} axis={grade.axes[axis]} />
      ))}
    </Stack>
  );
}

export interface FindingActions {
  activeFinding: Finding | null;
  onActivate: (finding: Finding | null) => void;
  /** Null when the finding's text cannot be found in the draft any more. */
  canLocate: (finding: Finding) => boolean;
  onLocate: (finding: Finding) => void;
  onApply: (finding: Finding) => void;
}

function FindingItem({ finding, activeFinding, onActivate, canLocate, onLocate, onApply }: FindingActions & { finding: Finding }) {
  const { t } = useTranslation('composer');
  const message = useGradingMessage();
  const replacement = finding.suggestion?.replacement;
  const { points, blocks } = findingCost(finding);
  const located = finding.span !== undefined && canLocate(finding);
  const leave = () => {
    if (activeFinding === finding) onActivate(null);
  };
  const blur = (event: FocusEvent<HTMLLIElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) leave();
  };
  return (
    <li
      className={classes.finding}
      data-testid="composer-finding"
      data-rule-id={finding.ruleId}
      data-axis={finding.axis}
      data-severity={finding.severity}
      data-active={activeFinding === finding ? true : undefined}
      onMouseEnter={() => onActivate(finding)}
      onMouseLeave={leave}
      onFocus={() => onActivate(finding)}
      onBlur={blur}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" className={classes.severity} data-severity={finding.severity}>
          {t(`severity.${finding.severity}`)}
        </Text>
        {points && (
          <Text size="xs" c="dimmed" data-testid="composer-finding-cost">
            {points.key === 'loss' ? t('finding.loss', { count: points.count }) : t('finding.atZero')}
          </Text>
        )}
      </Group>
      <Text size="sm" mt={4} data-testid="composer-finding-message">
        {message(finding.message)}
      </Text>
      {blocks && (
        <Text size="xs" fw={600} c="var(--attache-color-critical)" mt={2} data-testid="composer-finding-blocks">
          {blocks.key === 'blocksAxis' ? t('finding.blocksAxis', { axis: t(`axis.${blocks.axis}`) }) : t('finding.blocksScenario')}
        </Text>
      )}
      {finding.suggestion?.message && (
        <Text size="sm" c="dimmed" mt={2} data-testid="composer-finding-advice">
          {message(finding.suggestion.message)}
        </Text>
      )}
      {located && (
        <Group gap="xs" mt={6}>
          <Button size="compact-xs" variant="subtle" onClick={() => onLocate(finding)} data-testid="composer-locate">
            {t('finding.locate')}
          </Button>
          {replacement !== undefined && (
            <Button size="compact-xs" variant="light" onClick={() => onApply(finding)} data-testid="composer-apply">
              {replacement ? t('finding.apply', { replacement }) : t('finding.remove')}
            </Button>
          )}
        </Group>
      )}
    </li>
  );
}

/**
 * The most findings listed per axis: gravest first, so the rest are the least grave, and a pasted
 * wall of links or hashtags (hundreds of findings) cannot hold up the page while they render.
 */
export const MAX_LISTED_PER_AXIS = 25;

export function Findings({ findings, ...actions }: FindingActions & { findings: readonly Finding[] }) {
  const { t } = useTranslation('composer');
  const idPrefix = useId();
  if (findings.length === 0) {
    return (
      <Group gap={6} data-testid="composer-findings" data-empty wrap="nowrap">
        <CheckIcon size={16} className={classes.icon} data-tone="ok" />
        <Text size="sm">{t('feedback.clean')}</Text>
      </Group>
    );
  }
  const byAxis = new Map<Axis, Finding[]>();
  for (const finding of findings) {
    const list = byAxis.get(finding.axis);
    if (list) list.push(finding);
    else byAxis.set(finding.axis, [finding]);
  }
  return (
    <Stack gap="sm" data-testid="composer-findings">
      {AXES.filter((axis) => byAxis.has(axis)).map((axis) => {
        const axisFindings = byAxis.get(axis)!;
        const headingId = `${idPrefix}-${axis}`;
        return (
          <section key={axis} aria-labelledby={headingId} data-testid={`composer-findings-${axis}`}>
            <Title order={3} size="h6" id={headingId} mb={4}>
              {t(`axis.${axis}`)} · {t('feedback.findings', { count: axisFindings.length })}
            </Title>
            <ul className={classes.findingList}>
              {axisFindings.slice(0, MAX_LISTED_PER_AXIS).map((finding, index) => (
                <FindingItem key={`${finding.ruleId}-${finding.span?.start ?? 'none'}-${index}`} finding={finding} {...actions} />
              ))}
            </ul>
            {axisFindings.length > MAX_LISTED_PER_AXIS && (
              <Text size="xs" c="dimmed" data-testid="composer-findings-more">
                {t('feedback.more', { count: axisFindings.length - MAX_LISTED_PER_AXIS })}
              </Text>
            )}
          </section>
        );
      })}
    </Stack>
  );
}

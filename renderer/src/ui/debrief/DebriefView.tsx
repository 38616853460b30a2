// Runtime: renderer. The debrief of a finished attempt: the result and the rule behind it, whether
// the urgent messages were answered, scores per axis and per task, what happened in simulated time,
// each draft beside the model answer, how the audience took it, and the scenario's teaching points.
// A pure view of the attempt's outcome and final state.
import { Stack, Text, Title } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioOutcome } from '../../core/engine/outcome';
import type { TimelineState } from '../../core/engine/timeline';
import type { Persona, Scenario } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { AttemptTimeline } from './AttemptTimeline';
import { AudienceReception } from './AudienceReception';
import { AxisScores } from './AxisScores';
import { ClearanceRoundTrips } from './ClearanceRoundTrips';
import classes from './debrief.module.css';
import { DraftComparison } from './DraftComparison';
import { DutyOfCareFinding } from './DutyOfCareFinding';
import { OutcomeBanner } from './OutcomeBanner';
import { ModerationResults } from './ModerationResults';
import { ReachChart } from './ReachChart';
import { below, Section } from './Section';
import { TaskResults } from './TaskResults';

export interface DebriefViewProps {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  personas: Map<string, Persona>;
  /** The attempt's final state: the publications' texts, the audience's reactions, how it ended. */
  timeline: TimelineState;
  playLanguage: string;
  /** 1 when the debrief is the page (its title takes focus on arrival); 2 inside another page. */
  headingLevel?: 1 | 2;
}

export function DebriefView({ outcome, scenario, personas, timeline, playLanguage, headingLevel = 2 }: DebriefViewProps) {
  const { t } = useTranslation('debrief');
  const pointsId = useId();
  const level: TitleOrder = headingLevel;
  const sections = below(level);
  const pageTitle = headingLevel === 1 ? { tabIndex: -1, 'data-page-title': true } : {};

  return (
    <Stack gap="xl" data-testid="debrief" data-scenario-id={outcome.scenarioId}>
      <div>
        <Title order={level} {...pageTitle} data-testid="debrief-title">
          {t('title', { scenario: localized(scenario.title, playLanguage) })}
        </Title>
        <Text c="dimmed" mt={6} maw={640}>
          {t('intro')}
        </Text>
      </div>
      <OutcomeBanner outcome={outcome} scenario={scenario} timeline={timeline} playLanguage={playLanguage} level={sections} />
      <DutyOfCareFinding outcome={outcome} scenario={scenario} personas={personas} timeline={timeline} playLanguage={playLanguage} level={sections} />
      <AxisScores outcome={outcome} scenario={scenario} level={sections} />
      <ReachChart outcome={outcome} scenario={scenario} playLanguage={playLanguage} level={sections} />
      <TaskResults outcome={outcome} scenario={scenario} playLanguage={playLanguage} level={sections} />
      <ClearanceRoundTrips outcome={outcome} scenario={scenario} playLanguage={playLanguage} level={sections} />
      <ModerationResults outcome={outcome} scenario={scenario} personas={personas} playLanguage={playLanguage} level={sections} />
      <AttemptTimeline outcome={outcome} scenario={scenario} personas={personas} timeline={timeline} playLanguage={playLanguage} level={sections} />
      <DraftComparison outcome={outcome} scenario={scenario} timeline={timeline} playLanguage={playLanguage} level={sections} />
      <AudienceReception scenario={scenario} timeline={timeline} playLanguage={playLanguage} level={sections} />
      <Section title={t('teaching.heading')} level={sections} testId="debrief-teaching">
        <Text data-testid="debrief-summary">{localized(outcome.debrief.summary, playLanguage)}</Text>
        <Text fw={600} size="sm" id={pointsId}>
          {t('teaching.points')}
        </Text>
        <ol className={classes.points} aria-labelledby={pointsId}>
          {outcome.debrief.teachingPoints.map((point, index) => (
            <li key={index} data-testid="debrief-teaching-point">
              <Text>{localized(point, playLanguage)}</Text>
            </li>
          ))}
        </ol>
      </Section>
    </Stack>
  );
}

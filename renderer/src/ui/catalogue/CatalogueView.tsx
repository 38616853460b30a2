// Runtime: renderer. The catalogue: the installed courses, then every scenario as a card with the
// trainee's standing in it, filters, and the packs that failed to load. A pure view of its props.
import { Alert, Badge, Button, Card, Group, List, Progress, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pack } from '../../core/pack/load';
import { firstProblems, formatDiagnostic } from '../../core/pack/diagnostics';
import type { Course, Scenario } from '../../core/pack/schema';
import { SCENARIO_KINDS } from '../../core/pack/schema';
import type { ProgressOutcome, ScenarioProgress } from '../../core/records/progress';
import { courseProgress, scenarioKey } from '../../core/records/progress';
import type { Library } from '../../library/library';
import { languagesOf, localized } from '../../library/library';
import classes from './catalogue.module.css';
import type { CatalogueT, ScenarioStatus } from './format';
import { formatDuration, SCENARIO_STATUSES, scenarioStatus, STATUS_COLOR, taskSummary } from './format';
import { formatList, formatScore, languageName } from '../format';
import { ClockIcon, CrisisIcon, OutreachIcon, SearchIcon, StopIcon } from './icons';
import { usePlatformName } from '../platform-name';

export interface CatalogueViewProps {
  library: Library;
  /** Keyed by `${packId}/${scenarioId}`. */
  progress: Map<string, ScenarioProgress<number>>;
  /** The trainee's frozen outcomes: a course's completion is worked out from them, in the order they finished. */
  outcomes: readonly ProgressOutcome[];
  onOpenScenario: (packId: string, scenarioId: string) => void;
}

/** How many diagnostics of a failed pack are listed before "…and N more". */
const DIAGNOSTICS_SHOWN = 3;

type KindFilter = 'all' | Scenario['kind'];
type StatusFilter = 'all' | ScenarioStatus;

interface Entry {
  pack: Pack;
  scenario: Scenario;
  title: string;
  status: ScenarioStatus;
  progress: ScenarioProgress<number> | null;
}

/**
 * A pack's scenarios in the order its courses teach them, then any no course lists: the files'
 * own order is only alphabetical.
 */
function scenariosInOrder(pack: Pack): Scenario[] {
  const rank = new Map<string, number>();
  for (const id of pack.courses.flatMap((course) => course.scenarios)) if (!rank.has(id)) rank.set(id, rank.size);
  return pack.scenarios
    .map((scenario, index) => ({ scenario, order: rank.get(scenario.id) ?? rank.size + index }))
    .sort((a, b) => a.order - b.order)
    .map(({ scenario }) => scenario);
}

export function KindBadge({ kind }: { kind: Scenario['kind'] }) {
  const { t } = useTranslation('catalogue');
  const Icon = kind === 'crisis' ? CrisisIcon : OutreachIcon;
  return (
    <Badge
      variant="light"
      color={kind === 'crisis' ? 'orange' : 'navy'}
      // Orange text on its light tint falls under 4.5:1: the darkest shade keeps the label readable.
      className={kind === 'crisis' ? classes.crisisBadge : undefined}
      leftSection={<Icon size={14} />}
      data-testid="catalogue-kind"
      data-kind={kind}
    >
      {t(`kind.${kind}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: ScenarioStatus }) {
  const { t } = useTranslation('catalogue');
  return (
    <Badge variant={status === 'not-started' ? 'outline' : 'light'} color={STATUS_COLOR[status]} data-testid="catalogue-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function CatalogueView({ library, progress, outcomes, onOpenScenario }: CatalogueViewProps) {
  const { t, i18n } = useTranslation('catalogue');
  const uiLanguage = i18n.language;
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const scenariosHeading = useId();
  const coursesHeading = useId();

  const entries = useMemo<Entry[]>(
    () =>
      library.packs.flatMap((pack) =>
        scenariosInOrder(pack).map((scenario) => {
          const standing = progress.get(scenarioKey(pack.manifest.id, scenario.id)) ?? null;
          return { pack, scenario, title: localized(scenario.title, uiLanguage), status: scenarioStatus(standing), progress: standing };
        }),
      ),
    [library, progress, uiLanguage],
  );

  // Filtering keeps the packs' own order, so the cards' reading and tabbing order never changes.
  const needle = query.trim().toLocaleLowerCase(uiLanguage);
  const shown = entries.filter(
    (entry) =>
      (kind === 'all' || entry.scenario.kind === kind) &&
      (status === 'all' || entry.status === status) &&
      (needle === '' || entry.title.toLocaleLowerCase(uiLanguage).includes(needle)),
  );
  const filtering = needle !== '' || kind !== 'all' || status !== 'all';
  const clearFilters = () => {
    setQuery('');
    setKind('all');
    setStatus('all');
  };
  const courses = library.packs.flatMap((pack) => pack.courses.map((course) => ({ pack, course })));
  const manyPacks = library.packs.length > 1;

  return (
    <Stack gap="xl" data-testid="catalogue">
      <div>
        <Title order={1} tabIndex={-1} data-page-title data-testid="catalogue-title">
          {t('title')}
        </Title>
        <Text c="dimmed" mt={6} maw={640}>
          {t('intro')}
        </Text>
      </div>

      {library.problems.length > 0 && <PackProblems problems={library.problems} />}

      {entries.length === 0 && (
        <Alert color="gray" title={t('nothingInstalled.title')} data-testid="catalogue-nothing" role="status">
          {t('nothingInstalled.body')}
        </Alert>
      )}

      {courses.length > 0 && (
        <Stack component="section" gap="md" aria-labelledby={coursesHeading}>
          <Title order={2} id={coursesHeading}>
            {t('courses.title')}
          </Title>
          {courses.map(({ pack, course }) => (
            <CourseCard key={`${pack.manifest.id}/${course.id}`} pack={pack} course={course} progress={progress} outcomes={outcomes} />
          ))}
        </Stack>
      )}

      {entries.length > 0 && (
        <Stack component="section" gap="md" aria-labelledby={scenariosHeading}>
          <Title order={2} id={scenariosHeading}>
            {t('scenarios.title')}
          </Title>
          <Group role="search" align="flex-end" gap="md" wrap="wrap" aria-label={t('filters.label')} data-testid="catalogue-filters">
            <TextInput
              label={t('filters.search')}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              leftSection={<SearchIcon />}
              w={260}
              data-testid="catalogue-search"
            />
            <FilterControl
              label={t('filters.kind')}
              value={kind}
              onChange={(value) => setKind(value as KindFilter)}
              data={[{ value: 'all', label: t('filters.all') }, ...SCENARIO_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))]}
              testId="catalogue-filter-kind"
            />
            <FilterControl
              label={t('filters.status')}
              value={status}
              onChange={(value) => setStatus(value as StatusFilter)}
              data={[{ value: 'all', label: t('filters.all') }, ...SCENARIO_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))]}
              testId="catalogue-filter-status"
            />
          </Group>

          <Text size="sm" c="dimmed" aria-live="polite" data-testid="catalogue-count">
            {filtering ? t('filters.shown', { shown: shown.length, count: entries.length }) : ''}
          </Text>

          {shown.length > 0 ? (
            <ul className={classes.cards} data-testid="catalogue-scenarios">
              {shown.map((entry) => (
                <li key={`${entry.pack.manifest.id}/${entry.scenario.id}`}>
                  <ScenarioCard
                    entry={entry}
                    uiLanguage={uiLanguage}
                    showPack={manyPacks}
                    onOpen={() => onOpenScenario(entry.pack.manifest.id, entry.scenario.id)}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <Stack align="flex-start" gap="xs" data-testid="catalogue-empty">
              <Text>{t('filters.none')}</Text>
              <Button variant="light" onClick={clearFilters} data-testid="catalogue-clear-filters">
                {t('filters.clear')}
              </Button>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function FilterControl({
  label,
  value,
  onChange,
  data,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  data: { value: string; label: string }[];
  testId: string;
}) {
  const labelId = useId();
  return (
    <div>
      <Text id={labelId} size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={labelId} value={value} onChange={onChange} data={data} data-testid={testId} />
    </div>
  );
}

function PackProblems({ problems }: { problems: Library['problems'] }) {
  const { t } = useTranslation('catalogue');
  return (
    <Alert color="red" icon={<StopIcon size={18} />} title={t('problems.title', { count: problems.length })} data-testid="catalogue-problems">
      <Stack gap="sm">
        <Text size="sm">{t('problems.body')}</Text>
        {problems.map((problem, index) => {
          const { shown, more } = firstProblems(problem.diagnostics, DIAGNOSTICS_SHOWN);
          return (
            <div key={`${problem.source}-${index}`} data-testid="catalogue-problem">
              <Text size="sm" fw={600} className={classes.mono}>
                {problem.source}
              </Text>
              <List size="xs" className={classes.diagnostics}>
                {shown.map((diagnostic, line) => (
                  <List.Item key={line}>{formatDiagnostic(diagnostic)}</List.Item>
                ))}
              </List>
              {more > 0 && (
                <Text size="xs" c="dimmed">
                  {t('problems.more', { count: more })}
                </Text>
              )}
            </div>
          );
        })}
      </Stack>
    </Alert>
  );
}

function CourseCard({
  pack,
  course,
  progress,
  outcomes,
}: {
  pack: Pack;
  course: Course;
  progress: Map<string, ScenarioProgress<number>>;
  outcomes: readonly ProgressOutcome[];
}) {
  const { t, i18n } = useTranslation('catalogue');
  const uiLanguage = i18n.language;
  const headingId = useId();
  const title = localized(course.title, uiLanguage);
  const items = course.scenarios.map((scenarioId) => {
    const scenario = pack.scenarios.find((candidate) => candidate.id === scenarioId) ?? null;
    const standing = progress.get(scenarioKey(pack.manifest.id, scenarioId)) ?? null;
    return { scenarioId, scenario, status: scenarioStatus(standing), bestScore: standing?.bestScore ?? null };
  });
  const { passedScenarios: passed, averageScore: average, completed } = courseProgress(course, pack.manifest.id, outcomes);

  return (
    <Card component="article" aria-labelledby={headingId} data-testid="catalogue-course" data-course-id={course.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} id={headingId}>
            {title}
          </Title>
          {completed && (
            <Badge color="teal" variant="light" data-testid="catalogue-course-completed">
              {t('courses.completed')}
            </Badge>
          )}
        </Group>
        <Text>{localized(course.description, uiLanguage)}</Text>
        <Text size="sm" c="dimmed" data-testid="catalogue-course-rule">
          {course.completion.rule === 'all-passed' ? t('courses.ruleAllPassed') : t('courses.ruleAverage', { min: course.completion.min })}
        </Text>
        <div>
          <Text size="sm" fw={500} mb={4} data-testid="catalogue-course-progress">
            {t('courses.progress', { passed, count: items.length })}
          </Text>
          <Progress value={items.length ? Math.round((passed / items.length) * 100) : 0} color="teal" aria-label={t('courses.progressLabel', { title })} />
          {course.completion.rule === 'average-score' && average !== null && (
            <Text size="sm" mt={4} data-testid="catalogue-course-average">
              {t('courses.average', { score: formatScore(average, uiLanguage) })}
            </Text>
          )}
        </div>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('courses.scenarios')}
          </Text>
          <ol className={classes.courseList} data-testid="catalogue-course-scenarios">
            {items.map((item) => (
              <li key={item.scenarioId} data-scenario-id={item.scenarioId}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm">{item.scenario ? localized(item.scenario.title, uiLanguage) : t('courses.notInstalled', { id: item.scenarioId })}</Text>
                  <StatusBadge status={item.status} />
                </Group>
              </li>
            ))}
          </ol>
        </div>
      </Stack>
    </Card>
  );
}

function scenarioFacts(t: CatalogueT, pack: Pack, scenario: Scenario, uiLanguage: string, platformName: (platform: string) => string) {
  const platforms = [...new Set(scenario.accounts.map((account) => account.platform))].map(platformName);
  const languages = languagesOf({ pack, scenario }).map((code) => languageName(code, uiLanguage));
  return {
    platforms: formatList(platforms, uiLanguage),
    duration: formatDuration(t, scenario.duration),
    languages: formatList(languages, uiLanguage),
    tasks: taskSummary(t, scenario),
  };
}

function ScenarioCard({ entry, uiLanguage, showPack, onOpen }: { entry: Entry; uiLanguage: string; showPack: boolean; onOpen: () => void }) {
  const { t } = useTranslation('catalogue');
  const platformName = usePlatformName();
  const headingId = useId();
  const { pack, scenario, title, status, progress } = entry;
  const facts = scenarioFacts(t, pack, scenario, uiLanguage, platformName);
  const action = progress?.activeAttemptId != null ? t('card.resume') : progress && progress.attempts > 0 ? t('card.again') : t('card.start');

  return (
    <Card
      component="article"
      aria-labelledby={headingId}
      className={classes.card}
      data-testid="catalogue-scenario"
      data-scenario-id={scenario.id}
      data-status={status}
    >
      <Group justify="space-between" gap="xs">
        <KindBadge kind={scenario.kind} />
        <StatusBadge status={status} />
      </Group>
      <div>
        <Title order={3} size="h4" id={headingId} data-testid="catalogue-scenario-title">
          {title}
        </Title>
        {showPack && (
          <Text size="xs" c="dimmed">
            {t('card.pack', { pack: localized(pack.manifest.title, uiLanguage) })}
          </Text>
        )}
      </div>
      <Text size="sm">{localized(scenario.summary, uiLanguage)}</Text>
      <dl className={classes.facts}>
        <dt>{t('card.platforms')}</dt>
        <dd data-testid="catalogue-platforms">{facts.platforms}</dd>
        <dt>{t('card.duration')}</dt>
        <dd data-testid="catalogue-duration">
          <Group gap={4} component="span" wrap="nowrap">
            <ClockIcon size={14} />
            {facts.duration}
          </Group>
        </dd>
        <dt>{t('card.languages')}</dt>
        <dd data-testid="catalogue-languages">{facts.languages}</dd>
        <dt>{t('card.tasks')}</dt>
        <dd data-testid="catalogue-tasks">{facts.tasks}</dd>
      </dl>
      <Group justify="space-between" align="center" className={classes.cardFooter}>
        <Text
          size="sm"
          fw={progress?.bestScore != null ? 600 : undefined}
          c={progress?.bestScore != null ? undefined : 'dimmed'}
          data-testid="catalogue-best-score"
        >
          {progress?.bestScore != null ? t('card.bestScore', { score: formatScore(progress.bestScore, uiLanguage) }) : t('card.noScore')}
        </Text>
        <Button
          onClick={onOpen}
          variant={progress?.activeAttemptId != null ? 'filled' : 'light'}
          aria-label={t('card.openLabel', { action, title })}
          data-testid="catalogue-open"
        >
          {action}
        </Button>
      </Group>
    </Card>
  );
}

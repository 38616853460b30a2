// Runtime: renderer. The briefing of one scenario: the role, the situation, the accounts, the fact
// sheet, the policy lines and the tasks ahead, all in the chosen play language, and the start. A pure
// view of its props; the chrome is in the UI language, the scenario's own text in the play language.
import { Badge, Button, Card, Group, List, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fact, Inject, Persona, Scenario, Task } from '../../core/pack/schema';
import { offsetMinutes } from '../../core/pack/schema';
import type { ScenarioProgress } from '../../core/records/progress';
import type { ScenarioRef } from '../../library/library';
import { localized } from '../../library/library';
import { unwrapPackText } from '../../library/text';
import { formatSimTime } from '../sim-time';
import classes from './catalogue.module.css';
import { KindBadge, StatusBadge } from './CatalogueView';
import type { CatalogueT } from './format';
import { formatDuration, scenarioStatus, taskSummary } from './format';
import { capitalized, formatScore, languageName } from '../format';
import { ClockIcon, StopIcon } from './icons';
import { usePlatformName } from '../platform-name';
import { formattingLocale } from '../../core/locale';

export interface BriefingViewProps {
  /** Named `ref_` because `ref` is reserved in React props. */
  ref_: ScenarioRef;
  personas: Map<string, Persona>;
  /** The languages the scenario can be played in: languagesOf(ref_). */
  languages: string[];
  /** The chosen play language. */
  language: string;
  onLanguageChange: (language: string) => void;
  progress: ScenarioProgress<number> | null;
  /** Starts a new attempt in `language`. */
  onStart: () => void;
  onResume: (attemptId: number) => void;
  /** Shows a loading state on the start button. */
  starting: boolean;
}

/** Words of a per-language list in the play language, else those of the first language that has some. */
function localizedList(words: Record<string, string[]>, language: string): string[] {
  return words[language] ?? Object.values(words).find((list) => list.length > 0) ?? [];
}

/** A fact's value as the trainee should write it in the play language. */
function factValue(fact: Fact, language: string): string {
  switch (fact.type) {
    case 'date': {
      const [year, month, day] = fact.value.split('-').map(Number);
      return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
        Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1),
      );
    }
    case 'number':
      return new Intl.NumberFormat(formattingLocale(language)).format(fact.value);
    case 'name':
    case 'text':
      return localized(fact.value, language);
    default:
      return fact.value;
  }
}

function findInject(scenario: Scenario, injectId: string): Inject | undefined {
  return (
    scenario.timeline.find((inject) => inject.id === injectId) ??
    scenario.branches.flatMap((branch) => branch.then.injects).find((inject) => inject.id === injectId)
  );
}

/** Scheduled tasks by when they open, then those only a branch can open, each group in the pack's order. */
function tasksInOrder(tasks: Task[]): Task[] {
  const opens = (task: Task) => (task.opensAt === undefined ? Number.POSITIVE_INFINITY : offsetMinutes(task.opensAt));
  return tasks
    .map((task, index) => ({ task, index }))
    .sort((a, b) => opens(a.task) - opens(b.task) || a.index - b.index)
    .map(({ task }) => task);
}

function Section({ title, intro, testId, level = 2, children }: { title: ReactNode; intro?: string; testId: string; level?: 2 | 3; children: ReactNode }) {
  const headingId = useId();
  return (
    <Stack component="section" gap={level === 2 ? 'sm' : 'xs'} aria-labelledby={headingId} data-testid={testId}>
      <Title order={level} size={level === 3 ? 'h4' : undefined} id={headingId}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      {children}
    </Stack>
  );
}

export function BriefingView({ ref_, personas, languages, language, onLanguageChange, progress, onStart, onResume, starting }: BriefingViewProps) {
  const { t, i18n } = useTranslation('catalogue');
  const platformName = usePlatformName();
  const uiLanguage = i18n.language;
  const { scenario } = ref_;
  const text = (value: Record<string, string> | undefined) => localized(value, language);

  return (
    <Stack gap="xl" data-testid="briefing" data-language={language}>
      <div>
        <Group gap="xs" mb="xs">
          <KindBadge kind={scenario.kind} />
          {progress && <StatusBadge status={scenarioStatus(progress)} />}
        </Group>
        <Title order={1} tabIndex={-1} data-page-title data-testid="briefing-title" lang={language}>
          {text(scenario.title)}
        </Title>
        <Text c="dimmed" mt={6} maw={720} lang={language} data-testid="briefing-summary">
          {text(scenario.summary)}
        </Text>
      </div>

      <StartCard
        t={t}
        scenario={scenario}
        uiLanguage={uiLanguage}
        languages={languages}
        language={language}
        onLanguageChange={onLanguageChange}
        progress={progress}
        onStart={onStart}
        onResume={onResume}
        starting={starting}
      />

      <Section title={t('briefing.role')} testId="briefing-role">
        <div lang={language}>
          <Text fw={600}>{text(scenario.role.title)}</Text>
          <Text c="dimmed">{text(scenario.role.organisation)}</Text>
        </div>
      </Section>

      <Section title={t('briefing.situation')} testId="briefing-situation">
        <div className={classes.situation} lang={language}>
          {unwrapPackText(text(scenario.situation))
            .split('\n\n')
            .filter((paragraph) => paragraph.length > 0)
            .map((paragraph, index) => (
              <Text key={index} maw={760}>
                {paragraph}
              </Text>
            ))}
        </div>
      </Section>

      <Section title={t('briefing.accounts.title')} testId="briefing-accounts">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {scenario.accounts.map((account) => (
            <Paper key={account.id} withBorder radius="md" p="md" data-testid="briefing-account" data-account-id={account.id}>
              <Stack gap={6}>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" data-testid="briefing-account-platform">
                    {platformName(account.platform)}
                  </Badge>
                  <Text size="sm" className={classes.mono}>
                    {account.handle}
                  </Text>
                </Group>
                <Text fw={600} lang={language}>
                  {text(account.name)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('briefing.accounts.followers', {
                    count: account.audience.followers,
                    formatted: new Intl.NumberFormat(formattingLocale(uiLanguage)).format(account.audience.followers),
                  })}
                </Text>
                <div>
                  <Text size="xs" fw={600} c="dimmed">
                    {t('briefing.accounts.audience')}
                  </Text>
                  <Text size="sm" lang={language}>
                    {text(account.audience.description)}
                  </Text>
                </div>
                {account.audienceLanguage && (
                  <Text
                    size="sm"
                    fw={500}
                    className={account.audienceLanguage === language ? undefined : classes.otherLanguage}
                    data-testid="briefing-account-language"
                  >
                    {t('briefing.accounts.fixedLanguage', { language: languageName(account.audienceLanguage, uiLanguage) })}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Section>

      <Section title={t('briefing.facts.title')} intro={t('briefing.facts.intro')} testId="briefing-facts">
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('briefing.facts.fact')}</Table.Th>
                <Table.Th scope="col">{t('briefing.facts.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scenario.facts.map((fact) => (
                <Table.Tr key={fact.id} data-testid="briefing-fact" data-fact-id={fact.id}>
                  <Table.Th scope="row" fw={500} lang={language}>
                    {text(fact.label)}
                  </Table.Th>
                  <Table.Td>
                    <Text fw={600} lang={language} className={fact.type === 'url' ? classes.mono : undefined} data-testid="briefing-fact-value">
                      {factValue(fact, language)}
                    </Text>
                    {fact.note && (
                      <Text size="sm" c="dimmed" lang={language}>
                        {text(fact.note)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <PolicySection t={t} scenario={scenario} language={language} />

      <TaskSection t={t} scenario={scenario} personas={personas} language={language} />
    </Stack>
  );
}

function StartCard({
  t,
  scenario,
  uiLanguage,
  languages,
  language,
  onLanguageChange,
  progress,
  onStart,
  onResume,
  starting,
}: Omit<BriefingViewProps, 'ref_' | 'personas'> & { t: CatalogueT; scenario: Scenario; uiLanguage: string }) {
  const languageLabelId = useId();
  const activeAttemptId = progress?.activeAttemptId ?? null;
  const languageLabel = (code: string) => capitalized(languageName(code, uiLanguage), uiLanguage);

  return (
    <Card data-testid="briefing-actions">
      <Stack gap="md">
        <div>
          {languages.length > 1 ? (
            <>
              <Text id={languageLabelId} size="sm" fw={600} mb={4}>
                {t('briefing.playLanguage')}
              </Text>
              <SegmentedControl
                aria-labelledby={languageLabelId}
                value={language}
                onChange={onLanguageChange}
                data={languages.map((code) => ({ value: code, label: languageLabel(code) }))}
                disabled={starting}
                data-testid="briefing-language"
              />
            </>
          ) : (
            <Text size="sm" fw={600} data-testid="briefing-language">
              {t('briefing.playedIn', { language: languageLabel(language) })}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t('briefing.playLanguageHint')}
          </Text>
        </div>

        <dl className={classes.facts}>
          <dt>{t('briefing.duration')}</dt>
          <dd data-testid="briefing-duration">
            <Group gap={4} component="span" wrap="nowrap">
              <ClockIcon size={14} />
              {t('briefing.durationValue', { duration: formatDuration(t, scenario.duration) })}
            </Group>
          </dd>
          <dt>{t('briefing.passRule')}</dt>
          <dd data-testid="briefing-pass-rule">
            {scenario.passRule.rule === 'all-passed' ? t('briefing.passAllPassed') : t('briefing.passAverage', { min: scenario.passRule.min })}
          </dd>
          <dt>{t('briefing.tasks')}</dt>
          <dd data-testid="briefing-task-count">{taskSummary(t, scenario)}</dd>
        </dl>

        {progress?.bestScore != null && (
          <Text size="sm" fw={600} data-testid="briefing-best-score">
            {t('briefing.bestScore', { score: formatScore(progress.bestScore, uiLanguage) })}
          </Text>
        )}
        {activeAttemptId !== null && (
          <Text size="sm" data-testid="briefing-in-progress">
            {t('briefing.inProgress')}
          </Text>
        )}

        <div>
          <Group gap="sm">
            {activeAttemptId !== null && (
              <Button onClick={() => onResume(activeAttemptId)} disabled={starting} data-testid="briefing-resume">
                {t('briefing.resume')}
              </Button>
            )}
            <Button onClick={onStart} loading={starting} variant={activeAttemptId !== null ? 'default' : 'filled'} data-testid="briefing-start">
              {activeAttemptId !== null ? t('briefing.startAgain') : t('briefing.start')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed" mt="xs" data-testid="briefing-clock-note">
            {t('briefing.clockNote')}
          </Text>
        </div>
      </Stack>
    </Card>
  );
}

function PolicySection({ t, scenario, language }: { t: CatalogueT; scenario: Scenario; language: string }) {
  const { policy } = scenario;
  const text = (value: Record<string, string> | undefined) => localized(value, language);
  return (
    <Section title={t('briefing.policy.title')} testId="briefing-policy">
      <Section level={3} title={t('briefing.policy.keyMessages')} intro={t('briefing.policy.keyMessagesIntro')} testId="briefing-key-messages">
        <List type="ordered" spacing="xs" lang={language}>
          {policy.keyMessages.map((message) => (
            <List.Item key={message.id} data-testid="briefing-key-message">
              {text(message.wording)}
            </List.Item>
          ))}
        </List>
      </Section>

      {policy.redLines.length > 0 && (
        <div className={classes.redLines}>
          <Section
            level={3}
            title={
              <Group gap="xs" component="span" wrap="nowrap">
                <StopIcon size={20} className={classes.redLineMark} />
                {t('briefing.policy.redLines')}
              </Group>
            }
            intro={t('briefing.policy.redLinesIntro')}
            testId="briefing-red-lines"
          >
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {policy.redLines.map((line) => (
                <Group key={line.id} component="li" gap="xs" align="flex-start" wrap="nowrap" data-testid="briefing-red-line">
                  <Badge color="red" variant="filled" size="sm" mt={2} style={{ flex: 'none' }}>
                    {t('briefing.policy.redLine')}
                  </Badge>
                  <Text size="sm" lang={language}>
                    {text(line.description)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Section>
        </div>
      )}

      {policy.terminology.length > 0 && (
        <Section level={3} title={t('briefing.policy.terminology')} testId="briefing-terminology">
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('briefing.policy.preferred')}</Table.Th>
                  <Table.Th scope="col">{t('briefing.policy.deprecated')}</Table.Th>
                  <Table.Th scope="col">{t('briefing.policy.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody lang={language}>
                {policy.terminology.map((term) => (
                  <Table.Tr key={term.id} data-testid="briefing-term">
                    <Table.Td fw={600} data-testid="briefing-term-preferred">
                      {text(term.preferred)}
                    </Table.Td>
                    <Table.Td className={classes.deprecated} data-testid="briefing-term-deprecated">
                      {localizedList(term.deprecated, language).join(', ')}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {text(term.note)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      )}

      <Section level={3} title={t('briefing.policy.hashtags')} testId="briefing-hashtags">
        {policy.hashtags.approved.length > 0 ? (
          <Group gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {policy.hashtags.approved.map((hashtag) => (
              <li key={hashtag}>
                <Badge variant="outline" tt="none" size="lg" data-testid="briefing-hashtag">
                  {hashtag}
                </Badge>
              </li>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('briefing.policy.noHashtags')}
          </Text>
        )}
      </Section>

      <Section level={3} title={t('briefing.policy.tone')} testId="briefing-tone">
        <Text fw={600} data-testid="briefing-tone-target">
          {t('briefing.policy.targetTone', { tone: t(`briefing.tone.${policy.tone.target}`) })}
        </Text>
        {policy.tone.note && (
          <Text size="sm" lang={language} maw={760}>
            {text(policy.tone.note)}
          </Text>
        )}
      </Section>
    </Section>
  );
}

function TaskSection({ t, scenario, personas, language }: { t: CatalogueT; scenario: Scenario; personas: Map<string, Persona>; language: string }) {
  const platformName = usePlatformName();
  const accounts = new Map(scenario.accounts.map((account) => [account.id, account]));
  const personaName = (personaId: string | undefined) => {
    const persona = personaId ? personas.get(personaId) : undefined;
    return persona ? localized(persona.name, language) : null;
  };
  const at = (offset: string) => t('briefing.taskList.at', { time: formatSimTime(offsetMinutes(offset)) });

  return (
    <Section title={t('briefing.taskList.title')} intro={t('briefing.taskList.intro')} testId="briefing-tasks">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('briefing.taskList.task')}</Table.Th>
              <Table.Th scope="col">{t('briefing.taskList.kind')}</Table.Th>
              <Table.Th scope="col">{t('briefing.taskList.account')}</Table.Th>
              <Table.Th scope="col">{t('briefing.taskList.opens')}</Table.Th>
              <Table.Th scope="col">{t('briefing.taskList.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasksInOrder(scenario.tasks).map((task) => {
              const account = accounts.get(task.account);
              const replyTo = task.replyTo ? personaName(findInject(scenario, task.replyTo)?.persona) : null;
              const recipient = personaName(task.recipient);
              return (
                <Table.Tr key={task.id} data-testid="briefing-task" data-task-id={task.id} data-conditional={task.opensAt === undefined ? 'true' : undefined}>
                  <Table.Th scope="row" fw={600}>
                    <span lang={language}>{localized(task.title, language)}</span>
                    {(replyTo || recipient) && (
                      <Text size="xs" c="dimmed" fw={400}>
                        {recipient ? t('briefing.taskList.recipient', { name: recipient }) : t('briefing.taskList.replyTo', { name: replyTo })}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{t(`briefing.taskKind.${task.kind}`)}</Table.Td>
                  <Table.Td>
                    {account ? (
                      <>
                        <Text size="sm">{platformName(account.platform)}</Text>
                        <Text size="xs" c="dimmed" className={classes.handle}>
                          {account.handle}
                        </Text>
                      </>
                    ) : (
                      task.account
                    )}
                  </Table.Td>
                  <Table.Td data-testid="briefing-task-opens">{task.opensAt !== undefined ? at(task.opensAt) : t('briefing.taskList.mayOpen')}</Table.Td>
                  <Table.Td data-testid="briefing-task-due">
                    {task.opensAt !== undefined ? at(task.due) : t('briefing.taskList.dueAfter', { count: offsetMinutes(task.due) })}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

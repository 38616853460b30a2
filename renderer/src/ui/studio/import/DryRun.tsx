// Runtime: renderer. The dry run of an events list import: what will be created (injects, new
// personas, tasks), every row that cannot be read — row, column, value, why and how to fix it — and
// the one button that adds what can be read.
import { Alert, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MelField, MelMapping, MelPlan, MelProblem } from '../../../core/studio/mel';
import { formatList, languageName } from '../../format';
import { AlertIcon } from '../../icons';
import { formattingLocale } from '../../../core/locale';
import { languageInPhrase, type Translate } from '../../../i18n/grading-message';

/** "x, facebook or vk": suggestions are alternatives. */
function alternatives(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(formattingLocale(language), { style: 'long', type: 'disjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** Rows of each list shown; the rest are counted. The problems are all listed. */
const SHOWN = 50;

export function DryRun({ plan, headers, mapping, onApply }: { plan: MelPlan; headers: readonly string[]; mapping: MelMapping; onApply: () => void }) {
  const { t, i18n } = useTranslation('studioImport');
  const counts = {
    injects: t('dryRun.injects', { count: plan.injects.length }),
    personas: t('dryRun.personas', { count: plan.personas.length }),
    tasks: t('dryRun.tasks', { count: plan.tasks.length }),
  };
  const nameOf = (code: string) => languageName(code, i18n.language);
  const columnOf = (field: MelField) => {
    const column = mapping[field];
    const label = t(`fields.${field}`);
    const header = column === null ? undefined : headers[column];
    return header === undefined || header.toLocaleLowerCase() === label.toLocaleLowerCase() ? label : `${label} (${header})`;
  };
  const nothing = plan.injects.length === 0;

  return (
    <Stack gap="md" data-testid="import-dry-run">
      <Title order={3} size="h5">
        {t('dryRun.title')}
      </Title>
      <Text size="sm" fw={500} data-testid="import-summary">
        {t('dryRun.summary', counts)}
      </Text>
      {plan.missingLanguages.length > 0 && !nothing && (
        <Text size="sm" c="dimmed">
          {t('dryRun.missingLanguages', {
            language: languageInPhrase(i18n.t as unknown as Translate, i18n.language, plan.language),
            missing: formatList(plan.missingLanguages.map(nameOf), i18n.language),
          })}
        </Text>
      )}
      {plan.tasks.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('dryRun.modelAnswers')}
        </Text>
      )}
      <Problems problems={plan.problems} columnOf={columnOf} />

      {plan.injects.length > 0 && (
        <Section title={t('dryRun.injectsTitle')} total={plan.injects.length}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dryRun.row')}</Table.Th>
              <Table.Th>{t('dryRun.at')}</Table.Th>
              <Table.Th>{t('dryRun.type')}</Table.Th>
              <Table.Th>{t('dryRun.persona')}</Table.Th>
              <Table.Th>{t('dryRun.account')}</Table.Th>
              <Table.Th>{t('dryRun.text')}</Table.Th>
              <Table.Th>{t('dryRun.id')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.injects.slice(0, SHOWN).map((inject) => (
              <Table.Tr key={inject.id}>
                <Table.Td>{inject.row}</Table.Td>
                <Table.Td>{inject.at}</Table.Td>
                <Table.Td>{inject.type}</Table.Td>
                <Table.Td>{inject.persona}</Table.Td>
                <Table.Td>{inject.account}</Table.Td>
                <Table.Td style={{ maxWidth: 360 }}>
                  <Text size="xs" lineClamp={2}>
                    {inject.text[plan.language]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{inject.id}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Section>
      )}

      {plan.personas.length > 0 && (
        <Section title={t('dryRun.personasTitle')} total={plan.personas.length}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dryRun.row')}</Table.Th>
              <Table.Th>{t('dryRun.name')}</Table.Th>
              <Table.Th>{t('dryRun.handle')}</Table.Th>
              <Table.Th>{t('dryRun.role')}</Table.Th>
              <Table.Th>{t('dryRun.id')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.personas.slice(0, SHOWN).map((persona) => (
              <Table.Tr key={persona.id}>
                <Table.Td>{persona.row}</Table.Td>
                <Table.Td>{persona.name[plan.language]}</Table.Td>
                <Table.Td>{persona.handle}</Table.Td>
                <Table.Td>{persona.role}</Table.Td>
                <Table.Td>
                  <Code>{persona.id}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Section>
      )}

      {plan.tasks.length > 0 && (
        <Section title={t('dryRun.tasksTitle')} total={plan.tasks.length}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dryRun.row')}</Table.Th>
              <Table.Th>{t('dryRun.kind')}</Table.Th>
              <Table.Th>{t('dryRun.titleColumn')}</Table.Th>
              <Table.Th>{t('dryRun.at')}</Table.Th>
              <Table.Th>{t('dryRun.due')}</Table.Th>
              <Table.Th>{t('dryRun.id')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.tasks.slice(0, SHOWN).map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>{task.row}</Table.Td>
                <Table.Td>{task.kind}</Table.Td>
                <Table.Td>{task.title[plan.language]}</Table.Td>
                <Table.Td>{task.opensAt}</Table.Td>
                <Table.Td>{task.due}</Table.Td>
                <Table.Td>
                  <Code>{task.id}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Section>
      )}

      {nothing ? (
        <Alert color="orange">{t('nothing')}</Alert>
      ) : (
        <Button onClick={onApply} style={{ alignSelf: 'flex-start' }} data-testid="import-apply">
          {plan.problems.length > 0 ? t('applyWithProblems', { count: new Set(plan.problems.map((problem) => problem.row)).size }) : t('apply')}
        </Button>
      )}
    </Stack>
  );
}

function Section({ title, total, children }: { title: string; total: number; children: ReactNode }) {
  const { t } = useTranslation('studioImport');
  return (
    <Stack gap={4}>
      <Title order={4} size="h6">
        {title} ({total})
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table fz="xs" striped aria-label={title}>
          {children}
        </Table>
      </Table.ScrollContainer>
      {total > SHOWN && (
        <Text size="xs" c="dimmed">
          {t('dryRun.more', { count: total - SHOWN })}
        </Text>
      )}
    </Stack>
  );
}

function Problems({ problems, columnOf }: { problems: readonly MelProblem[]; columnOf: (field: MelField) => string }) {
  const { t, i18n } = useTranslation('studioImport');
  if (problems.length === 0) {
    return <Text size="sm">{t('problems.none')}</Text>;
  }
  const rows = new Set(problems.map((problem) => problem.row)).size;
  return (
    <Paper withBorder p="md" data-testid="import-problems">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <AlertIcon size={18} aria-hidden />
          <Title order={4} size="h6">
            {t('problems.title', { count: rows })}
          </Title>
        </Group>
        <Text size="sm">{t('problems.intro')}</Text>
        <Table.ScrollContainer minWidth={600}>
          <Table fz="xs" aria-label={t('problems.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('problems.row')}</Table.Th>
                <Table.Th>{t('problems.column')}</Table.Th>
                <Table.Th>{t('problems.value')}</Table.Th>
                <Table.Th>{t('problems.why')}</Table.Th>
                <Table.Th>{t('problems.fix')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((problem, index) => (
                <Table.Tr key={index} data-testid="import-problem">
                  <Table.Td>{problem.row}</Table.Td>
                  <Table.Td>{columnOf(problem.field)}</Table.Td>
                  <Table.Td>{problem.value ? <Code>{problem.value}</Code> : t('problems.empty')}</Table.Td>
                  <Table.Td>{t(`problem.${problem.code}.why`)}</Table.Td>
                  <Table.Td>
                    {t(`problem.${problem.code}.fix`, { suggestions: alternatives(problem.suggestions, i18n.language) })}
                    {problem.code === 'channel-unknown' && problem.suggestions.length > 0 && (
                      <> {t('problems.didYouMean', { suggestions: alternatives(problem.suggestions, i18n.language) })}</>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

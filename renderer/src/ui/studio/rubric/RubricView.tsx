// Runtime: renderer. The rubric reference inside the studio: every rule of the grader's catalogue
// with its axis, default level and cost, what it looks for, an example draft that makes it fire
// (core/grading/rule-docs.ts), and the YAML that tunes it, to copy into a scenario or a task.
import { Badge, Button, Code, CopyButton, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSpec } from '../../../core/grading/catalog';
import type { ActionRuleDoc, DocLanguage, DraftRuleDoc, RuleDoc } from '../../../core/grading/rule-docs';
import { EXAMPLE_SETTINGS, documentedRules, hasDraftExample, ruleTuningYaml } from '../../../core/grading/rule-docs';
import { EXAMPLE_SETTINGS_UK, RULE_ACTIONS_UK, RULE_EXPLANATIONS_UK } from '../../../core/grading/rule-docs-uk';
import { AXES, RULE_LEVELS } from '../../../core/pack/schema';

const ANY = 'any';
const LEVEL_COLOURS: Record<string, string> = { error: 'red', warning: 'yellow', suggestion: 'blue', off: 'gray' };

/** The rubric docs are written in English and Russian; any other UI language reads the English. */
export const docLanguageOf = (language: string): DocLanguage => (language.startsWith('ru') ? 'ru' : 'en');

/**
 * The docs' words for the reader: Ukrainian has its own explanations, actions and settings
 * (rule-docs-uk.ts) and reads the English example drafts, which are graded as written.
 */
function docWords(uiLanguage: string) {
  const language = docLanguageOf(uiLanguage);
  const ukrainian = uiLanguage.startsWith('uk');
  return {
    language,
    explanation: (id: string, doc: RuleDoc) => (ukrainian ? RULE_EXPLANATIONS_UK[id] : undefined) ?? doc.explanation[language],
    actions: (id: string, doc: ActionRuleDoc) => (ukrainian ? RULE_ACTIONS_UK[id] : undefined) ?? doc.actions[language],
    setting: (doc: DraftRuleDoc) => (ukrainian ? EXAMPLE_SETTINGS_UK[doc.setting] : EXAMPLE_SETTINGS[doc.setting].description[language]),
  };
}

/** Does the rule match what the author typed: its id, or words of its explanation in either language. */
export function matchesQuery(spec: RuleSpec, doc: RuleDoc, query: string): boolean {
  const words = query.trim().toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  if (!words.length) return true;
  const haystack = `${spec.id} ${doc.explanation.en} ${doc.explanation.ru} ${RULE_EXPLANATIONS_UK[spec.id] ?? ''}`.toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function RubricView() {
  const { t, i18n } = useTranslation('studioCalibration');
  const words = docWords(i18n.language);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [axis, setAxis] = useState<string>(ANY);
  const [level, setLevel] = useState<string>(ANY);
  const [open, setOpen] = useState<string | null>(null);
  const rules = useMemo(() => documentedRules(), []);
  const shown = rules.filter(
    ({ spec, doc }) => (axis === ANY || spec.axis === axis) && (level === ANY || spec.level === level) && matchesQuery(spec, doc, deferredQuery),
  );

  const cost = (spec: RuleSpec) =>
    spec.weight === 0
      ? t('rubric.costNone')
      : spec.repeatWeight || spec.maxLoss > spec.weight
        ? t('rubric.costRepeat', { weight: spec.weight, repeat: spec.repeatWeight, max: spec.maxLoss })
        : t('rubric.cost', { count: spec.weight });

  return (
    <Stack gap="sm" data-testid="studio-rubric">
      <Title order={2} size="h4">
        {t('rubric.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('rubric.intro')}
      </Text>
      <Group gap="md" align="end" wrap="wrap">
        <TextInput
          label={t('rubric.search')}
          placeholder={t('rubric.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          type="search"
          w={340}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="rubric-axis-label">
            {t('rubric.axis')}
          </Text>
          <SegmentedControl
            aria-labelledby="rubric-axis-label"
            value={axis}
            onChange={setAxis}
            data={[{ value: ANY, label: t('rubric.any') }, ...AXES.map((value) => ({ value, label: t(`axes.${value}`) }))]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="rubric-level-label">
            {t('rubric.level')}
          </Text>
          <SegmentedControl
            aria-labelledby="rubric-level-label"
            value={level}
            onChange={setLevel}
            data={[
              { value: ANY, label: t('rubric.any') },
              ...RULE_LEVELS.filter((value) => value !== 'off').map((value) => ({ value, label: t(`levels.${value}`) })),
            ]}
          />
        </Stack>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('rubric.count', { count: shown.length })}
        </Text>
      </Group>

      {shown.length === 0 ? (
        <Text size="sm">{t('rubric.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" striped={false} highlightOnHover aria-label={t('rubric.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rubric.columns.rule')}</Table.Th>
                <Table.Th>{t('rubric.columns.axis')}</Table.Th>
                <Table.Th>{t('rubric.columns.level')}</Table.Th>
                <Table.Th>{t('rubric.columns.cost')}</Table.Th>
                <Table.Th>{t('rubric.columns.explanation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ spec, doc }) => {
                const expanded = open === spec.id;
                const detailsId = `rubric-details-${spec.id.replaceAll('.', '-')}`;
                return (
                  <Fragment key={spec.id}>
                    <Table.Tr data-testid={`rubric-rule-${spec.id}`}>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          ff="monospace"
                          aria-expanded={expanded}
                          aria-controls={detailsId}
                          aria-label={t('rubric.details', { rule: spec.id })}
                          onClick={() => setOpen(expanded ? null : spec.id)}
                        >
                          {expanded ? '▾' : '▸'} {spec.id}
                        </Button>
                      </Table.Td>
                      <Table.Td>{t(`axes.${spec.axis}`)}</Table.Td>
                      <Table.Td>
                        {/* Never narrower than its word: the table would otherwise cut "warning" short. */}
                        <Badge variant="light" color={LEVEL_COLOURS[spec.level]} c="var(--mantine-color-text)" style={{ minWidth: 'max-content' }}>
                          {t(`levels.${spec.level}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{cost(spec)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{words.explanation(spec.id, doc)}</Text>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr id={detailsId}>
                        <Table.Td colSpan={5}>
                          <RuleDetails spec={spec} doc={doc} words={words} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function RuleDetails({ spec, doc, words }: { spec: RuleSpec; doc: RuleDoc; words: ReturnType<typeof docWords> }) {
  const { language } = words;
  const { t } = useTranslation('studioCalibration');
  const yaml = ruleTuningYaml(spec);
  return (
    <Stack gap="xs" py="xs">
      {hasDraftExample(doc) ? (
        <>
          <Text size="sm" fw={600}>
            {t('rubric.example')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('rubric.setting', { setting: words.setting(doc) })}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap' }} lang={language}>
            {doc.example[language] || t('rubric.emptyExample')}
          </Code>
        </>
      ) : (
        <>
          {/* Graded on what the trainee does (moderating a live stream), not on a draft. */}
          <Text size="sm" fw={600}>
            {t('rubric.actions')}
          </Text>
          <Text size="sm">{words.actions(spec.id, doc)}</Text>
        </>
      )}
      <Text size="sm" fw={600}>
        {t('rubric.tune')}
      </Text>
      <Code block>{yaml}</Code>
      <CopyButton value={yaml}>
        {({ copied, copy }) => (
          <Button variant="light" size="compact-sm" onClick={copy} w="fit-content" color={copied ? 'teal' : undefined}>
            {copied ? t('rubric.copied') : t('rubric.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

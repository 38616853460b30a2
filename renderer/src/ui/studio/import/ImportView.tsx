// Runtime: renderer. Importing a master events list into a scenario of the pack being edited: choose
// a CSV or Excel file, check which column holds what (detected from the headers, or as remembered for
// sheets with these columns), choose the scenario, the texts' language and the time to respond, read
// the dry run — everything that will be created and every row that cannot be read, with why and how
// to fix it — and add it all as one undoable change.
import { Alert, Button, Code, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_RESPONSE_WINDOW,
  MEL_FIELDS,
  cellText,
  detectMapping,
  readTime,
  melEdit,
  melTargetOf,
  planMelImport,
  scenarioFilesOf,
  type MelCell,
  type MelField,
  type MelMapping,
  type MelPlan,
} from '../../../core/studio/mel';
import { MEL_EXTENSIONS, MelReadError, readEventsFile, readRememberedMapping, rememberMelMapping, type MelSheet } from '../../../studio/mel';
import { formatOffset } from '../../../core/pack/schema';
import { readAt, type PackDocument } from '../../../core/studio/document';
import { capitalized, languageName } from '../../format';
import { useServices } from '../../services';
import { useStorageProblems } from '../../storage-problems';
import { useStudio } from '../studio-context';
import { DryRun } from './DryRun';

const PREVIEW_ROWS = 5;

type Loaded = { sheet: MelSheet; mapping: MelMapping; remembered: boolean };

export function ImportView() {
  const { t, i18n } = useTranslation('studioImport');
  const { db, platform } = useServices();
  const { report } = useStorageProblems();
  const studio = useStudio();
  const scenarios = useMemo(() => scenarioFilesOf(studio.document), [studio.document]);
  const [scenarioFile, setScenarioFile] = useState<string | null>(scenarios[0] ?? null);
  const file = scenarioFile && scenarios.includes(scenarioFile) ? scenarioFile : (scenarios[0] ?? null);
  const target = useMemo(() => (file ? melTargetOf(studio.document, file) : null), [studio.document, file]);
  const [language, setLanguage] = useState<string | null>(null);
  const textLanguage = language && target?.languages.includes(language) ? language : (target?.languages[0] ?? 'en');
  const [responseWindow, setResponseWindow] = useState<number>(DEFAULT_RESPONSE_WINDOW);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<MelReadError | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'applied'; message: string } | { kind: 'failed'; message: string } | null>(null);

  const choose = async () => {
    const picked = await platform.openFile({ title: t('dialogTitle'), filters: [{ name: t('filter'), extensions: [...MEL_EXTENSIONS] }] });
    if (!picked) return;
    setReading(true);
    setReadError(null);
    setOutcome(null);
    try {
      const sheet = await readEventsFile(picked.name, picked.bytes);
      const remembered = await readRememberedMapping(db, sheet.headers);
      setLoaded({ sheet, mapping: remembered ?? detectMapping(sheet.headers), remembered: remembered !== null });
    } catch (error) {
      if (error instanceof MelReadError) setReadError(error);
      else report(error);
    } finally {
      setReading(false);
    }
  };

  const titleIn = useMemo(() => i18n.getFixedT(textLanguage, 'studioImport'), [i18n, textLanguage]);
  const plan: MelPlan | null = useMemo(
    () =>
      loaded && target
        ? planMelImport(loaded.sheet.rows, target, {
            language: textLanguage,
            responseWindow,
            mapping: loaded.mapping,
            taskTitle: (kind, persona) => titleIn(`taskTitle.${kind}`, { persona }),
          })
        : null,
    [loaded, target, textLanguage, responseWindow, titleIn],
  );

  const apply = () => {
    if (!plan || !file || !loaded) return;
    const counts = {
      injects: t('dryRun.injects', { count: plan.injects.length }),
      personas: t('dryRun.personas', { count: plan.personas.length }),
      tasks: t('dryRun.tasks', { count: plan.tasks.length }),
    };
    try {
      studio.apply(melEdit(plan, studio.document, file), { label: t('title') });
    } catch (error) {
      setOutcome({ kind: 'failed', message: t('applyFailed', { message: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    setOutcome({ kind: 'applied', message: t('applied', { ...counts, scenario: file }) });
    setLoaded(null);
    rememberMelMapping(db, loaded.sheet.headers, loaded.mapping).catch(report);
  };

  return (
    <Stack gap="lg" data-testid="studio-import" maw={1200}>
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t('intro')}
        </Text>
      </Stack>

      {outcome && (
        <Alert
          color={outcome.kind === 'applied' ? 'teal' : 'red'}
          role={outcome.kind === 'applied' ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel={t('dismiss')}
          onClose={() => setOutcome(null)}
          data-testid="import-outcome"
        >
          {outcome.message}
        </Alert>
      )}

      <Group>
        <Button onClick={() => void choose()} loading={reading} variant={loaded ? 'default' : 'filled'}>
          {loaded ? t('chooseAgain') : t('choose')}
        </Button>
        {loaded && <Text size="sm">{t('file', { name: loaded.sheet.name, count: loaded.sheet.rows.length - 1 })}</Text>}
      </Group>
      {readError && (
        <Alert color="red" role="alert" data-testid="import-read-error">
          {t(`readError.${readError.problem}`, { detail: readError.message })}
        </Alert>
      )}

      {scenarios.length === 0 && (
        <Alert color="orange" role="alert">
          {t('settings.noScenario')}
        </Alert>
      )}

      {loaded && target && file && (
        <>
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('settings.title')}
            </Title>
            <Group align="flex-start" gap="lg">
              <Select
                label={t('settings.scenario')}
                data={scenarios.map((path) => ({ value: path, label: scenarioLabel(studio.document, path, i18n.language) }))}
                value={file}
                onChange={(value) => value && setScenarioFile(value)}
                allowDeselect={false}
                w={380}
              />
              <Select
                label={t('settings.language')}
                description={t('settings.languageHint')}
                data={target.languages.map((code) => ({ value: code, label: `${capitalized(languageName(code, i18n.language), i18n.language)} (${code})` }))}
                value={textLanguage}
                onChange={(value) => value && setLanguage(value)}
                allowDeselect={false}
                w={300}
              />
              <NumberInput
                label={t('settings.window')}
                description={t('settings.windowHint')}
                value={responseWindow}
                onChange={(value) => setResponseWindow(typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_RESPONSE_WINDOW)}
                min={1}
                max={24 * 60}
                allowDecimal={false}
                w={220}
              />
            </Group>
          </Stack>

          <ColumnMapping loaded={loaded} onChange={(mapping) => setLoaded({ ...loaded, mapping })} />

          {plan && <DryRun plan={plan} headers={loaded.sheet.headers} mapping={loaded.mapping} onApply={apply} />}
        </>
      )}
    </Stack>
  );
}

function ColumnMapping({ loaded, onChange }: { loaded: Loaded; onChange: (mapping: MelMapping) => void }) {
  const { t } = useTranslation('studioImport');
  const { sheet, mapping } = loaded;
  const options = [
    { value: '', label: t('mapping.none') },
    ...sheet.headers.map((header, index) => ({ value: String(index), label: t('mapping.column', { index: index + 1, header }) })),
  ];
  const fieldOf = (column: number): MelField | undefined => MEL_FIELDS.find((field) => mapping[field] === column);
  const choose = (field: MelField, value: string | null) => {
    const column = value === null || value === '' ? null : Number(value);
    const next: MelMapping = { ...mapping, [field]: column };
    // A column serves one field: taking it from another field leaves that one unmapped.
    for (const other of MEL_FIELDS) if (other !== field && column !== null && next[other] === column) next[other] = null;
    onChange(next);
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('mapping.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {loaded.remembered ? t('mapping.remembered') : t('mapping.detected')}
      </Text>
      <Table withTableBorder={false} verticalSpacing={4} maw={980} aria-label={t('mapping.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>{t('mapping.field')}</Table.Th>
            <Table.Th w={280}>{t('mapping.sheetColumn')}</Table.Th>
            <Table.Th>{t('mapping.holds')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MEL_FIELDS.map((field) => (
            <Table.Tr key={field}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`fields.${field}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t(`fields.${field}`)}
                  data={options}
                  value={mapping[field] === null ? '' : String(mapping[field])}
                  onChange={(value) => choose(field, value)}
                  allowDeselect={false}
                  size="xs"
                  data-testid={`import-map-${field}`}
                />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t(`fieldHints.${field}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={500}>
        {t('mapping.preview')}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders fz="xs" aria-label={t('mapping.previewLabel')}>
          <Table.Thead>
            <Table.Tr>
              {sheet.headers.map((header, index) => {
                const field = fieldOf(index);
                return (
                  <Table.Th key={index}>
                    <Text size="xs" fw={600}>
                      {header}
                    </Text>
                    <Text size="xs" c={field ? 'blue.7' : 'dimmed'}>
                      {field ? t(`fields.${field}`) : t('mapping.none')}
                    </Text>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.rows.slice(1, PREVIEW_ROWS + 1).map((row, rowIndex) => (
              <Table.Tr key={rowIndex}>
                {sheet.headers.map((_, index) => (
                  <Table.Td key={index} style={{ maxWidth: 320 }}>
                    <Text size="xs" lineClamp={2}>
                      <PreviewCell cell={row[index] ?? null} />
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A cell as written; a spreadsheet time as the offset it will be read as. */
function PreviewCell({ cell }: { cell: MelCell }) {
  if (cell === null || typeof cell !== 'object') return <>{cellText(cell)}</>;
  const time = readTime(cell, null);
  return <Code>{'minutes' in time ? formatOffset(time.minutes) : cellText(cell)}</Code>;
}

/** A scenario by its title in the UI's language (else its first), with its file: "Airport closed (scenarios/airport-closed.yaml)". */
function scenarioLabel(document: PackDocument, file: string, language: string): string {
  const title = readAt(document, file, ['title']);
  const texts = typeof title === 'object' && title !== null ? (title as Record<string, unknown>) : {};
  const text = [texts[language], ...Object.values(texts)].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return text ? `${text} (${file})` : file;
}

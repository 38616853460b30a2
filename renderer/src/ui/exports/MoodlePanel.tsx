// Runtime: renderer (browser). The Moodle gradebook export: its options, the pre-flight of what Moodle
// would refuse (listed before anything is written), the grade item ID numbers of each course or
// scenario (edited here and remembered on this device), and the export once nothing is missing or
// the administrator chose to leave it out.
import { Alert, Button, Checkbox, Group, List, Radio, ScrollArea, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_HEADERS, MAX_ITEM_ID_LENGTH, planMoodleExport, type MoodleFormat } from '../../core/records/moodle';
import type { CourseScoreRule, GradeItemLevel, MoodleExportSettings } from '../../core/records/moodle-settings';
import { readMoodleExportSettings, saveMoodleExportSettings } from '../../db/repositories/moodle-export';
import { gradeForMoodle, moodleFile, type ExportFile, type ExportSource, type MoodleGrading } from '../../records/exports';
import { useServices } from '../services';
import { ExportProgress } from './ExportProgress';
import { describeProblem, feedbackWriter, identityName } from './texts';
import { useExportTask } from './use-export-task';

/** Problems listed at once; a cohort with hundreds of trainees without an ID gets the rest counted. */
const PROBLEMS_SHOWN = 50;

export interface MoodlePanelProps {
  source: ExportSource;
  format: MoodleFormat;
  onSave(file: ExportFile): void;
  saving: boolean;
}

export function MoodlePanel({ source, format, onSave, saving }: MoodlePanelProps) {
  const { t, i18n } = useTranslation('exports');
  const { db } = useServices();
  const { progress, run, cancel } = useExportTask();
  const [settings, setSettings] = useState<MoodleExportSettings | null>(null);
  // Each result is kept with the options it was checked under: a change of options starts a new check.
  const [checked, setChecked] = useState<{ key: string; grading: MoodleGrading | null } | null>(null);
  const [checks, setChecks] = useState(0);
  const [leaveOut, setLeaveOut] = useState(false);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const writer = useMemo(() => feedbackWriter(t, i18n.language), [t, i18n.language]);

  useEffect(() => {
    let current = true;
    readMoodleExportSettings(db).then(
      (stored) => current && setSettings(stored),
      () => current && setSettings({ level: 'course', courseScore: 'completed', feedback: false, items: {} }),
    );
    return () => {
      current = false;
    };
  }, [db]);

  const level = settings?.level;
  const courseScore = settings?.courseScore;
  const feedback = settings?.feedback;
  const checkKey = `${level}|${courseScore}|${feedback}|${i18n.language}|${checks}`;
  useEffect(() => {
    if (level === undefined || courseScore === undefined || feedback === undefined) return;
    let current = true;
    run('checking', (options) => gradeForMoodle(source, level, { courseScore, feedback: feedback ? writer : null }, options)).then(
      (result) => current && setChecked({ key: checkKey, grading: result }),
      () => current && setChecked({ key: checkKey, grading: null }),
    );
    return () => {
      current = false;
    };
  }, [source, level, courseScore, feedback, writer, run, checkKey]);
  const grading = checked?.key === checkKey ? checked.grading : null;
  const cancelled = checked?.key === checkKey && checked.grading === null;

  const plan = useMemo(
    () =>
      grading && settings
        ? planMoodleExport(grading.graded, grading.items, settings.items, {
            format,
            identity: source.academy.identityField,
            feedback: settings.feedback,
            leaveOutMissing: leaveOut,
          })
        : null,
    [grading, settings, format, source.academy.identityField, leaveOut],
  );
  const graded = useMemo(() => {
    const keys = new Set<string>();
    grading?.items.forEach((item, index) => {
      if (grading.graded.some((row) => row.scores[index] !== null)) keys.add(item.key);
    });
    return keys;
  }, [grading]);

  // The items someone has a grade for (whose ID numbers the file needs) first, in the library's order.
  const mappingRows = useMemo(() => [...(grading?.items ?? [])].sort((a, b) => Number(graded.has(b.key)) - Number(graded.has(a.key))), [grading, graded]);

  if (!settings) return <Text c="dimmed">{t('loading')}</Text>;

  const remember = (next: MoodleExportSettings) => {
    setSettings(next);
    saveMoodleExportSettings(db, next).then(
      () => setSaveFailure(null),
      (error: unknown) => setSaveFailure(error instanceof Error ? error.message : String(error)),
    );
  };
  const setIdNumber = (key: string, idNumber: string) => setSettings({ ...settings, items: { ...settings.items, [key]: idNumber } });

  const grades = plan ? plan.rows.reduce((sum, row) => sum + row.scores.filter((score) => score !== null).length, 0) : 0;
  const identity = plan?.identity ?? (format === 'xml' ? 'academyId' : source.academy.identityField);

  return (
    <Stack gap="md" data-testid="moodle-panel">
      <Group gap="xl" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="moodle-level-label">
            {t('moodle.levelLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="moodle-level-label"
            value={settings.level}
            onChange={(value) => remember({ ...settings, level: value as GradeItemLevel })}
            data={(['course', 'scenario'] as const).map((value) => ({ value, label: t(`moodle.level.${value}`) }))}
            data-testid="moodle-level"
          />
        </Stack>
        {settings.level === 'course' && (
          <Radio.Group
            label={t('moodle.courseScoreLabel')}
            description={t('moodle.courseScoreHelp')}
            value={settings.courseScore}
            onChange={(value) => remember({ ...settings, courseScore: value as CourseScoreRule })}
          >
            <Stack gap={6} mt={6}>
              {(['completed', 'always'] as const).map((value) => (
                <Radio key={value} value={value} label={t(`moodle.courseScore.${value}`)} data-testid={`moodle-course-score-${value}`} />
              ))}
            </Stack>
          </Radio.Group>
        )}
      </Group>
      <Checkbox
        label={t('moodle.feedback')}
        checked={settings.feedback}
        onChange={(event) => remember({ ...settings, feedback: event.currentTarget.checked })}
        data-testid="moodle-feedback"
      />
      <Text size="sm">{format === 'xml' ? t('moodle.xmlIdentity') : t('identity.academyUsesField', { field: identityName(t, identity) })}</Text>

      <div>
        <Title order={3} size="h4">
          {t('moodle.mappingTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('moodle.mappingHelp')}
        </Text>
        <ScrollArea.Autosize mah={280} type="auto">
          <Table striped withTableBorder data-testid="moodle-mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('moodle.mappingItem')}</Table.Th>
                <Table.Th>{t('moodle.mappingIdNumber')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mappingRows.map((item) => (
                <Table.Tr key={item.key}>
                  <Table.Td>
                    <Text size="sm">{item.title}</Text>
                    <Text size="xs" c="dimmed">
                      {item.packTitle}
                      {graded.has(item.key) ? '' : ` · ${t('moodle.unused')}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('moodle.mappingInputLabel', { title: item.title })}
                      value={settings.items[item.key] ?? ''}
                      maxLength={MAX_ITEM_ID_LENGTH}
                      onChange={(event) => setIdNumber(item.key, event.currentTarget.value)}
                      onBlur={() => remember(settings)}
                      error={graded.has(item.key) && !settings.items[item.key]?.trim()}
                      data-testid={`moodle-id-${item.key}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {saveFailure && (
          <Alert color="yellow" mt="xs" role="alert">
            {t('moodle.mappingSaveFailed', { detail: saveFailure })}
          </Alert>
        )}
      </div>

      <div>
        <Title order={3} size="h4">
          {t('moodle.checkTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('moodle.checkIntro')}
        </Text>
        {progress && <ExportProgress progress={progress} onCancel={cancel} />}
        {cancelled && !progress && (
          <Group gap="sm">
            <Text size="sm">{t('save.exportCancelled')}</Text>
            <Button size="xs" variant="default" onClick={() => setChecks((count) => count + 1)}>
              {t('moodle.checkTitle')}
            </Button>
          </Group>
        )}
        {plan && (
          <Stack gap="sm">
            {plan.problems.length === 0 ? (
              <Alert color="green" data-testid="moodle-all-clear">
                {t('moodle.allClear')}
              </Alert>
            ) : (
              <Alert color={plan.ready ? 'yellow' : 'red'} data-testid="moodle-problems">
                <ScrollArea.Autosize mah={220} type="auto">
                  <List size="sm" spacing={4}>
                    {plan.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
                      <List.Item key={index} data-problem={problem.kind}>
                        {describeProblem(t, problem, i18n.language)}
                      </List.Item>
                    ))}
                  </List>
                  {plan.problems.length > PROBLEMS_SHOWN && (
                    <Text size="sm" mt={4}>
                      {t('problem.more', { count: plan.problems.length - PROBLEMS_SHOWN })}
                    </Text>
                  )}
                </ScrollArea.Autosize>
              </Alert>
            )}
            {plan.problems.some((problem) => problem.kind !== 'nothing-to-export') && (
              <Checkbox
                label={t('moodle.leaveOut')}
                checked={leaveOut}
                onChange={(event) => setLeaveOut(event.currentTarget.checked)}
                data-testid="moodle-leave-out"
              />
            )}
            {leaveOut && (plan.leftOut.trainees.length > 0 || plan.leftOut.items.length > 0) && (
              <Text size="sm">
                {t('moodle.leftOut', {
                  trainees: t('count.trainees', { count: plan.leftOut.trainees.length }),
                  items: t('count.items', { count: plan.leftOut.items.length }),
                })}
              </Text>
            )}
            <Text size="sm" fw={500} data-testid="moodle-summary">
              {plan.ready
                ? t('moodle.summary', {
                    trainees: t('count.trainees', { count: plan.rows.length }),
                    items: t('count.items', { count: plan.items.length }),
                    grades: t('count.grades', { count: grades }),
                  })
                : t('moodle.blocked')}
            </Text>
            {format === 'csv' && (
              <Text size="sm" c="dimmed">
                {t('moodle.howTo', { mapTo: IDENTITY_HEADERS[identity] })}
              </Text>
            )}
            <Group>
              <Button
                onClick={() => {
                  remember(settings);
                  onSave(moodleFile(plan, Date.now()));
                }}
                disabled={!plan.ready}
                loading={saving}
                data-testid="moodle-export"
              >
                {t('moodle.export')}
              </Button>
            </Group>
          </Stack>
        )}
      </div>
    </Stack>
  );
}

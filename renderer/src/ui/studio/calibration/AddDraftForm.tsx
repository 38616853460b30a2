// Runtime: renderer. "Paste a draft, mark the verdict each axis deserves, say why, add it": the new
// calibration draft goes into the document under its task, as one undoable edit.
import { Alert, Button, Group, NativeSelect, Radio, Stack, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pack } from '../../../core/pack/load';
import type { Axis } from '../../../core/pack/schema';
import { AXES } from '../../../core/pack/schema';
import { readAt } from '../../../core/studio/document';
import { addCalibrationDraftEdit, newCalibrationDraft, taskPlace } from '../../../studio/calibration';
import { capitalized, languageName } from '../../format';
import { useStudio } from '../studio-context';

type Verdicts = Record<Axis, 'pass' | 'fail'>;
const ALL_PASS: Verdicts = { tone: 'pass', policy: 'pass', platform: 'pass' };

interface TaskChoice {
  key: string;
  scenarioId: string;
  taskId: string;
  languages: string[];
}

function taskChoices(pack: Pack): TaskChoice[] {
  return pack.scenarios.flatMap((scenario) =>
    scenario.tasks.map((task) => ({
      key: `${scenario.id}\u0000${task.id}`,
      scenarioId: scenario.id,
      taskId: task.id,
      languages: scenario.languages ?? pack.manifest.languages,
    })),
  );
}

export function AddDraftForm({ pack }: { pack: Pack }) {
  const { t, i18n } = useTranslation('studioCalibration');
  const studio = useStudio();
  const choices = taskChoices(pack);
  const [taskKey, setTaskKey] = useState(choices[0]?.key ?? '');
  const choice = choices.find((each) => each.key === taskKey) ?? choices[0];
  const [language, setLanguage] = useState('');
  const playLanguage = choice?.languages.includes(language) ? language : (choice?.languages[0] ?? '');
  const [text, setText] = useState('');
  const [verdicts, setVerdicts] = useState<Verdicts>(ALL_PASS);
  const [why, setWhy] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  if (!choice) return <Alert color="yellow">{t('calibration.add.noTask')}</Alert>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    if (!text.trim()) return setProblem(t('calibration.add.missingText'));
    if (!why.trim()) return setProblem(t('calibration.add.missingWhy'));
    const place = taskPlace(studio.document, choice.scenarioId, choice.taskId);
    if (!place) return setProblem(t('calibration.add.taskGone'));
    const existing = readAt(studio.document, place.file, ['tasks', place.taskIndex, 'calibration']);
    const ids = Array.isArray(existing) ? existing.map((draft: unknown) => String((draft as { id?: unknown } | null)?.id ?? '')) : [];
    const draft = newCalibrationDraft({ text, language: playLanguage, expect: verdicts, why }, ids);
    try {
      studio.apply(addCalibrationDraftEdit(place, draft), { label: t('calibration.add.title') });
    } catch (error) {
      // What the author wrote stays in the form.
      return setProblem(t('calibration.add.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
    setProblem(null);
    setText('');
    setWhy('');
    setVerdicts(ALL_PASS);
    setAdded(t('calibration.add.added', { draft: draft.id, task: choice.taskId }));
  };

  return (
    <form onSubmit={submit} aria-labelledby="calibration-add-title" noValidate>
      <Stack gap="sm" maw={900}>
        <Title order={3} size="h5" id="calibration-add-title">
          {t('calibration.add.title')}
        </Title>
        <Group gap="md" align="end" wrap="wrap">
          <NativeSelect
            label={t('calibration.add.task')}
            value={choice.key}
            onChange={(event) => setTaskKey(event.currentTarget.value)}
            data={choices.map((each) => ({ value: each.key, label: t('calibration.add.taskPlace', { scenario: each.scenarioId, task: each.taskId }) }))}
            miw={260}
          />
          <NativeSelect
            label={t('calibration.add.language')}
            value={playLanguage}
            onChange={(event) => setLanguage(event.currentTarget.value)}
            data={choice.languages.map((code) => ({ value: code, label: capitalized(languageName(code, i18n.language), i18n.language) }))}
            w={180}
          />
        </Group>
        <Textarea
          label={t('calibration.add.text')}
          placeholder={t('calibration.add.textPlaceholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          rows={4}
          resize="vertical"
          required
        />
        <Group gap="xl" wrap="wrap" role="group" aria-label={t('calibration.add.verdicts')}>
          {AXES.map((axis) => (
            <Radio.Group
              key={axis}
              label={t(`axes.${axis}`)}
              value={verdicts[axis]}
              onChange={(value) => setVerdicts((before) => ({ ...before, [axis]: value === 'fail' ? 'fail' : 'pass' }))}
            >
              <Group gap="sm" mt={4}>
                <Radio value="pass" label={t('verdict.pass')} />
                <Radio value="fail" label={t('verdict.fail')} />
              </Group>
            </Radio.Group>
          ))}
        </Group>
        <Textarea
          label={t('calibration.add.why')}
          placeholder={t('calibration.add.whyPlaceholder')}
          value={why}
          onChange={(event) => setWhy(event.currentTarget.value)}
          rows={2}
          resize="vertical"
          required
        />
        {problem && (
          <Alert color="red" role="alert" py="xs">
            {problem}
          </Alert>
        )}
        {added && (
          <Alert color="teal" role="status" py="xs">
            {added}
          </Alert>
        )}
        <Button type="submit" w="fit-content">
          {t('calibration.add.submit')}
        </Button>
      </Stack>
    </form>
  );
}

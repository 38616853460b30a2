// Runtime: renderer. Saves one trainee's data (JSON with everything, and a summary in the language the
// interface speaks now) through the platform's save dialog: offered on its own, and before anything
// erases it.
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraineeRef, TraineeSummaryKey } from '../../records/trainee-data';
import { collectTraineeData, traineeDataArchive, traineeDataFileName, traineeSummaryText } from '../../records/trainee-data';
import { useServices } from '../services';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; name: string } | { kind: 'failed'; detail: string };

export function SaveTraineeData({ trainee, label = 'action', testId = 'trainee-save' }: { trainee: TraineeRef; label?: 'action' | 'first'; testId?: string }) {
  const { t, i18n } = useTranslation('backup');
  const { db, platform, appInfo } = useServices();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const save = async (): Promise<void> => {
    setState({ kind: 'saving' });
    try {
      const data = await collectTraineeData(db, trainee, { appVersion: appInfo.version });
      if (!data) throw new Error(t('trainee.none'));
      const language = i18n.language;
      const summary = traineeSummaryText(data, {
        language,
        translate: (key: TraineeSummaryKey, params) => i18n.t(`summary.${key}`, { ns: 'backup', lng: language, ...params }),
      });
      const suggestedName = traineeDataFileName(data.trainee.name, data.exportedAt);
      const result = await platform.saveFile({
        title: t('save.dialogTitle'),
        suggestedName,
        bytes: traineeDataArchive(data, summary),
        filters: [{ name: t('save.filter'), extensions: ['zip'] }],
      });
      setState(result.saved ? { kind: 'saved', name: result.name } : { kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Stack gap={4} align="flex-start">
      <Button variant={label === 'first' ? 'filled' : 'default'} loading={state.kind === 'saving'} onClick={() => void save()} data-testid={testId}>
        {t(label === 'first' ? 'save.first' : 'save.action')}
      </Button>
      {state.kind === 'saved' && (
        <Text size="sm" c="teal.8" role="status" data-testid={`${testId}-saved`}>
          {t('save.saved', { name: state.name })}
        </Text>
      )}
      {state.kind === 'failed' && (
        <Text size="sm" c="red.8" role="alert" data-testid={`${testId}-failed`}>
          {t('save.failed', { detail: state.detail })}
        </Text>
      )}
    </Stack>
  );
}

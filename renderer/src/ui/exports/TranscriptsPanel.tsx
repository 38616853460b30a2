// Runtime: renderer (browser). Transcripts of the trainees chosen: the desktop app prints them to a PDF
// (in the main process, from the same HTML the core writes) and saves it through the save dialog; a
// browser prints the print view with its own dialog, where "Save as PDF" keeps a file.
import { Alert, Button, Checkbox, Group, MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PDF_PAGE_SIZES, type PdfPageSize } from '../../../../electron/contract/api';
import type { TranscriptData } from '../../core/records/transcript';
import { ExportCancelledError, traineesWithRecords, transcriptFileName, transcripts, type ExportFile, type ExportSource } from '../../records/exports';
import { useServices } from '../services';
import { ExportProgress } from './ExportProgress';
import { IdentityNotice } from './IdentityNotice';
import { transcriptLabels } from './texts';
import { TranscriptPrint } from './TranscriptPrint';
import { useExportTask } from './use-export-task';

export interface TranscriptsPanelProps {
  source: ExportSource;
  onSave(file: ExportFile): void;
  saving: boolean;
}

export function TranscriptsPanel({ source, onSave, saving }: TranscriptsPanelProps) {
  const { t, i18n } = useTranslation('exports');
  const { platform, appInfo } = useServices();
  const { progress, run, cancel } = useExportTask();
  const candidates = useMemo(() => traineesWithRecords(source), [source]);
  const [everyone, setEveryone] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [pageSize, setPageSize] = useState<PdfPageSize>('A4');
  const [printView, setPrintView] = useState<TranscriptData[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const labels = useMemo(() => transcriptLabels(t), [t]);
  const desktop = appInfo.runtime === 'electron';
  const uids = everyone ? candidates.map((trainee) => trainee.uid) : chosen;

  // Printed once the print view is in the page.
  useEffect(() => {
    if (printView) window.print();
  }, [printView]);

  const explain = (error: unknown) =>
    setFailure(
      error instanceof ExportCancelledError
        ? t('save.exportCancelled')
        : t('transcripts.printFailed', { detail: error instanceof Error ? error.message : String(error) }),
    );

  const build = () => run('building', (options) => transcripts(source, uids, labels, i18n.language, Date.now(), options));

  const savePdf = async () => {
    setFailure(null);
    try {
      const { data, html } = await build();
      const bytes = await run('printing', () => platform.printToPdf({ html, pageSize }));
      if (bytes === null) setPrintView(data);
      else onSave({ bytes, suggestedName: transcriptFileName(data, Date.now()), extension: 'pdf' });
    } catch (error) {
      explain(error);
    }
  };

  const print = async () => {
    setFailure(null);
    try {
      setPrintView((await build()).data);
    } catch (error) {
      explain(error);
    }
  };

  return (
    <Stack gap="md" data-testid="transcripts-panel">
      <Checkbox label={t('transcripts.all')} checked={everyone} onChange={(event) => setEveryone(event.currentTarget.checked)} data-testid="transcripts-all" />
      {!everyone && (
        <MultiSelect
          label={t('transcripts.traineesLabel')}
          placeholder={t('transcripts.traineesPlaceholder')}
          data={candidates.map((trainee) => ({
            value: trainee.uid,
            label: [trainee.name, trainee.academyId, trainee.email].filter(Boolean).join(' · '),
          }))}
          value={chosen}
          onChange={setChosen}
          searchable
          clearable
          limit={100}
          maxDropdownHeight={260}
          data-testid="transcripts-trainees"
        />
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="transcripts-page-size">
          {t('transcripts.pageSize')}
        </Text>
        <SegmentedControl
          aria-labelledby="transcripts-page-size"
          value={pageSize}
          onChange={(value) => setPageSize(value as PdfPageSize)}
          data={[...PDF_PAGE_SIZES]}
          w="fit-content"
        />
      </Stack>
      <IdentityNotice source={source} field={source.academy.identityField} />
      {!desktop && <Text size="sm">{t('transcripts.webNote')}</Text>}
      {progress && <ExportProgress progress={progress} onCancel={cancel} />}
      {failure && (
        <Alert color="red" role="alert" data-testid="transcripts-failed">
          {failure}
        </Alert>
      )}
      {uids.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('transcripts.chooseTrainee')}
        </Text>
      )}
      <Group>
        {desktop ? (
          <Button onClick={() => void savePdf()} disabled={uids.length === 0 || progress !== null} loading={saving} data-testid="transcripts-save-pdf">
            {t('transcripts.savePdf')}
          </Button>
        ) : (
          <Button onClick={() => void print()} disabled={uids.length === 0 || progress !== null} data-testid="transcripts-print">
            {t('transcripts.print')}
          </Button>
        )}
      </Group>
      {printView && <TranscriptPrint transcripts={printView} labels={labels} language={i18n.language} />}
    </Stack>
  );
}

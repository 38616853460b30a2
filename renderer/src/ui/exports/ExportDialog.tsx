// Runtime: renderer (browser). The export dialog's content: reads the records once, offers the five
// exports, and saves what the chosen one builds through the platform's save dialog, saying where it
// went (or that nothing was saved).
import { Alert, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readExportSource, traineesWithRecords, type ExportFile, type ExportSource } from '../../records/exports';
import { useLibrary } from '../library-context';
import { Loading } from '../Loading';
import { useServices } from '../services';
import { AttemptsPanel } from './AttemptsPanel';
import { MoodlePanel } from './MoodlePanel';
import { TranscriptsPanel } from './TranscriptsPanel';

export const EXPORT_FORMATS = ['moodle-csv', 'moodle-xml', 'attempts-csv', 'attempts-json', 'transcripts'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type SaveStatus = { kind: 'saved' | 'cancelled' | 'failed'; text: string };

export function ExportDialog() {
  const { t, i18n } = useTranslation('exports');
  const { db, platform } = useServices();
  const library = useLibrary();
  const [source, setSource] = useState<ExportSource | null>(null);
  const [readFailure, setReadFailure] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportFormat>('moodle-csv');
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<SaveStatus | null>(null);

  useEffect(() => {
    if (!library) return;
    let current = true;
    readExportSource(db, library, i18n.language).then(
      (read) => current && setSource(read),
      (error: unknown) => current && setReadFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [db, library, i18n.language]);

  const save = async (file: ExportFile) => {
    setSaving(true);
    setStatus(null);
    try {
      const result = await platform.saveFile({
        title: t('save.dialogTitle'),
        suggestedName: file.suggestedName,
        bytes: file.bytes,
        filters: [{ name: t(`save.filter.${file.extension}`), extensions: [file.extension] }],
      });
      setStatus(result.saved ? { kind: 'saved', text: t('save.saved', { name: result.name }) } : { kind: 'cancelled', text: t('save.cancelled') });
    } catch (error) {
      setStatus({ kind: 'failed', text: t('save.failed', { detail: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setSaving(false);
    }
  };

  if (readFailure)
    return (
      <Alert color="red" role="alert">
        {t('readFailed', { detail: readFailure })}
      </Alert>
    );
  if (!library) return <Loading what="library" />;
  if (!source) return <Text c="dimmed">{t('loading')}</Text>;
  if (traineesWithRecords(source).length === 0)
    return (
      <Alert color="blue" data-testid="export-nothing">
        {t('noRecords')}
      </Alert>
    );

  const panelProps = { source, onSave: (file: ExportFile) => void save(file), saving };
  return (
    <Stack gap="lg" data-testid="export-dialog">
      <Radio.Group
        label={t('format.label')}
        value={format}
        onChange={(value) => {
          setFormat(value as ExportFormat);
          setStatus(null);
        }}
      >
        <Stack gap="xs" mt="xs">
          {EXPORT_FORMATS.map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(`format.${value}.label`)}
              description={t(`format.${value}.description`)}
              data-testid={`export-format-${value}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      {format === 'moodle-csv' && <MoodlePanel key="csv" format="csv" {...panelProps} />}
      {format === 'moodle-xml' && <MoodlePanel key="xml" format="xml" {...panelProps} />}
      {format === 'attempts-csv' && <AttemptsPanel key="csv" format="csv" {...panelProps} />}
      {format === 'attempts-json' && <AttemptsPanel key="json" format="json" {...panelProps} />}
      {format === 'transcripts' && <TranscriptsPanel {...panelProps} />}
      {status && (
        <Alert
          color={status.kind === 'saved' ? 'green' : status.kind === 'failed' ? 'red' : 'gray'}
          role={status.kind === 'failed' ? 'alert' : 'status'}
          data-testid={`export-${status.kind}`}
        >
          {status.text}
        </Alert>
      )}
    </Stack>
  );
}

// Runtime: renderer. "Save statements file": every statement of the outbox, as stored, in one JSON file
// through the platform's save dialog (a download in the web build), and what was saved or left out.
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementsBlocker } from '../../core/records/xapi';
import { useLibrary } from '../library-context';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { WaitingForSettings } from './WaitingForSettings';
import { buildStatementsFile, statementsFileName } from './statements-file';

export function SaveStatementsFile({ testId }: { testId: string }) {
  const { t } = useTranslation('lrs');
  const { db, platform } = useServices();
  const library = useLibrary();
  const { report } = useStorageProblems();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ count: number; name: string; waiting: Partial<Record<StatementsBlocker, number>> } | null>(null);

  const save = async (): Promise<void> => {
    if (!library) return;
    setSaving(true);
    setSaved(null);
    try {
      const now = Date.now();
      const file = await buildStatementsFile(db, library, () => Date.now());
      const result = await platform.saveFile({
        title: t('settings.web.dialogTitle'),
        suggestedName: statementsFileName(now),
        bytes: file.bytes,
        filters: [{ name: t('settings.web.filterName'), extensions: ['json'] }],
      });
      if (result.saved) setSaved({ count: file.count, name: result.name, waiting: file.waiting });
    } catch (error) {
      report(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" loading={saving} disabled={!library} onClick={() => void save()} data-testid={testId}>
        {t('settings.web.save')}
      </Button>
      <div role="status" aria-live="polite">
        {saved && (
          <Stack gap={4}>
            <Text size="sm" data-testid={`${testId}-saved`}>
              {t('settings.web.saved', { count: saved.count, name: saved.name })}
            </Text>
            <WaitingForSettings waiting={saved.waiting} />
          </Stack>
        )}
      </div>
    </Stack>
  );
}

// Runtime: renderer. Erasing one trainee's data from this device: what will be lost, their data offered
// first, what this cannot reach (copies already saved or sent), then the destructive button.
import { Button, List, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraineeEntry, TraineeHoldings } from '../../records/trainee-data';
import { eraseTraineeData, readTraineeHoldings } from '../../records/trainee-data';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { formatList } from '../format';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { SaveTraineeData } from './SaveTraineeData';

/** "2 attempts, 1 unfinished, 1 record and 1 unsent draft", or null when there is nothing of the kind. */
export function useHoldingsText(): (holdings: TraineeHoldings) => string | null {
  const { t, i18n } = useTranslation('backup');
  return (holdings) => {
    const parts = [
      holdings.attempts > 0 ? t('trainee.holdingsAttempts', { count: holdings.attempts }) : null,
      holdings.unfinished > 0 ? t('trainee.holdingsUnfinished', { count: holdings.unfinished }) : null,
      holdings.outcomes > 0 ? t('trainee.holdingsOutcomes', { count: holdings.outcomes }) : null,
      holdings.drafts > 0 ? t('trainee.holdingsDrafts', { count: holdings.drafts }) : null,
    ].filter((part): part is string => part !== null);
    return parts.length > 0 ? formatList(parts, i18n.language) : null;
  };
}

export function EraseTraineeData({ trainee, onErased }: { trainee: TraineeEntry; onErased: (name: string) => void }) {
  const { t } = useTranslation('backup');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [opened, dialog] = useDisclosure(false);
  const [erasing, setErasing] = useState(false);
  const [failed, setFailed] = useState(false);
  const holdingsText = useHoldingsText();
  const holdings = useLiveQuery(() => readTraineeHoldings(db, trainee.ref), [db, trainee.ref]);

  const close = (): void => {
    setFailed(false);
    dialog.close();
  };
  const confirm = (): void => {
    setErasing(true);
    setFailed(false);
    eraseTraineeData(db, trainee.ref)
      .then(
        () => {
          dialog.close();
          onErased(trainee.name);
        },
        (error: unknown) => {
          setFailed(true);
          report(error);
        },
      )
      .finally(() => setErasing(false));
  };

  const list = holdings ? holdingsText(holdings) : null;
  return (
    <>
      <Button variant="outline" color="red" onClick={dialog.open} data-testid="trainee-erase">
        {t('erase.action')}
      </Button>
      <ConfirmDeleteDialog
        opened={opened}
        onClose={close}
        onConfirm={confirm}
        title={t('erase.title', { name: trainee.name })}
        cancelLabel={t('erase.cancel')}
        confirmLabel={t('erase.confirm')}
        deleting={erasing}
        failure={failed ? t('erase.failed') : null}
        testId="trainee-erase"
      >
        <Stack gap="xs" data-testid="trainee-erase-body">
          <Text size="sm">{t('erase.body', { name: trainee.name })}</Text>
          <List size="sm">
            <List.Item>{t(trainee.ref.kind === 'profile' ? 'erase.profile' : 'erase.imported')}</List.Item>
            <List.Item>{list ? t('erase.holdings', { list }) : t('erase.nothing')}</List.Item>
          </List>
        </Stack>
        <Text size="sm">{t('erase.offer')}</Text>
        <SaveTraineeData trainee={trainee.ref} label="first" testId="trainee-erase-save" />
        <Text size="sm" c="dimmed" data-testid="trainee-erase-copies">
          {t('erase.copies')}
        </Text>
        <Text size="sm" fw={600}>
          {t('erase.irreversible')}
        </Text>
      </ConfirmDeleteDialog>
    </>
  );
}

// Runtime: renderer (browser). The Records toolbar's Export button and its dialog, behind the
// administrator's passphrase (`gate`: the screen passes RequireAdmin): exports hold every trainee's records.
import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from './ExportDialog';

export function ExportRecords({ gate }: { gate: (content: ReactNode, reason: string) => ReactNode }) {
  const { t } = useTranslation('exports');
  const { t: tc } = useTranslation('common');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open} data-testid="export-open">
        {t('open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('title')} size="xl" closeButtonProps={{ 'aria-label': tc('close') }} data-testid="export-modal">
        {gate(<ExportDialog />, t('adminReason'))}
      </Modal>
    </>
  );
}

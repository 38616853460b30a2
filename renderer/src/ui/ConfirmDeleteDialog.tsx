// Runtime: renderer. The one confirmation before something is deleted for good: what goes, a way
// back that has the focus, and the failure said in place if deleting did not work.
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmDeleteDialogProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  /** What will be deleted, and what that means. */
  children: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  deleting: boolean;
  /** Shown when the last attempt to delete failed. */
  failure: string | null;
  /** Test ids: the dialog's, its confirm button's and its failure's are `${testId}-dialog`, `-confirm`, `-failed`. */
  testId: string;
}

export function ConfirmDeleteDialog({
  opened,
  onClose,
  onConfirm,
  title,
  children,
  cancelLabel,
  confirmLabel,
  deleting,
  failure,
  testId,
}: ConfirmDeleteDialogProps) {
  const { t } = useTranslation('common');
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('close') }} data-testid={`${testId}-dialog`}>
      <Stack>
        {children}
        {failure && (
          <Alert color="red" role="alert" data-testid={`${testId}-failed`}>
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {cancelLabel}
          </Button>
          <Button color="red" loading={deleting} onClick={onConfirm} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// Runtime: renderer. The dialog that sets, changes or removes a secret (the administrator passphrase, a
// profile's PIN): the current one when it is needed, the new one twice, what is wrong with each, and
// progress while scrypt hashes. Enter submits, Escape closes; nothing typed is cleared by a mistake.
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretChangedError, WrongSecretError } from '../../db/repositories/academy';
import { AlertIcon } from '../icons';
import { useStorageProblems } from '../storage-problems';

export type SecretMode = 'set' | 'change' | 'remove';

export interface SecretValues {
  current: string;
  next: string;
  confirmation: string;
}

export interface SecretDialogText {
  title: string;
  /** Above the fields, e.g. what removing means. */
  intro?: ReactNode;
  current: string;
  next: string;
  nextDescription: string;
  confirm: string;
  toggleVisibility: string;
  submit: string;
  saving: string;
  cancel: string;
  currentRequired: string;
  wrongCurrent: string;
  changedElsewhere: string;
}

export interface SecretDialogProps {
  opened: boolean;
  mode: SecretMode;
  onClose: () => void;
  /** Runs after a save went through; the dialog closes. */
  onSaved: () => void;
  text: SecretDialogText;
  /** False when something else stands in for the current secret (administrator mode, for a PIN): `currentNote` says so. */
  askCurrent: boolean;
  currentNote?: string;
  /** What is wrong with the new secret and its confirmation, in words; null when it can be set. */
  newSecretError: (next: string, confirmation: string) => string | null;
  /** What a refusal thrown by `save` (other than a wrong current secret) says about the new one; null for anything else. */
  rejectionError: (error: unknown) => string | null;
  save: (values: SecretValues) => Promise<void>;
  numeric?: boolean;
  testId: string;
}

export function SecretDialog(props: SecretDialogProps) {
  const { t } = useTranslation('common');
  const { opened, onClose, text, testId } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={text.title} closeButtonProps={{ 'aria-label': t('close') }} data-testid={`${testId}-dialog`}>
      {/* Mounted only while open, so a reopened dialog starts empty. */}
      {opened && <SecretForm {...props} />}
    </Modal>
  );
}

function SecretForm({
  mode,
  onClose,
  onSaved,
  text,
  askCurrent,
  currentNote,
  newSecretError,
  rejectionError,
  save,
  numeric = false,
  testId,
}: SecretDialogProps) {
  const { report } = useStorageProblems();
  const [values, setValues] = useState<SecretValues>({ current: '', next: '', confirmation: '' });
  const [showIssues, setShowIssues] = useState(false);
  const [wrongCurrent, setWrongCurrent] = useState(false);
  const [rejection, setRejection] = useState<string | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [pending, setPending] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);

  const needsCurrent = mode !== 'set' && askCurrent;
  const needsNew = mode !== 'remove';
  const currentError = wrongCurrent ? text.wrongCurrent : showIssues && needsCurrent && values.current.trim().length === 0 ? text.currentRequired : null;
  const newError = rejection ?? (showIssues && needsNew ? newSecretError(values.next, values.confirmation) : null);

  const edit = (change: Partial<SecretValues>) => {
    setValues((previous) => ({ ...previous, ...change }));
    if (change.current !== undefined) setWrongCurrent(false);
    if (change.next !== undefined || change.confirmation !== undefined) setRejection(null);
    setChangedElsewhere(false);
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    setShowIssues(true);
    const missingCurrent = needsCurrent && values.current.trim().length === 0;
    const badNew = needsNew && newSecretError(values.next, values.confirmation) !== null;
    if (missingCurrent || badNew) {
      (missingCurrent ? currentRef : nextRef).current?.focus();
      return;
    }
    setPending(true);
    try {
      await save(values);
      onSaved();
    } catch (error) {
      if (error instanceof WrongSecretError) {
        setWrongCurrent(true);
        currentRef.current?.focus();
        currentRef.current?.select();
      } else if (error instanceof SecretChangedError) {
        setChangedElsewhere(true);
      } else {
        const said = rejectionError(error);
        if (said === null) report(error);
        else {
          setRejection(said);
          nextRef.current?.focus();
        }
      }
    } finally {
      setPending(false);
    }
  };

  const field = {
    autoComplete: 'off',
    inputMode: numeric ? ('numeric' as const) : undefined,
    visibilityToggleButtonProps: { 'aria-label': text.toggleVisibility },
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid={`${testId}-form`}>
      <Stack gap="md">
        {text.intro}
        {mode !== 'set' && !askCurrent && currentNote && (
          <Text size="sm" c="dimmed" data-testid={`${testId}-admin-note`}>
            {currentNote}
          </Text>
        )}
        {needsCurrent && (
          <PasswordInput
            {...field}
            ref={currentRef}
            data-autofocus
            autoComplete={numeric ? 'off' : 'current-password'}
            label={text.current}
            value={values.current}
            onChange={(event) => edit({ current: event.currentTarget.value })}
            error={currentError}
            aria-invalid={currentError !== null}
            data-testid={`${testId}-current`}
          />
        )}
        {needsNew && (
          <>
            <PasswordInput
              {...field}
              ref={nextRef}
              data-autofocus={needsCurrent ? undefined : true}
              autoComplete={numeric ? 'off' : 'new-password'}
              label={text.next}
              description={text.nextDescription}
              value={values.next}
              onChange={(event) => edit({ next: event.currentTarget.value })}
              error={newError}
              aria-invalid={newError !== null}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data-testid={`${testId}-next`}
            />
            <PasswordInput
              {...field}
              autoComplete={numeric ? 'off' : 'new-password'}
              label={text.confirm}
              value={values.confirmation}
              onChange={(event) => edit({ confirmation: event.currentTarget.value })}
              data-testid={`${testId}-confirm`}
            />
          </>
        )}
        {changedElsewhere && (
          <Alert color="red" variant="light" icon={<AlertIcon size={18} />} data-testid={`${testId}-changed`}>
            {text.changedElsewhere}
          </Alert>
        )}
        <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid={`${testId}-status`}>
          {pending ? text.saving : ''}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {text.cancel}
          </Button>
          <Button type="submit" color={mode === 'remove' ? 'red' : undefined} loading={pending} data-testid={`${testId}-submit`}>
            {text.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

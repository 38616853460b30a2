// Runtime: renderer. Storage failures are shown once, at the top of the screen, with what to do next.
import { Alert, Button, Group, Text } from '@mantine/core';
import { Component, createContext, use, useCallback, useMemo, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StorageFullError, isQuotaError } from '../db/errors';
import { AlertIcon } from './icons';

export type StorageProblem =
  | { kind: 'full' }
  | { kind: 'write'; detail: string }
  /** The database did not open at start: the app runs on defaults and may not keep changes. */
  | { kind: 'startup'; detail: string };

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function storageProblemFor(error: unknown): StorageProblem {
  if (error instanceof StorageFullError || isQuotaError(error)) return { kind: 'full' };
  return { kind: 'write', detail: errorDetail(error) };
}

export function startupProblemFor(error: unknown): StorageProblem {
  return isQuotaError(error) ? { kind: 'full' } : { kind: 'startup', detail: errorDetail(error) };
}

interface StorageProblems {
  problem: StorageProblem | null;
  /** Shows a failed write to the user. */
  report: (error: unknown) => void;
  dismiss: () => void;
}

const StorageProblemsContext = createContext<StorageProblems | null>(null);

export function StorageProblemsProvider({ initialProblem = null, children }: { initialProblem?: StorageProblem | null; children: ReactNode }) {
  const [problem, setProblem] = useState<StorageProblem | null>(initialProblem);
  const report = useCallback((error: unknown) => setProblem(storageProblemFor(error)), []);
  const dismiss = useCallback(() => setProblem(null), []);
  const value = useMemo(() => ({ problem, report, dismiss }), [problem, report, dismiss]);
  return <StorageProblemsContext value={value}>{children}</StorageProblemsContext>;
}

export function useStorageProblems(): StorageProblems {
  const context = use(StorageProblemsContext);
  if (!context) throw new Error('useStorageProblems() needs a StorageProblemsProvider above it.');
  return context;
}

function reloadApp(): void {
  window.location.reload();
}

export function StorageProblemAlert() {
  const { t } = useTranslation('common');
  const { problem, dismiss } = useStorageProblems();
  if (!problem) return null;

  const title = problem.kind === 'full' ? t('storage.fullTitle') : problem.kind === 'write' ? t('storage.writeFailedTitle') : t('storage.readFailedTitle');
  const body =
    problem.kind === 'full'
      ? t('storage.fullBody')
      : problem.kind === 'write'
        ? t('storage.writeFailedBody', { detail: problem.detail })
        : t('storage.startupFailedBody', { detail: problem.detail });

  return (
    <Alert
      data-testid="storage-error"
      role="alert"
      color="red"
      variant="light"
      radius="lg"
      mb="lg"
      icon={<AlertIcon />}
      title={title}
      withCloseButton
      closeButtonLabel={t('storage.dismiss')}
      onClose={dismiss}
    >
      <Text size="sm">{body}</Text>
      {problem.kind !== 'full' && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="red" onClick={reloadApp}>
            {t('storage.reload')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}

function ReadFailure({ error }: { error: unknown }) {
  const { t } = useTranslation('common');
  return (
    <Alert data-testid="storage-read-error" role="alert" color="red" variant="light" radius="lg" icon={<AlertIcon />} title={t('storage.readFailedTitle')}>
      <Text size="sm">{t('storage.readFailedBody', { detail: errorDetail(error) })}</Text>
      <Group mt="sm">
        <Button size="xs" variant="white" color="red" onClick={reloadApp}>
          {t('storage.reload')}
        </Button>
      </Group>
    </Alert>
  );
}

/** A screen whose live query fails (the database cannot be read) shows why instead of going blank. */
export class ReadErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A screen could not read its data.', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <ReadFailure error={this.state.error} /> : this.props.children;
  }
}

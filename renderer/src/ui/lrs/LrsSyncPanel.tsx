// Runtime: renderer. The Records screen's view of the sync to the academy's LRS: one status line (state,
// what is to send, sent and refused, attempts waiting for settings and what to set, the last sync, the
// next try, progress while sending), "Sync now", and the problems: statements the LRS refused, each
// with whose it is, what it says, what the LRS answered and when, and "Send again".
import { Badge, Button, Code, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../library/library';
import { outboxCounts } from '../../db/repositories/outbox';
import type { StatementsBlocker } from '../../core/records/xapi';
import type { SyncState } from '../../records/lrs-sync';
import { buildPendingStatements } from '../../records/statements';
import { useLibrary } from '../library-context';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { readSyncProblems, type SyncProblem } from './problems';
import { SaveStatementsFile } from './SaveStatementsFile';
import { useLrsSync } from './sync-context';
import { WaitingForSettings } from './WaitingForSettings';
import { formattingLocale } from '../../core/locale';

type ShownState = SyncState | 'idlePending' | 'idleProblems';

const STATE_COLOURS: Record<ShownState, string> = {
  idle: 'teal',
  idlePending: 'gray',
  idleProblems: 'orange',
  syncing: 'navy',
  waiting: 'orange',
  paused: 'red',
  offline: 'gray',
  'not-configured': 'gray',
  unsupported: 'gray',
};

const REPLY_SHOWN_CHARACTERS = 500;

function dateTime(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeStyle: 'medium' }).format(timestamp);
}

export function LrsSyncPanel() {
  const { t, i18n } = useTranslation('lrs');
  const { db } = useServices();
  const { status, canSync, connection, sync } = useLrsSync();
  const { report } = useStorageProblems();
  const titleId = useId();
  const counts = useLiveQuery(() => outboxCounts(db), [db]);
  const [asking, setAsking] = useState(false);
  const library = useLibrary();
  const running = canSync && Boolean(connection);
  // Where no sync runs to say so (not set up, or the web build), attempts waiting for settings are
  // counted here, by building what can be built: the statements file and a later sync need them anyway.
  const [localWaiting, setLocalWaiting] = useState<Partial<Record<StatementsBlocker, number>>>({});
  useEffect(() => {
    if (running || !library) return;
    let current = true;
    buildPendingStatements(db, library, { now: () => Date.now() }).then((report) => {
      if (current) setLocalWaiting(report.waiting);
    }, report);
    return () => {
      current = false;
    };
  }, [running, library, db, report]);

  const state: SyncState = !canSync ? 'unsupported' : connection === null ? 'not-configured' : status.state;
  const pending = counts?.pending ?? status.pending;
  const dead = counts?.dead ?? status.dead;
  const shownState: ShownState = state !== 'idle' ? state : pending > 0 ? 'idlePending' : dead > 0 ? 'idleProblems' : 'idle';
  const language = i18n.language;

  const explanation =
    state === 'paused'
      ? t(status.lastProblem?.status === 401 || status.lastProblem?.status === 403 ? 'status.explain.pausedCredentials' : 'status.explain.pausedEndpoint', {
          status: status.lastProblem?.status ?? '',
        })
      : state === 'waiting' || state === 'offline' || state === 'not-configured' || state === 'unsupported'
        ? t(`status.explain.${state}`)
        : null;
  const problem =
    status.lastProblem && (state === 'paused' || state === 'waiting' || state === 'idle')
      ? status.lastProblem.status !== null
        ? t('status.lastProblemStatus', { status: status.lastProblem.status, message: status.lastProblem.message })
        : t('status.lastProblem', { message: status.lastProblem.message })
      : null;

  const syncNow = async () => {
    setAsking(true);
    try {
      await sync.syncNow();
    } catch (error) {
      report(error);
    } finally {
      setAsking(false);
    }
  };

  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby={titleId} data-testid="lrs-sync" data-state={shownState}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={6} style={{ flex: '1 1 420px' }}>
            <Group gap="sm" wrap="wrap">
              <Title order={2} size="h5" id={titleId}>
                {t('status.title')}
              </Title>
              <Badge color={STATE_COLOURS[shownState]} variant="light" c="var(--mantine-color-text)" data-testid="lrs-sync-state">
                {t(`status.state.${shownState}`)}
              </Badge>
            </Group>
            <Text size="sm" data-testid="lrs-sync-counts" role="status" aria-live="polite">
              {[
                t('status.counts.pending', { count: pending }),
                t('status.counts.sent', { count: counts?.sent ?? status.sent }),
                t('status.counts.dead', { count: dead }),
              ].join(' · ')}
            </Text>
            {state === 'syncing' && status.progress && status.progress.total > 0 && (
              <Stack gap={4} maw={420}>
                <Progress
                  value={(100 * status.progress.done) / status.progress.total}
                  aria-label={t('status.progress', { done: status.progress.done, total: status.progress.total })}
                  data-testid="lrs-sync-progress"
                />
                <Text size="xs" c="dimmed">
                  {t('status.progress', { done: status.progress.done, total: status.progress.total })}
                </Text>
              </Stack>
            )}
            {explanation && (
              <Text size="sm" data-testid="lrs-sync-explanation">
                {explanation}
              </Text>
            )}
            {problem && (
              <Text size="sm" c="dimmed" data-testid="lrs-sync-problem" style={{ wordBreak: 'break-word' }}>
                {problem}
              </Text>
            )}
            {canSync && connection && (
              <Text size="xs" c="dimmed" data-testid="lrs-sync-times" data-next-attempt-at={status.nextAttemptAt ?? undefined}>
                {status.lastSyncAt !== null ? t('status.lastSync', { when: dateTime(status.lastSyncAt, language) }) : t('status.neverSynced')}
                {state === 'waiting' && status.nextAttemptAt !== null && ` ${t('status.nextAttempt', { when: dateTime(status.nextAttemptAt, language) })}`}
              </Text>
            )}
            <WaitingForSettings waiting={running ? status.waiting : localWaiting} />
            {!canSync && <SaveStatementsFile testId="lrs-records-save-file" />}
          </Stack>
          {canSync && (
            <Button variant="default" onClick={() => void syncNow()} loading={asking || state === 'syncing'} disabled={!connection} data-testid="lrs-sync-now">
              {t('status.syncNow')}
            </Button>
          )}
        </Group>
        <SyncProblems />
      </Stack>
    </Paper>
  );
}

function SyncProblems() {
  const { t, i18n } = useTranslation('lrs');
  const { db } = useServices();
  const { sync } = useLrsSync();
  const { report } = useStorageProblems();
  const titleId = useId();
  const data = useLiveQuery(() => readSyncProblems(db), [db]);
  const [sending, setSending] = useState<readonly string[]>([]);
  if (!data || data.total === 0) return null;
  const language = i18n.language;

  const whatItSays = (problem: SyncProblem): string => {
    const verb = t(`verbs.${problem.verb}`);
    const objectName = localized(problem.objectName, language);
    const scenarioTitle = problem.scenarioTitle ? localized(problem.scenarioTitle, language) : '';
    if (!scenarioTitle) return `${verb}: ${objectName}`;
    // A draft's or an axis's statement names its own object: the scenario is said first, then that.
    return objectName && objectName !== scenarioTitle ? `${verb}: ${scenarioTitle} (${objectName})` : `${verb}: ${scenarioTitle}`;
  };

  const sendAgain = async (ids: readonly string[]) => {
    setSending(ids);
    try {
      await sync.requeue(ids);
    } catch (error) {
      report(error);
    } finally {
      setSending([]);
    }
  };

  return (
    <section aria-labelledby={titleId} data-testid="lrs-problems">
      <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap">
        <div>
          <Title order={3} size="h6" id={titleId}>
            {t('problems.title')}
          </Title>
          <Text size="sm" maw={760}>
            {t('problems.intro', { count: data.total })}
            {data.problems.length < data.total && ` ${t('problems.shownOf', { shown: data.problems.length, total: data.total })}`}
          </Text>
        </div>
        {data.problems.length > 1 && (
          <Button
            variant="default"
            size="xs"
            loading={sending.length > 1}
            disabled={sending.length > 0}
            onClick={() => void sendAgain(data.problems.map((problem) => problem.id))}
            data-testid="lrs-problems-send-all"
          >
            {t('problems.sendAllAgain')}
          </Button>
        )}
      </Group>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {data.problems.map((problem) => {
          const what = whatItSays(problem);
          const trainee = problem.trainee ?? t('problems.unknownTrainee');
          const reply = problem.problem.reply.trim();
          return (
            <Paper component="li" key={problem.id} withBorder p="sm" radius="sm" data-testid="lrs-problem" data-statement-id={problem.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={600} data-testid="lrs-problem-what">
                    {trainee} — {what}
                  </Text>
                  <Text size="sm" data-testid="lrs-problem-kind">
                    {t(`problems.kind.${problem.problem.kind}`, { status: problem.problem.status })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('problems.when', { when: dateTime(problem.problem.at, language) })}
                  </Text>
                  <Text size="xs" fw={500}>
                    {t('problems.reply')}
                  </Text>
                  <Code block data-testid="lrs-problem-reply" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {reply === '' ? t('problems.noReply') : reply.length > REPLY_SHOWN_CHARACTERS ? `${reply.slice(0, REPLY_SHOWN_CHARACTERS)}…` : reply}
                  </Code>
                </Stack>
                <Button
                  variant="default"
                  size="xs"
                  loading={sending.length === 1 && sending[0] === problem.id}
                  disabled={sending.length > 0}
                  onClick={() => void sendAgain([problem.id])}
                  aria-label={t('problems.sendAgainLabel', { what: `${trainee} — ${what}` })}
                  data-testid="lrs-problem-send-again"
                >
                  {t('problems.sendAgain')}
                </Button>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </section>
  );
}

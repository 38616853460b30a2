// Runtime: renderer. The pack manager: every pack this computer offers (the built-in library, read
// only, and the packs installed from files) with its version, source, content hash and installation
// date; installing or updating one from a file (an older version, or other content under the same
// version, only once confirmed) and uninstalling one. Attempts on an uninstalled pack keep their
// frozen outcomes: records and debriefs read those, never the pack. The library reloads by itself
// whenever the packs table changes (ui/library-context.tsx).
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countProblems } from '../../core/pack/diagnostics';
import type { Pack } from '../../core/pack/load';
import { installPack, listInstalledPackInfo, uninstallPack, type InstalledPackInfo } from '../../db/repositories/packs';
import { PackInstallError, type InstallProblem } from '../../library/install-problem';
import { localized } from '../../library/library';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { formatDate } from '../format';
import { useLibrary } from '../library-context';
import { Loading } from '../Loading';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { installDecision, shortHash, type InstallDecision } from './install-decision';
import { InstallProblemText } from './InstallProblemText';

/** One row of the table: a pack the library loaded, or an installed one that does not load. */
interface PackRow {
  packId: string;
  title: string;
  version: string;
  contentHash: string | null;
  scenarios: number;
  installed: InstalledPackInfo | null;
  /** Errors that keep an installed pack out of the library. */
  problems: number;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; packId: string | null }
  | { kind: 'done'; message: string }
  | { kind: 'refused'; problem: InstallProblem | { kind: 'other-pack'; found: string; expected: string } };

/** A checked file waiting for the administrator to confirm what it does. */
interface PendingInstall {
  pack: Pack;
  bytes: Uint8Array;
  decision: Extract<InstallDecision, { kind: 'older' | 'same-version' }>;
}

export function PackManager() {
  const { t, i18n } = useTranslation('packManager');
  const { db, platform, library: client } = useServices();
  const library = useLibrary();
  const { report } = useStorageProblems();
  const installed = useLiveQuery(() => listInstalledPackInfo(db), [db]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [pending, setPending] = useState<PendingInstall | null>(null);
  const [removing, setRemoving] = useState<PackRow | null>(null);

  if (!library || !installed) return <Loading what="library" />;

  const installedById = new Map(installed.map((info) => [info.packId, info]));
  const rows: PackRow[] = library.packs.map((pack) => ({
    packId: pack.manifest.id,
    title: localized(pack.manifest.title, i18n.language) || pack.manifest.id,
    version: pack.manifest.version,
    contentHash: pack.contentHash,
    scenarios: pack.scenarios.length,
    installed: installedById.get(pack.manifest.id) ?? null,
    problems: 0,
  }));
  for (const problem of library.problems) {
    const info = installedById.get(problem.source);
    if (info && !rows.some((row) => row.packId === info.packId))
      rows.push({
        packId: info.packId,
        title: info.packId,
        version: info.version,
        contentHash: null,
        scenarios: 0,
        installed: info,
        problems: countProblems(problem.diagnostics),
      });
  }
  const rowOf = (packId: string) => rows.find((row) => row.packId === packId && row.installed) ?? null;

  const finish = async (pack: Pack, bytes: Uint8Array, decision: InstallDecision) => {
    await installPack(db, { packId: pack.manifest.id, version: pack.manifest.version, archive: bytes });
    const title = localized(pack.manifest.title, i18n.language) || pack.manifest.id;
    const to = pack.manifest.version;
    const message =
      decision.kind === 'newer'
        ? t('done.updated', { title, from: decision.from, to })
        : decision.kind === 'older'
          ? t('done.downgraded', { title, from: decision.from, to })
          : decision.kind === 'same-version'
            ? t('done.replaced', { title, version: to })
            : t('done.installed', { title, version: to });
    setStatus({ kind: 'done', message });
  };

  /** Picks a file and installs it; `expected`: the pack it must hold (Update from file… on a row). */
  const chooseFile = async (expected: string | null) => {
    const file = await platform.openFile({ title: t('dialogTitle'), filters: [{ name: t('filter'), extensions: ['attache'] }] });
    if (!file) return;
    setStatus({ kind: 'working', packId: expected });
    try {
      const pack = await client.checkArchive(file.bytes);
      const id = pack.manifest.id;
      if (expected !== null && id !== expected) {
        setStatus({ kind: 'refused', problem: { kind: 'other-pack', found: id, expected } });
        return;
      }
      const current = rowOf(id);
      const decision = installDecision(current ? { version: current.version, contentHash: current.contentHash } : null, {
        version: pack.manifest.version,
        contentHash: pack.contentHash,
      });
      if (decision.kind === 'identical') {
        setStatus({ kind: 'done', message: t('done.same', { title: localized(pack.manifest.title, i18n.language) || id, version: pack.manifest.version }) });
      } else if (decision.kind === 'older' || decision.kind === 'same-version') {
        setStatus({ kind: 'idle' });
        setPending({ pack, bytes: file.bytes, decision });
      } else await finish(pack, file.bytes, decision);
    } catch (error) {
      if (error instanceof PackInstallError) setStatus({ kind: 'refused', problem: error.problem });
      else {
        setStatus({ kind: 'idle' });
        report(error);
      }
    }
  };

  const confirmPending = async () => {
    if (!pending) return;
    setPending(null);
    setStatus({ kind: 'working', packId: pending.pack.manifest.id });
    try {
      await finish(pending.pack, pending.bytes, pending.decision);
    } catch (error) {
      setStatus({ kind: 'idle' });
      report(error);
    }
  };

  const working = status.kind === 'working';
  return (
    <Stack gap="md" data-testid="pack-manager">
      <Group justify="flex-end">
        <Button variant="light" onClick={() => void chooseFile(null)} loading={working && status.packId === null} disabled={working}>
          {t('install')}
        </Button>
      </Group>
      {status.kind === 'done' && (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel={t('dismiss')}
          onClose={() => setStatus({ kind: 'idle' })}
          data-testid="pack-manager-done"
        >
          {status.message}
        </Alert>
      )}
      {status.kind === 'refused' && <Refusal problem={status.problem} onClose={() => setStatus({ kind: 'idle' })} />}
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-label={t('tableLabel')} data-testid="pack-manager-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.pack')}</Table.Th>
              <Table.Th>{t('columns.version')}</Table.Th>
              <Table.Th>{t('columns.source')}</Table.Th>
              <Table.Th>{t('columns.hash')}</Table.Th>
              <Table.Th>{t('columns.installed')}</Table.Th>
              <Table.Th>{t('columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.packId} data-testid={`pack-row-${row.packId}`}>
                <Table.Th scope="row" fw="normal">
                  <Text fw={600} size="sm">
                    {row.title}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {row.packId}
                  </Text>
                  {row.problems > 0 ? (
                    <Text size="xs" c="red.8">
                      {t('notLoading', { count: row.problems })}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('scenarios', { count: row.scenarios })}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  <Code>{row.version}</Code>
                </Table.Td>
                <Table.Td>
                  {row.installed ? (
                    <Badge variant="light" color="blue">
                      {t('source.file')}
                    </Badge>
                  ) : (
                    <Tooltip label={t('readOnly')} multiline w={240}>
                      <Badge variant="light" color="gray" tabIndex={0}>
                        {t('source.builtIn')}
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>{row.contentHash && <HashCell hash={row.contentHash} title={row.title} />}</Table.Td>
                <Table.Td>{row.installed ? formatDate(row.installed.installedAt, i18n.language) : '—'}</Table.Td>
                <Table.Td>
                  {row.installed && (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => void chooseFile(row.packId)}
                        loading={working && status.packId === row.packId}
                        disabled={working}
                        aria-label={t('updateLabel', { title: row.title })}
                      >
                        {t('update')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(row)}
                        disabled={working}
                        aria-label={t('uninstallLabel', { title: row.title })}
                      >
                        {t('uninstall')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmInstall pending={pending} onCancel={() => setPending(null)} onConfirm={() => void confirmPending()} />
      {removing && (
        <ConfirmUninstall
          row={removing}
          onClose={() => setRemoving(null)}
          onDone={(message) => {
            setRemoving(null);
            setStatus({ kind: 'done', message });
          }}
        />
      )}
    </Stack>
  );
}

function HashCell({ hash, title }: { hash: string; title: string }) {
  const { t } = useTranslation('packManager');
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('hashTitle')} multiline w={280}>
        <Code tabIndex={0} data-testid="pack-hash">
          {shortHash(hash)}
        </Code>
      </Tooltip>
      <CopyButton value={hash}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy} aria-label={t('copyHash', { title })}>
            {copied ? t('hashCopied') : t('copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function Refusal({ problem, onClose }: { problem: Extract<Status, { kind: 'refused' }>['problem']; onClose: () => void }) {
  const { t } = useTranslation('packManager');
  return (
    <Alert
      color="red"
      role="alert"
      withCloseButton
      closeButtonLabel={t('dismiss')}
      onClose={onClose}
      title={t('refused.title')}
      data-testid="pack-manager-refused"
    >
      {problem.kind === 'other-pack' ? (
        <Text size="sm">{t('refused.otherPack', { found: problem.found, expected: problem.expected })}</Text>
      ) : (
        <InstallProblemText problem={problem} />
      )}
    </Alert>
  );
}

function ConfirmInstall({ pending, onCancel, onConfirm }: { pending: PendingInstall | null; onCancel: () => void; onConfirm: () => void }) {
  const { t, i18n } = useTranslation(['packManager', 'common']);
  const title = pending ? localized(pending.pack.manifest.title, i18n.language) || pending.pack.manifest.id : '';
  const to = pending?.pack.manifest.version ?? '';
  const older = pending?.decision.kind === 'older';
  return (
    <Modal
      opened={pending !== null}
      onClose={onCancel}
      title={older ? t('confirm.downgradeTitle') : t('confirm.sameVersionTitle')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
      data-testid="pack-manager-confirm"
    >
      <Stack>
        <Text size="sm">
          {older
            ? t('confirm.downgrade', { title, from: pending?.decision.from, to })
            : t('confirm.sameVersion', { title, version: to, hash: pending ? shortHash(pending.pack.contentHash) : '' })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('confirm.cancel')}
          </Button>
          <Button color="orange" onClick={onConfirm}>
            {older ? t('confirm.downgradeAction', { to }) : t('confirm.sameVersionAction')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ConfirmUninstall({ row, onClose, onDone }: { row: PackRow; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation('packManager');
  const { db } = useServices();
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Read once when the dialog opens: how many attempts keep their outcomes, and how many stop where they are.
  const attempts = useLiveQuery(async () => {
    const onPack = await db.attempts.filter((attempt) => attempt.packId === row.packId).toArray();
    return { finished: onPack.filter((attempt) => attempt.status !== 'active').length, active: onPack.filter((attempt) => attempt.status === 'active').length };
  }, [db, row.packId]);

  const confirm = async () => {
    setDeleting(true);
    setFailure(null);
    try {
      await uninstallPack(db, row.packId);
      onDone(t('done.uninstalled', { title: row.title, version: row.version }));
    } catch (error) {
      setDeleting(false);
      setFailure(t('confirm.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <ConfirmDeleteDialog
      opened
      onClose={onClose}
      onConfirm={() => void confirm()}
      title={t('confirm.uninstallTitle', { title: row.title })}
      cancelLabel={t('confirm.cancel')}
      confirmLabel={t('confirm.uninstallAction')}
      deleting={deleting}
      failure={failure}
      testId="pack-uninstall"
    >
      <Text size="sm">{t('confirm.uninstall')}</Text>
      <Text size="sm" data-testid="pack-uninstall-frozen">
        {attempts && attempts.finished > 0 ? t('confirm.frozen', { count: attempts.finished }) : t('confirm.frozenNone')}
      </Text>
      {attempts && attempts.active > 0 && (
        <Text size="sm" c="orange.9">
          {t('confirm.underWay', { count: attempts.active })}
        </Text>
      )}
    </ConfirmDeleteDialog>
  );
}

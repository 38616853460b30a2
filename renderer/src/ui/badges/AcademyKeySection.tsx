// Runtime: renderer. Settings → Academy signing key: create the academy's Ed25519 key under the
// administrator passphrase, see its public key as did:key (or did:web once the academy gives a domain,
// with the did.json to publish there), save an encrypted backup of it and import one. How the key is
// kept depends on the platform and is said plainly. "Verify a badge…" stays open to anyone.
import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, PasswordInput, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcademyKeyInfo, AcademyKeyOutcome } from '../../../../electron/contract/api';
import { DOMAIN_PATTERN } from '../../../../electron/contract/validation';
import { checkAdminPassphrase, readAcademy } from '../../db/repositories/academy';
import { CheckIcon } from '../icons';
import { useServices } from '../services';
import { ACADEMY_KEY_EXTENSION, academyKeyFileName, didDocumentJson, didDocumentUrl, DONE_COLOR } from './badge-files';
import { VerifyBadge } from './VerifyBadge';
import { formattingLocale } from '../../core/locale';

/** The academy key as the platform reports it; `refresh` reads it again after a change. */
export function useAcademyKey(): { key: AcademyKeyInfo | null | undefined; refresh: () => void; failure: string | null } {
  const { platform } = useServices();
  const [key, setKey] = useState<AcademyKeyInfo | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    platform.getAcademyKey().then(
      (info) => {
        if (!current) return;
        setKey(info);
        setFailure(null);
      },
      (error: unknown) => {
        if (!current) return;
        setKey(null);
        setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      current = false;
    };
  }, [platform, generation]);
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  return { key, refresh, failure };
}

export interface AcademyKeySectionProps {
  /** Wraps what needs administrator mode (the screen passes RequireAdmin: features do not import ui/academy). */
  gate: (content: ReactNode, reason: string) => ReactNode;
}

export function AcademyKeySection({ gate }: AcademyKeySectionProps) {
  const { t } = useTranslation('badges');
  return (
    <Stack gap="lg" data-testid="academy-key">
      {gate(<AcademyKeyBody />, t('key.reason'))}
      <VerifyBadge />
    </Stack>
  );
}

function AcademyKeyBody() {
  const { t, i18n } = useTranslation('badges');
  const { db, platform, appInfo } = useServices();
  const academy = useLiveQuery(() => readAcademy(db), [db]);
  const { key, refresh, failure } = useAcademyKey();
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? failure;

  if (academy === undefined || key === undefined) return <Skeleton height={120} />;
  const storage: AcademyKeyInfo['storage'] = key?.storage ?? (appInfo.runtime === 'electron' ? 'user-data-file' : 'browser-storage');

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    refresh();
  };

  const exportKey = async () => {
    setNotice(null);
    setError(null);
    try {
      const bytes = await platform.exportAcademyKey();
      if (bytes === null) return refresh();
      const result = await platform.saveFile({
        title: t('key.exportTitle'),
        suggestedName: academyKeyFileName(academy.name, Date.now()),
        bytes,
        filters: [{ name: t('key.exportFilter'), extensions: [ACADEMY_KEY_EXTENSION] }],
      });
      if (result.saved) setNotice(t('key.exported', { name: result.name }));
    } catch (caught) {
      setError(t('key.errors.failed', { message: caught instanceof Error ? caught.message : String(caught) }));
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" maw={680}>
        {t('key.description')}
      </Text>
      <Text size="sm" c="dimmed" maw={680} data-testid="academy-key-kept">
        {t(`key.kept.${storage}`)}
      </Text>
      {academy.passphrase === null && !key ? (
        <Alert color="blue" data-testid="academy-key-needs-passphrase">
          {t('key.needsPassphrase')}
        </Alert>
      ) : key === null ? (
        <Stack gap="sm">
          <Text size="sm" data-testid="academy-key-none">
            {t('key.none')}
          </Text>
          <Group gap="sm">
            <Button onClick={() => setDialog('create')} data-testid="academy-key-create">
              {t('key.create')}
            </Button>
            <Button variant="default" onClick={() => setDialog('import')} data-testid="academy-key-import">
              {t('key.import')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <KeyLine label={t('key.didKey')} value={key.didKey} hint={t('key.didKeyHint')} testId="academy-key-did-key" />
          <Text size="xs" c="dimmed">
            {t('key.createdOn', { date: new Date(key.created).toLocaleString(formattingLocale(i18n.language), { dateStyle: 'long', timeStyle: 'short' }) })}
          </Text>
          <DomainForm keyInfo={key} onSaved={refresh} />
          <Group gap="sm">
            <Button variant="light" onClick={() => void exportKey()} data-testid="academy-key-export">
              {t('key.export')}
            </Button>
            <Button variant="default" onClick={() => setDialog('import')} data-testid="academy-key-import">
              {t('key.replace')}
            </Button>
          </Group>
        </Stack>
      )}
      <div role="status" aria-live="polite">
        {notice && (
          <Group gap={6} c={DONE_COLOR} wrap="nowrap" data-testid="academy-key-notice">
            <CheckIcon size={18} />
            <Text size="sm" fw={500} c="inherit">
              {notice}
            </Text>
          </Group>
        )}
      </div>
      {error && (
        <Alert color="red" role="alert" data-testid="academy-key-error">
          {error}
        </Alert>
      )}
      <CreateKeyDialog opened={dialog === 'create'} onClose={() => setDialog(null)} onDone={() => done(t('key.created'))} />
      <ImportKeyDialog opened={dialog === 'import'} replacing={key !== null} onClose={() => setDialog(null)} onDone={() => done(t('key.imported'))} />
    </Stack>
  );
}

function KeyLine({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  const { t } = useTranslation('badges');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }} data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} aria-label={`${t('key.copy')}: ${label}`}>
              {copied ? t('key.copied') : t('key.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

function DomainForm({ keyInfo, onSaved }: { keyInfo: AcademyKeyInfo; onSaved: () => void }) {
  const { t } = useTranslation('badges');
  const { platform } = useServices();
  const [domain, setDomain] = useState(keyInfo.domain ?? '');
  const [showIssue, setShowIssue] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const normalized = domain.trim().toLowerCase();
  const invalid = normalized !== '' && !DOMAIN_PATTERN.test(normalized);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShowIssue(true);
    if (invalid) return;
    setSaving(true);
    setFailure(null);
    try {
      const outcome = await platform.setAcademyDomain({ domain: normalized === '' ? null : normalized });
      if (!outcome.ok) setFailure(outcome.message);
      else {
        setDomain(normalized);
        setSaved(true);
        onSaved();
      }
    } catch (error) {
      setFailure(t('key.errors.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  const saveDidJson = async () => {
    if (!keyInfo.didWeb) return;
    setFailure(null);
    try {
      const bytes = new TextEncoder().encode(await didDocumentJson(keyInfo.didWeb, keyInfo));
      await platform.saveFile({ title: t('key.domain.saveDidJson'), suggestedName: 'did.json', bytes, filters: [{ name: 'JSON', extensions: ['json'] }] });
    } catch (error) {
      setFailure(t('key.errors.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <Stack gap="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="xs" align="flex-start">
          <TextInput
            label={t('key.domain.label')}
            description={t('key.domain.description')}
            placeholder={t('key.domain.placeholder')}
            value={domain}
            onChange={(event) => {
              setDomain(event.currentTarget.value);
              setSaved(false);
            }}
            error={showIssue && invalid ? t('key.domain.invalid') : null}
            spellCheck={false}
            autoComplete="off"
            w="100%"
            maw={520}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data-testid="academy-key-domain"
          />
          <Button type="submit" variant="default" loading={saving} data-testid="academy-key-domain-save">
            {t('key.domain.save')}
          </Button>
        </Stack>
      </form>
      <div role="status" aria-live="polite">
        {saved && (
          <Text size="sm" c={DONE_COLOR} fw={500}>
            {t('key.domain.saved')}
          </Text>
        )}
      </div>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {keyInfo.didWeb && keyInfo.domain && (
        <Stack gap="xs">
          <KeyLine label={t('key.domain.didWeb')} value={keyInfo.didWeb} testId="academy-key-did-web" />
          <Group gap="sm" align="center">
            <Button variant="light" size="xs" onClick={() => void saveDidJson()} data-testid="academy-key-save-did-json">
              {t('key.domain.saveDidJson')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('key.domain.didJsonHint', { url: didDocumentUrl(keyInfo.domain) })}
            </Text>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function useAdminCheck() {
  const { db } = useServices();
  return (passphrase: string) => checkAdminPassphrase(db, passphrase);
}

/** A key dialog's last line: what is under way (read out), then Cancel and the form's submit button. */
function DialogActions({
  pending,
  progress,
  submit,
  submitTestId,
  onCancel,
}: {
  pending: boolean;
  progress: string;
  submit: string;
  submitTestId: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation('badges');
  return (
    <>
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {pending ? progress : ''}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t('key.cancel')}
        </Button>
        <Button type="submit" loading={pending} data-testid={submitTestId}>
          {submit}
        </Button>
      </Group>
    </>
  );
}

function CreateKeyDialog({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('badges');
  const { t: tc } = useTranslation('common');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('key.createTitle')}
      closeButtonProps={{ 'aria-label': tc('close') }}
      data-testid="academy-key-create-dialog"
    >
      {opened && <CreateKeyForm onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function CreateKeyForm({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('badges');
  const { platform } = useServices();
  const isAdminPassphrase = useAdminCheck();
  const [passphrase, setPassphrase] = useState('');
  const [issue, setIssue] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (passphrase.length === 0) {
      setIssue(t('key.errors.passphraseRequired'));
      ref.current?.focus();
      return;
    }
    setPending(true);
    try {
      // The key is kept under the administrator passphrase, so that changing it keeps the key openable.
      if (!(await isAdminPassphrase(passphrase))) {
        setIssue(t('key.errors.wrongAdmin'));
        ref.current?.select();
        return;
      }
      const outcome = await platform.createAcademyKey({ passphrase });
      if (outcome.ok) onDone();
      else setIssue(outcome.message);
    } catch (error) {
      setIssue(t('key.errors.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="academy-key-create-form">
      <Stack gap="md">
        <Text size="sm">{t('key.createIntro')}</Text>
        <PasswordInput
          ref={ref}
          data-autofocus
          autoComplete="current-password"
          label={t('key.passphrase')}
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.currentTarget.value);
            setIssue(null);
          }}
          error={issue}
          data-testid="academy-key-create-passphrase"
        />
        <DialogActions
          pending={pending}
          progress={t('key.creating')}
          submit={t('key.createSubmit')}
          submitTestId="academy-key-create-submit"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function ImportKeyDialog({ opened, replacing, onClose, onDone }: { opened: boolean; replacing: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('badges');
  const { t: tc } = useTranslation('common');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('key.importTitle')}
      closeButtonProps={{ 'aria-label': tc('close') }}
      data-testid="academy-key-import-dialog"
    >
      {opened && <ImportKeyForm replacing={replacing} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function ImportKeyForm({ replacing, onClose, onDone }: { replacing: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('badges');
  const { platform } = useServices();
  const isAdminPassphrase = useAdminCheck();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [other, setOther] = useState(false);
  const [filePassphrase, setFilePassphrase] = useState('');
  const [adminPassphrase, setAdminPassphrase] = useState('');
  const [issues, setIssues] = useState<{ file?: string; filePassphrase?: string; admin?: string; other?: string }>({});
  const [pending, setPending] = useState(false);

  const choose = async () => {
    try {
      const opened = await platform.openFile({
        title: t('key.importTitle'),
        filters: [{ name: t('key.exportFilter'), extensions: [ACADEMY_KEY_EXTENSION, 'json'] }],
      });
      if (opened) {
        setFile(opened);
        setIssues({});
      }
    } catch (error) {
      setIssues({ file: error instanceof Error ? error.message : String(error) });
    }
  };

  const explain = (outcome: Extract<AcademyKeyOutcome, { ok: false }>) => {
    if (outcome.problem === 'wrong-passphrase') return other ? { filePassphrase: t('key.errors.wrongFile') } : { admin: t('key.errors.wrongFile') };
    if (outcome.problem === 'not-a-key-file') return { file: t('key.errors.notAKeyFile', { name: file?.name ?? '' }) };
    return { other: outcome.message };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const missing = {
      ...(file === null ? { file: t('key.errors.noFile') } : {}),
      ...(other && filePassphrase.length === 0 ? { filePassphrase: t('key.errors.passphraseRequired') } : {}),
      ...(adminPassphrase.length === 0 ? { admin: t('key.errors.passphraseRequired') } : {}),
    };
    setIssues(missing);
    if (Object.keys(missing).length > 0 || file === null) return;
    setPending(true);
    try {
      if (!(await isAdminPassphrase(adminPassphrase))) {
        setIssues({ admin: t('key.errors.wrongAdmin') });
        return;
      }
      const outcome = await platform.importAcademyKey({
        bytes: file.bytes,
        passphrase: other ? filePassphrase : adminPassphrase,
        newPassphrase: other ? adminPassphrase : null,
        replace: replacing,
      });
      if (outcome.ok) onDone();
      else setIssues(explain(outcome));
    } catch (error) {
      setIssues({ other: t('key.errors.failed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="academy-key-import-form">
      <Stack gap="md">
        <Text size="sm">{t('key.importIntro')}</Text>
        {replacing && (
          <Alert color="orange" variant="light">
            {t('key.replaceWarning')}
          </Alert>
        )}
        <Group gap="sm">
          <Button variant="default" onClick={() => void choose()} data-autofocus data-testid="academy-key-import-choose">
            {t('key.chooseFile')}
          </Button>
          {file && <Text size="sm">{t('key.chosen', { name: file.name })}</Text>}
        </Group>
        {issues.file && (
          <Text size="sm" c="red.8" role="alert">
            {issues.file}
          </Text>
        )}
        <Checkbox label={t('key.otherPassphrase')} checked={other} onChange={(event) => setOther(event.currentTarget.checked)} />
        {other && (
          <PasswordInput
            autoComplete="off"
            label={t('key.filePassphrase')}
            value={filePassphrase}
            onChange={(event) => setFilePassphrase(event.currentTarget.value)}
            error={issues.filePassphrase}
            data-testid="academy-key-import-file-passphrase"
          />
        )}
        <PasswordInput
          autoComplete="current-password"
          label={t('key.adminPassphrase')}
          description={t('key.adminPassphraseHint')}
          value={adminPassphrase}
          onChange={(event) => setAdminPassphrase(event.currentTarget.value)}
          error={issues.admin}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-testid="academy-key-import-passphrase"
        />
        {issues.other && (
          <Alert color="red" role="alert">
            {issues.other}
          </Alert>
        )}
        <DialogActions
          pending={pending}
          progress={t('key.importing')}
          submit={t('key.importSubmit')}
          submitTestId="academy-key-import-submit"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

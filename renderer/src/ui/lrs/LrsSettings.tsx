// Runtime: renderer. Settings → Academy → Learning record store, for the administrator: in the desktop
// app, the LRS's endpoint, key and secret (the secret never shown again, and kept by the main process),
// "Test connection" with what it found, save and forget, and where the secret is kept; in the web build,
// why sync needs the desktop app, and the statements file instead. Both: whether drafts' text is sent.
import { Alert, Button, Group, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LrsConnection, LrsConnectionInput } from '../../../../electron/contract/api';
import { readAcademy, saveIncludeDraftText } from '../../db/repositories/academy';
import { CheckIcon } from '../icons';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { endpointIssue, isUnencryptedRemote, serverOf, tidyEndpoint, type EndpointIssue } from './endpoint';
import { SaveStatementsFile } from './SaveStatementsFile';
import { useLrsSync } from './sync-context';
import { TestVerdictView } from './TestVerdictView';
import { testVerdict, type TestVerdict } from './test-result';

const ENDPOINT_ERROR_KEYS = {
  empty: 'settings.errors.empty',
  invalid: 'settings.errors.invalid',
  'not-http': 'settings.errors.notHttp',
  credentials: 'settings.errors.credentials',
  query: 'settings.errors.query',
} as const satisfies Record<EndpointIssue, string>;

/** Electron puts its own words before a main-process error's message; the message is what says what to do. */
export function mainProcessMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error invoking remote method '[^']+': (?:[A-Za-z]*Error: )?/, '');
}

function hasControlCharacter(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function LrsSettings() {
  const { t } = useTranslation('lrs');
  const titleId = useId();
  const { canSync } = useLrsSync();
  return (
    <section aria-labelledby={titleId} data-testid="lrs-settings">
      <Title order={3} size="h5" id={titleId} mb={4}>
        {t('settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={680}>
        {t('settings.description')}
      </Text>
      <Stack gap="lg">
        {canSync ? <ConnectionSettings /> : <WebExplanation />}
        <DraftTextOptIn />
      </Stack>
    </section>
  );
}

function WebExplanation() {
  const { t } = useTranslation('lrs');
  return (
    <Stack gap="sm" data-testid="lrs-web">
      <Alert color="navy" variant="light" title={t('settings.web.title')} data-testid="lrs-web-explanation">
        <Text size="sm">{t('settings.web.body')}</Text>
      </Alert>
      <SaveStatementsFile testId="lrs-settings-save-file" />
    </Stack>
  );
}

function ConnectionSettings() {
  const { connection } = useLrsSync();
  if (connection === undefined) return null;
  // The form starts again from what is stored whenever that changes (saved or forgotten).
  return <ConnectionForm key={connection ? `${connection.endpoint} ${connection.key} ${connection.storage}` : 'none'} stored={connection} />;
}

interface FieldErrors {
  endpoint: string | null;
  key: string | null;
  secret: string | null;
}

type Done = 'saved' | 'forgotten' | null;

function ConnectionForm({ stored }: { stored: LrsConnection | null }) {
  const { t } = useTranslation('lrs');
  const { platform } = useServices();
  const { refreshConnection } = useLrsSync();
  const [endpoint, setEndpoint] = useState(stored?.endpoint ?? '');
  const [key, setKey] = useState(stored?.key ?? '');
  // Never filled in: the secret does not come back from the main process.
  const [secret, setSecret] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState<'save' | 'test' | 'forget' | null>(null);
  const [verdict, setVerdict] = useState<TestVerdict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<Done>(null);
  const [confirmForget, setConfirmForget] = useState(false);
  const forgetRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  // Focus moves to the safe choice as the question appears.
  useEffect(() => {
    if (confirmForget) keepRef.current?.focus();
  }, [confirmForget]);

  const tidy = tidyEndpoint(endpoint);
  const issue = endpointIssue(tidy);
  const keyText = key.trim();
  const errors: FieldErrors = {
    endpoint: issue ? t(ENDPOINT_ERROR_KEYS[issue]) : null,
    key:
      keyText === ''
        ? t('settings.errors.keyEmpty')
        : keyText.includes(':')
          ? t('settings.errors.keyColon')
          : hasControlCharacter(keyText)
            ? t('settings.errors.control')
            : null,
    secret:
      secret !== ''
        ? hasControlCharacter(secret)
          ? t('settings.errors.control')
          : null
        : !stored
          ? t('settings.errors.secretEmpty')
          : !issue && serverOf(stored.endpoint) !== serverOf(tidy)
            ? t('settings.errors.secretOtherServer', { server: serverOf(stored.endpoint) })
            : null,
  };
  const shown: FieldErrors = showErrors ? errors : { endpoint: null, key: null, secret: null };
  const valid = !errors.endpoint && !errors.key && !errors.secret;

  const edited = () => {
    setDone(null);
    setFailure(null);
  };

  const input = (): LrsConnectionInput => ({ endpoint: tidy, key: keyText, secret: secret === '' ? null : secret });

  const run = async (what: 'save' | 'test'): Promise<void> => {
    setShowErrors(true);
    setDone(null);
    setFailure(null);
    if (!valid) return;
    setEndpoint(tidy);
    setBusy(what);
    try {
      if (what === 'test') {
        setVerdict(null);
        setVerdict(testVerdict(await platform.testLrsConnection(input()), tidy));
      } else {
        await platform.setLrsConnection(input());
        setDone('saved');
        await refreshConnection();
      }
    } catch (error) {
      setFailure(mainProcessMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const forget = async (): Promise<void> => {
    setConfirmForget(false);
    setBusy('forget');
    setFailure(null);
    try {
      await platform.setLrsConnection(null);
      setDone('forgotten');
      await refreshConnection();
    } catch (error) {
      setFailure(mainProcessMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('save');
  };

  return (
    <Stack gap="md" data-testid="lrs-connection">
      <Text size="sm" data-testid="lrs-current">
        {stored ? t('settings.current', { endpoint: stored.endpoint, key: stored.key }) : t('settings.none')}
      </Text>
      {stored && (
        <Text size="sm" c="dimmed" maw={680} data-testid="lrs-storage" data-storage={stored.storage}>
          {t(`settings.storage.${stored.storage}`)}
        </Text>
      )}
      <form onSubmit={submit} noValidate data-testid="lrs-form">
        <Stack gap="sm" maw={520}>
          <TextInput
            data-testid="lrs-endpoint"
            type="url"
            label={t('settings.endpoint.label')}
            placeholder={t('settings.endpoint.placeholder')}
            description={t('settings.endpoint.description')}
            spellCheck={false}
            autoComplete="url"
            value={endpoint}
            onChange={(event) => {
              setEndpoint(event.currentTarget.value);
              edited();
            }}
            error={shown.endpoint}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          {!issue && isUnencryptedRemote(tidy) && (
            <Text size="sm" c="var(--attache-color-critical)" data-testid="lrs-insecure">
              {t('settings.insecure')}
            </Text>
          )}
          <TextInput
            data-testid="lrs-key"
            label={t('settings.key.label')}
            description={t('settings.key.description')}
            spellCheck={false}
            autoComplete="username"
            value={key}
            onChange={(event) => {
              setKey(event.currentTarget.value);
              edited();
            }}
            error={shown.key}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <PasswordInput
            data-testid="lrs-secret"
            label={t('settings.secret.label')}
            description={stored ? `${t('settings.secret.description')} ${t('settings.secret.keep')}` : t('settings.secret.description')}
            autoComplete="new-password"
            value={secret}
            onChange={(event) => {
              setSecret(event.currentTarget.value);
              edited();
            }}
            visibilityToggleButtonProps={{ 'aria-label': t('settings.secret.toggleVisibility') }}
            error={shown.secret}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Group gap="sm" mt="xs">
            <Button type="submit" loading={busy === 'save'} disabled={busy !== null && busy !== 'save'} data-testid="lrs-save">
              {t('settings.save')}
            </Button>
            <Button
              variant="default"
              loading={busy === 'test'}
              disabled={busy !== null && busy !== 'test'}
              onClick={() => void run('test')}
              data-testid="lrs-test"
            >
              {t('settings.test')}
            </Button>
            {stored && (
              <Button
                ref={forgetRef}
                variant="outline"
                color="red"
                disabled={busy !== null || confirmForget}
                onClick={() => setConfirmForget(true)}
                data-testid="lrs-forget"
              >
                {t('settings.forget')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {confirmForget && (
        <Paper withBorder p="sm" radius="md" role="alert" data-testid="lrs-forget-confirm" maw={680}>
          <Stack gap="sm">
            <Text size="sm">{t('settings.forgetConfirm')}</Text>
            <Group gap="sm">
              <Button color="red.9" onClick={() => void forget()} data-testid="lrs-forget-yes">
                {t('settings.forgetYes')}
              </Button>
              <Button
                ref={keepRef}
                variant="default"
                onClick={() => {
                  setConfirmForget(false);
                  requestAnimationFrame(() => forgetRef.current?.focus());
                }}
                data-testid="lrs-forget-no"
              >
                {t('settings.forgetNo')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <div role="status" aria-live="polite" data-testid="lrs-result">
        {busy === 'test' && (
          <Text size="sm" c="dimmed">
            {t('settings.testing')}
          </Text>
        )}
        {verdict && busy !== 'test' && <TestVerdictView verdict={verdict} />}
        {failure && (
          <Text size="sm" c="var(--attache-color-critical)" data-testid="lrs-failure">
            {t('settings.failed', { message: failure })}
          </Text>
        )}
        {done && (
          <Group gap={6} c="teal.8" wrap="nowrap" data-testid="lrs-done" data-done={done}>
            <CheckIcon size={18} />
            <Text size="sm" fw={500} c="inherit">
              {t(done === 'saved' ? 'settings.saved' : 'settings.forgotten')}
            </Text>
          </Group>
        )}
      </div>
    </Stack>
  );
}

function DraftTextOptIn() {
  const { t } = useTranslation('lrs');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const academy = useLiveQuery(() => readAcademy(db), [db]);
  if (!academy) return null;
  return (
    <Switch
      data-testid="lrs-draft-text"
      label={t('settings.draftText.label')}
      description={t('settings.draftText.description')}
      checked={academy.includeDraftText}
      onChange={(event) => void saveIncludeDraftText(db, event.currentTarget.checked).catch(report)}
      maw={680}
    />
  );
}

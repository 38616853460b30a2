// Runtime: renderer. Administrator mode: the academy's passphrase opens the cohort's records, exports,
// imports and deleting or switching into other trainees' profiles. Unlocked in memory only (a reload
// starts locked), and locked again after 15 minutes without keyboard or pointer input.
import { Alert, Anchor, Badge, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { verifySecret, type SecretHash } from '../../core/records/secret';
import { readAcademy } from '../../db/repositories/academy';
import { AdminContext, retryDelayAfter, useAdmin, waitBeforeTry, type AdminState, type SecretTries } from '../admin-state';
import { LockIcon } from '../icons';
import { hrefFor } from '../router';
import { useServices } from '../services';

export { retryDelayAfter, useAdmin, type AdminState } from '../admin-state';

/** Administrator mode ends after this long without a key press, click, touch, wheel or pointer move. */
export const IDLE_LOCK_MS = 15 * 60 * 1000;

const PASSPHRASE_TRIES = 'passphrase';

/** What counts as someone at the keyboard. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function AdminProvider({ children }: { children: ReactNode }) {
  const { db } = useServices();
  const academy = useLiveQuery(() => readAcademy(db), [db]);
  const passphrase = academy?.passphrase ?? null;
  // The hashes this window has proved it knows. Unlocked only under the stored one: a passphrase set
  // anew in another window locks this one.
  const [proven, setProven] = useState<readonly string[]>([]);
  const [checks, setChecks] = useState(0);
  // Wrong tries per secret ('passphrase', 'pin:<uid>'); the state copy re-renders what shows the delay.
  const failuresRef = useRef(new Map<string, number>());
  const [failures, setFailures] = useState<ReadonlyMap<string, number>>(new Map());
  const passphraseRef = useRef<SecretHash | null>(passphrase);
  useEffect(() => {
    passphraseRef.current = passphrase;
  }, [passphrase]);

  const configured = passphrase !== null;
  const unlocked = passphrase !== null && proven.includes(passphrase.hash);

  const tries = useMemo<SecretTries>(() => {
    const count = (key: string, value: number) => {
      if (value === 0) failuresRef.current.delete(key);
      else failuresRef.current.set(key, value);
      setFailures(new Map(failuresRef.current));
    };
    return {
      delayMs: (key) => retryDelayAfter(failuresRef.current.get(key) ?? 0),
      wrong: (key) => count(key, (failuresRef.current.get(key) ?? 0) + 1),
      right: (key) => count(key, 0),
    };
  }, []);

  const unlock = useCallback(
    async (text: string): Promise<boolean> => {
      const stored = passphraseRef.current;
      if (stored === null) return true;
      setChecks((count) => count + 1);
      try {
        await waitBeforeTry(tries.delayMs(PASSPHRASE_TRIES));
        const right = await verifySecret(text, stored);
        if (right) {
          tries.right(PASSPHRASE_TRIES);
          setProven((hashes) => [...hashes, stored.hash]);
        } else {
          tries.wrong(PASSPHRASE_TRIES);
        }
        return right;
      } finally {
        setChecks((count) => count - 1);
      }
    },
    [tries],
  );

  const lock = useCallback(() => setProven([]), []);
  const grant = useCallback((hash: SecretHash) => setProven((hashes) => [...hashes, hash.hash]), []);

  useEffect(() => {
    if (!unlocked) return;
    let lastInput = Date.now();
    const noteInput = () => {
      lastInput = Date.now();
    };
    // One timer, pushed back by reading the last input when it fires, rather than re-armed on every event.
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const idle = Date.now() - lastInput;
      if (idle >= IDLE_LOCK_MS) lock();
      else timer = setTimeout(check, IDLE_LOCK_MS - idle);
    };
    timer = setTimeout(check, IDLE_LOCK_MS);
    for (const type of INPUT_EVENTS) window.addEventListener(type, noteInput, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, noteInput, { capture: true });
    };
  }, [unlocked, lock]);

  const value = useMemo<AdminState>(
    () => ({
      ready: academy !== undefined,
      configured,
      unlocked,
      checking: checks > 0,
      retryDelayMs: retryDelayAfter(failures.get(PASSPHRASE_TRIES) ?? 0),
      tries,
      unlock,
      lock,
      grant,
    }),
    [academy, configured, unlocked, checks, failures, tries, unlock, lock, grant],
  );
  return <AdminContext value={value}>{children}</AdminContext>;
}

/**
 * The passphrase field and its button. Enter submits; what was typed stays after a wrong try (selected,
 * so typing again replaces it). `onUnlocked` runs after a right one. Not focused on arrival: the
 * screen's title takes focus when a screen opens (see Shell), and a dialog focuses it itself.
 */
export function UnlockForm({ onUnlocked, testId = 'admin-unlock' }: { onUnlocked?: () => void; testId?: string }) {
  const { t } = useTranslation('academy');
  const admin = useAdmin();
  const [passphrase, setPassphrase] = useState('');
  const [wrong, setWrong] = useState(false);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const statusId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    if (passphrase.trim().length === 0) {
      setWrong(false);
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    setWrong(false);
    try {
      const right = await admin.unlock(passphrase);
      if (right) {
        setPassphrase('');
        onUnlocked?.();
      } else {
        setWrong(true);
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid={`${testId}-form`}>
      <Stack gap="sm">
        <PasswordInput
          ref={inputRef}
          data-testid={`${testId}-passphrase`}
          label={t('unlock.label')}
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.currentTarget.value);
            setWrong(false);
          }}
          error={wrong ? t('unlock.wrong') : null}
          // Mantine's PasswordInput marks an error only with data-invalid; assistive technology reads aria-invalid.
          aria-invalid={wrong}
          aria-describedby={statusId}
          visibilityToggleButtonProps={{ 'aria-label': t('unlock.toggleVisibility') }}
        />
        <Group gap="sm" wrap="wrap">
          <Button type="submit" loading={pending} leftSection={<LockIcon size={16} />} data-testid={`${testId}-submit`}>
            {t('unlock.submit')}
          </Button>
          <Text size="sm" c="dimmed" id={statusId} role="status" aria-live="polite" data-testid={`${testId}-status`}>
            {pending ? t('unlock.checking') : admin.retryDelayMs > 0 ? t('unlock.slowed', { count: Math.ceil(admin.retryDelayMs / 1000) }) : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * In place of a gated screen or action: why the passphrase is asked, and the form to give it. `panel`
 * stands for a whole screen (a section with its own heading); `inline` sits inside a card that already
 * has one.
 */
export function UnlockPanel({ reason, variant = 'panel' }: { reason: string; variant?: 'panel' | 'inline' }) {
  const { t } = useTranslation('academy');
  const titleId = useId();
  const body = (
    <Stack gap="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <LockIcon size={22} />
        <div>
          {variant === 'panel' ? (
            <Title order={2} size="h4" id={titleId}>
              {t('unlock.title')}
            </Title>
          ) : (
            <Text fw={600} id={titleId}>
              {t('unlock.title')}
            </Text>
          )}
          <Text size="sm" mt={4} data-testid="admin-unlock-reason">
            {reason}
          </Text>
        </div>
      </Group>
      <UnlockForm />
      <Text size="xs" c="dimmed">
        {t('unlock.forgotten')}
      </Text>
    </Stack>
  );
  return variant === 'panel' ? (
    <Card component="section" aria-labelledby={titleId} data-testid="admin-unlock-panel" withBorder maw={560}>
      {body}
    </Card>
  ) : (
    <div role="group" aria-labelledby={titleId} data-testid="admin-unlock-panel">
      {body}
    </div>
  );
}

/** Said where something would be gated but no passphrase is set: it is open to anyone at the keyboard. */
export function AdminNotConfiguredNotice() {
  const { t } = useTranslation('academy');
  return (
    // Gray: the warm colours' light alerts give their title and links too little contrast in one theme or the other.
    <Alert color="gray" variant="light" icon={<LockIcon size={18} />} data-testid="admin-not-configured" title={t('notConfigured.title')} mb="md">
      <Text size="sm">
        {t('notConfigured.body')} {/* Underlined: inside running text a link must not be told apart by its colour alone. */}
        <Anchor href={hrefFor('settings')} size="sm" underline="always">
          {t('notConfigured.link')}
        </Anchor>
      </Text>
    </Alert>
  );
}

/**
 * Renders `children` when no passphrase is set (with a notice saying that anyone may open it, unless
 * `quiet`) or while administrator mode is on; otherwise the unlock panel, with `reason` saying why.
 * Renders nothing until the academy's settings have been read, so gated content never flashes.
 */
export function RequireAdmin({
  reason,
  quiet = false,
  variant = 'panel',
  children,
}: {
  reason: string;
  quiet?: boolean;
  variant?: 'panel' | 'inline';
  children: ReactNode;
}) {
  const admin = useAdmin();
  if (!admin.ready) return null;
  if (admin.configured && !admin.unlocked) return <UnlockPanel reason={reason} variant={variant} />;
  // One shape whether open or unlocked, so that removing the passphrase does not remount (and reset) the content.
  return (
    <>
      {!admin.configured && !quiet && <AdminNotConfiguredNotice />}
      {children}
    </>
  );
}

/** In the app's header while administrator mode is on: says so, and locks at once. */
export function AdminIndicator() {
  const { t } = useTranslation('academy');
  const admin = useAdmin();
  if (!admin.unlocked) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="admin-indicator" role="status">
      {/* The orange is a dot beside text in the header's own colour: orange text would not read (4.5:1). */}
      <Badge variant="dot" color="orange" size="lg" tt="none" visibleFrom="sm">
        {t('indicator.unlocked')}
      </Badge>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<LockIcon size={14} />}
        onClick={admin.lock}
        aria-label={t('indicator.lockLabel')}
        data-testid="admin-lock"
      >
        {t('indicator.lock')}
      </Button>
    </Group>
  );
}

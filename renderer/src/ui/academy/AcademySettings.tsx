// Runtime: renderer. Settings → Academy: the academy's name, IRI and the field its LMS matches trainees
// by, the administrator passphrase, and plainly what that passphrase protects and what it does not.
// Once a passphrase is set, changing any of it needs administrator mode.
import { Button, Divider, Group, List, Radio, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACADEMY_IRI_MAX_LENGTH,
  ACADEMY_NAME_MAX_LENGTH,
  IDENTITY_FIELDS,
  validateAcademy,
  type AcademyInput,
  type AcademyIssues,
  type IdentityField,
} from '../../core/academy';
import { AcademyValidationError, readAcademy, saveAcademy, type AcademySettings as StoredAcademy } from '../../db/repositories/academy';
import { CheckIcon } from '../icons';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { AdminPassphrase } from './AdminPassphrase';
import { RequireAdmin } from './admin-context';

/**
 * The card's body; the settings screen gives it its frame and heading, and may add sections of other
 * features (`children`) that, like the rest, need administrator mode.
 */
export function AcademySettings({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('academy');
  const { db } = useServices();
  const academy = useLiveQuery(() => readAcademy(db), [db]);
  if (academy === undefined) return <Skeleton height={200} />;
  return (
    <Stack gap="lg">
      <RequireAdmin reason={t('reasons.academySettings')} quiet variant="inline">
        <AcademyForm academy={academy} />
        <Divider />
        <AdminPassphrase configured={academy.passphrase !== null} />
        {children && (
          <>
            <Divider />
            {children}
          </>
        )}
      </RequireAdmin>
      <Divider />
      <WhatThisProtects />
    </Stack>
  );
}

function useAcademyErrors(issues: AcademyIssues): { nameError: string | null; iriError: string | null } {
  const { t } = useTranslation('academy');
  const nameError =
    issues.name === 'too-long'
      ? t('settings.errors.nameTooLong', { max: ACADEMY_NAME_MAX_LENGTH })
      : issues.name === 'control-characters'
        ? t('settings.errors.nameControlCharacters')
        : null;
  const iriError =
    issues.iri === 'invalid'
      ? t('settings.errors.iriInvalid')
      : issues.iri === 'not-http'
        ? t('settings.errors.iriNotHttp')
        : issues.iri === 'too-long'
          ? t('settings.errors.iriTooLong', { max: ACADEMY_IRI_MAX_LENGTH })
          : null;
  return { nameError, iriError };
}

/**
 * `academy` seeds the fields once; after that the form owns them, so a save (or another window's) does
 * not reset what is being typed. Problems show from the first submit on, then follow what is typed.
 */
function AcademyForm({ academy }: { academy: StoredAcademy }) {
  const { t } = useTranslation('academy');
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [values, setValues] = useState<AcademyInput>({ name: academy.name ?? '', iri: academy.iri ?? '', identityField: academy.identityField });
  const [showIssues, setShowIssues] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const iriRef = useRef<HTMLInputElement>(null);
  const validation = validateAcademy(values);
  const { nameError, iriError } = useAcademyErrors(showIssues && !validation.ok ? validation.issues : {});

  const edit = (change: Partial<AcademyInput>) => {
    setValues((previous) => ({ ...previous, ...change }));
    setSaved(false);
  };
  const focusFirst = (issues: AcademyIssues) => (issues.name ? nameRef : iriRef).current?.focus();

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setShowIssues(true);
    if (!validation.ok) {
      focusFirst(validation.issues);
      return;
    }
    setSaving(true);
    try {
      const stored = await saveAcademy(db, values);
      setValues({ name: stored.name ?? '', iri: stored.iri ?? '', identityField: stored.identityField });
      setShowIssues(false);
      setSaved(true);
    } catch (error) {
      if (error instanceof AcademyValidationError) focusFirst(error.issues);
      else report(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="academy-form">
      <Stack gap="md" maw={520}>
        <TextInput
          ref={nameRef}
          data-testid="academy-name"
          label={t('settings.name.label')}
          placeholder={t('settings.name.placeholder')}
          description={t('settings.name.description')}
          autoComplete="organization"
          value={values.name}
          onChange={(event) => edit({ name: event.currentTarget.value })}
          error={nameError}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <TextInput
          ref={iriRef}
          data-testid="academy-iri"
          type="url"
          label={t('settings.iri.label')}
          placeholder={t('settings.iri.placeholder')}
          description={t('settings.iri.description')}
          autoComplete="url"
          spellCheck={false}
          value={values.iri}
          onChange={(event) => edit({ iri: event.currentTarget.value })}
          error={iriError}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <Radio.Group
          label={t('settings.identityField.label')}
          description={t('settings.identityField.description')}
          value={values.identityField}
          onChange={(value) => edit({ identityField: value as IdentityField })}
          data-testid="academy-identity-field"
        >
          <Group gap="lg" mt="xs">
            {IDENTITY_FIELDS.map((field) => (
              <Radio key={field} value={field} label={t(`settings.identityField.options.${field}`)} data-testid={`academy-identity-${field}`} />
            ))}
          </Group>
        </Radio.Group>
        <Group gap="md" mt="xs">
          <Button type="submit" loading={saving} data-testid="academy-save">
            {t('settings.save')}
          </Button>
          <div role="status" aria-live="polite">
            {saved && (
              <Group gap={6} c="teal" data-testid="academy-saved">
                <CheckIcon size={18} />
                <Text size="sm" fw={500} c="inherit">
                  {t('settings.saved')}
                </Text>
              </Group>
            )}
          </div>
        </Group>
      </Stack>
    </form>
  );
}

/** Said beside the passphrase setting, whether or not one is set: what it stops, and what it cannot. */
export function WhatThisProtects() {
  const { t } = useTranslation('academy');
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} data-testid="academy-protects">
      <Title order={3} size="h5" id={titleId} mb="xs">
        {t('protects.title')}
      </Title>
      <Text size="sm" fw={500}>
        {t('protects.againstTitle')}
      </Text>
      <List size="sm" spacing={4} mb="sm" mt={4}>
        <List.Item>{t('protects.against.play')}</List.Item>
        <List.Item>{t('protects.against.delete')}</List.Item>
        <List.Item>{t('protects.against.records')}</List.Item>
        <List.Item>{t('protects.against.exports')}</List.Item>
      </List>
      <Text size="sm" fw={500}>
        {t('protects.notTitle')}
      </Text>
      <List size="sm" spacing={4} mt={4}>
        <List.Item>{t('protects.not.copy')}</List.Item>
        <List.Item>{t('protects.not.encrypt')}</List.Item>
        <List.Item>{t('protects.not.recover')}</List.Item>
        <List.Item>{t('protects.not.web')}</List.Item>
      </List>
    </section>
  );
}

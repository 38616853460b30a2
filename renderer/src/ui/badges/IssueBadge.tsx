// Runtime: renderer (browser). "Issue a badge…" for a trainee who completed a course: the unsigned
// OpenBadgeCredential is built here (core/records/badge.ts), signed by the platform with the academy's
// key under the administrator passphrase (the desktop's main process; the web build's page), and then
// saved as JSON, as a baked PNG and as a PDF certificate that carries the JSON. The passphrase is
// cleared as soon as the signature is made, whatever its outcome.
import { Alert, Anchor, Button, Group, Modal, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { SaveFileRequest } from '../../../../electron/contract/api';
import { isLanguage, formattingLocale } from '../../core/locale';
import { badgeSummary, buildOpenBadgeCredential, type BadgeSummary } from '../../core/records/badge';
import type { CohortTrainee } from '../../core/records/cohort';
import { readAcademy } from '../../db/repositories/academy';
import { useLibrary } from '../library-context';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useAcademyKey } from './AcademyKeySection';
import { attachCredentialToPdf, ATTACHED_CREDENTIAL_NAME, badgeFileName, bakedBadgePng, DONE_COLOR } from './badge-files';
import { BadgeSummaryView } from './BadgeSummaryView';
import { CERTIFICATE_PRINT_CLASS, CERTIFICATE_PRINT_CSS, certificateDocument, certificateMarkup, type CertificateLabels } from './certificate';

export interface IssueBadgeProps {
  trainee: Pick<CohortTrainee, 'uid' | 'name' | 'academyId' | 'email'>;
  packId: string;
  courseId: string;
  courseTitle: string;
  /** When the course's rule first held. */
  completedAt: number;
}

export function IssueBadge(props: IssueBadgeProps) {
  const { t } = useTranslation('badges');
  const { t: tc } = useTranslation('common');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" size="xs" onClick={() => setOpened(true)} data-testid="issue-badge">
        {t('issue.action')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        size="lg"
        title={t('issue.title', { course: props.courseTitle })}
        closeButtonProps={{ 'aria-label': tc('close') }}
        data-testid="issue-badge-dialog"
      >
        {opened && <IssueBadgeBody {...props} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function useCertificateLabels(hintFile: string | null): CertificateLabels {
  const { t } = useTranslation('badges');
  return {
    title: t('certificate.title'),
    awardedTo: t('certificate.awardedTo'),
    forCourse: t('certificate.forCourse'),
    on: (date) => t('certificate.on', { date }),
    issuedBy: t('certificate.issuedBy'),
    criteria: t('certificate.criteria'),
    credential: t('certificate.credential'),
    credentialId: t('certificate.credentialId'),
    issuerDid: t('certificate.issuerDid'),
    recipientHash: t('certificate.recipientHash'),
    validFrom: t('certificate.validFrom'),
    verifyHint: hintFile === null ? t('certificate.verifyHintPrinted') : t('certificate.verifyHint', { file: hintFile }),
  };
}

type Signed = { json: string; summary: BadgeSummary };

function IssueBadgeBody({ trainee, packId, courseId, courseTitle, completedAt, onClose }: IssueBadgeProps & { onClose: () => void }) {
  const { t, i18n } = useTranslation('badges');
  const { db, platform, appInfo } = useServices();
  const library = useLibrary();
  const academy = useLiveQuery(() => readAcademy(db), [db]);
  const { key } = useAcademyKey();
  const [issuer, setIssuer] = useState<'web' | 'key'>('web');
  const [passphrase, setPassphrase] = useState('');
  const [issue, setIssue] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [signed, setSigned] = useState<Signed | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Each request to print is a new number: the effect prints once the print view is in the page.
  const [printRequest, setPrintRequest] = useState(0);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const desktop = appInfo.runtime === 'electron';
  const pdfLabels = useCertificateLabels(ATTACHED_CREDENTIAL_NAME);
  const printLabels = useCertificateLabels(null);

  const pack = library?.packs.find((candidate) => candidate.manifest.id === packId);
  const course = pack?.courses.find((candidate) => candidate.id === courseId);
  const field = academy?.identityField ?? 'academyId';
  const identity = field === 'email' ? trainee.email : trainee.academyId;
  const did = key ? (issuer === 'web' && key.didWeb ? key.didWeb : key.didKey) : null;
  const dateText = new Date(completedAt).toLocaleDateString(formattingLocale(i18n.language), { dateStyle: 'long' });
  const certificate = useMemo(
    () => (signed ? { traineeName: trainee.name, summary: signed.summary, language: i18n.language } : null),
    [signed, trainee.name, i18n.language],
  );

  useEffect(() => {
    if (printRequest > 0) window.print();
  }, [printRequest]);

  if (academy === undefined || key === undefined) return <Text c="dimmed">…</Text>;
  const blockers = [
    ...(!academy.name || !academy.iri ? [t('issue.needsAcademy')] : []),
    ...(key === null ? [t('issue.needsKey')] : []),
    ...(!identity ? [t('issue.needsIdentity', { name: trainee.name, field: t(`issue.field.${field}`) })] : []),
  ];

  const sign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || !course || !pack || !did || !academy.name || !academy.iri || !identity) return;
    if (passphrase.length === 0) {
      setIssue(t('key.errors.passphraseRequired'));
      passphraseRef.current?.focus();
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const now = Date.now();
      const unsigned = buildOpenBadgeCredential({
        credentialId: `urn:uuid:${crypto.randomUUID()}`,
        academy: { did, name: academy.name, iri: academy.iri },
        pack: { id: packId },
        course,
        scenarioTitles: new Map(pack.scenarios.map((scenario) => [scenario.id, scenario.title])),
        recipient: { identityField: field, identity, salt: randomHex(16) },
        completedAt,
        issuedAt: now,
        language: isLanguage(i18n.language) ? i18n.language : 'en',
      });
      const outcome = await platform.signBadge({ credential: JSON.stringify(unsigned), passphrase, did });
      if (outcome.ok) {
        setSigned({ json: outcome.credential, summary: badgeSummary(JSON.parse(outcome.credential) as Record<string, unknown>) });
        setPassphrase('');
      } else if (outcome.problem === 'wrong-passphrase') {
        setIssue(t('issue.errors.wrongPassphrase'));
        passphraseRef.current?.select();
      } else {
        setFailure(t('issue.errors.failed', { message: outcome.message }));
      }
    } catch (error) {
      setFailure(t('issue.errors.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setPending(false);
    }
  };

  const save = async (make: () => Promise<Omit<SaveFileRequest, 'title'>>) => {
    setSaved(null);
    setFailure(null);
    try {
      const request = await make();
      const result = await platform.saveFile({ ...request, title: t('issue.title', { course: courseTitle }) });
      if (result.saved) setSaved(t('issue.saved', { name: result.name }));
    } catch (error) {
      setFailure(t('issue.errors.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const saveJson = (json: string) =>
    save(async () => ({
      suggestedName: badgeFileName(trainee.name, courseTitle, 'json'),
      bytes: new TextEncoder().encode(json),
      filters: [{ name: t('issue.jsonFilter'), extensions: ['json'] }],
    }));
  const savePng = (json: string) =>
    save(async () => ({
      suggestedName: badgeFileName(trainee.name, courseTitle, 'png'),
      bytes: await bakedBadgePng(json),
      filters: [{ name: t('issue.pngFilter'), extensions: ['png'] }],
    }));
  const savePdf = async (json: string) => {
    if (!certificate) return;
    const printed = await platform.printToPdf({ html: certificateDocument(certificate, pdfLabels), pageSize: 'A4' }).catch((error: unknown) => {
      setFailure(t('issue.errors.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
      return undefined;
    });
    if (printed === undefined) return;
    // A browser tab cannot make a PDF itself: its own print dialog does ("Save as PDF").
    if (printed === null) return setPrintRequest((count) => count + 1);
    await save(async () => ({
      suggestedName: badgeFileName(trainee.name, courseTitle, 'pdf'),
      bytes: await attachCredentialToPdf(printed, json, new Date()),
      filters: [{ name: t('issue.pdfFilter'), extensions: ['pdf'] }],
    }));
  };

  if (signed)
    return (
      <Stack gap="md" data-testid="issue-badge-signed">
        <Text size="sm" fw={500} role="status">
          {t('issue.signed', { name: trainee.name })}
        </Text>
        <BadgeSummaryView summary={signed.summary} testId="issue-badge-summary" />
        <Group gap="sm" wrap="wrap">
          <Button onClick={() => void saveJson(signed.json)} data-testid="issue-badge-save-json">
            {t('issue.saveJson')}
          </Button>
          <Button variant="light" onClick={() => void savePng(signed.json)} data-testid="issue-badge-save-png">
            {t('issue.savePng')}
          </Button>
          <Button variant="light" onClick={() => void savePdf(signed.json)} data-testid="issue-badge-save-pdf">
            {desktop ? t('issue.savePdf') : t('issue.printPdf')}
          </Button>
        </Group>
        {!desktop && (
          <Text size="xs" c="dimmed">
            {t('issue.webPrintNote')}
          </Text>
        )}
        <div role="status" aria-live="polite">
          {saved && (
            <Text size="sm" c={DONE_COLOR} fw={500} data-testid="issue-badge-saved">
              {saved}
            </Text>
          )}
        </div>
        {failure && (
          <Alert color="red" role="alert" data-testid="issue-badge-failed">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('issue.close')}
          </Button>
        </Group>
        {certificate &&
          createPortal(
            <div className={CERTIFICATE_PRINT_CLASS} data-testid="certificate-print">
              <style>{CERTIFICATE_PRINT_CSS}</style>
              <div dangerouslySetInnerHTML={{ __html: certificateMarkup(certificate, printLabels) }} />
            </div>,
            document.body,
          )}
      </Stack>
    );

  return (
    <form onSubmit={(event) => void sign(event)} noValidate data-testid="issue-badge-form">
      <Stack gap="md">
        <Text size="sm">{t('issue.intro', { name: trainee.name, course: courseTitle, date: dateText, field: t(`issue.field.${field}`) })}</Text>
        {blockers.length > 0 ? (
          <Alert color="orange" variant="light" data-testid="issue-badge-blocked">
            <Stack gap={6}>
              {blockers.map((blocker) => (
                <Text key={blocker} size="sm">
                  {blocker}
                </Text>
              ))}
              <Anchor href={hrefFor('settings')} size="sm" onClick={onClose}>
                {t('issue.toSettings')}
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <>
            {key?.didWeb && (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="issue-badge-issuer">
                  {t('issue.issuer')}
                </Text>
                <SegmentedControl
                  aria-labelledby="issue-badge-issuer"
                  value={issuer}
                  onChange={(value) => setIssuer(value === 'key' ? 'key' : 'web')}
                  data={[
                    { value: 'web', label: key.didWeb },
                    { value: 'key', label: 'did:key' },
                  ]}
                  w="fit-content"
                />
              </Stack>
            )}
            <PasswordInput
              ref={passphraseRef}
              data-autofocus
              autoComplete="current-password"
              label={t('issue.passphrase')}
              description={t('issue.passphraseHint')}
              value={passphrase}
              onChange={(event) => {
                setPassphrase(event.currentTarget.value);
                setIssue(null);
              }}
              error={issue}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data-testid="issue-badge-passphrase"
            />
            {failure && (
              <Alert color="red" role="alert" data-testid="issue-badge-failed">
                {failure}
              </Alert>
            )}
          </>
        )}
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {pending ? t('issue.signing') : ''}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('key.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={blockers.length > 0 || !course} data-testid="issue-badge-sign">
            {t('issue.sign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

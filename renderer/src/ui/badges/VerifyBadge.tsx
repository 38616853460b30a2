// Runtime: renderer (browser). "Verify a badge…": anyone (no administrator mode) opens a badge's .json
// or baked .png and reads whether it is valid, with the reasons when it is not, and what it says. All
// offline: the contexts are bundled, did:key needs no lookup, and the academy's own did:web document is
// known here; another issuer's did:web cannot be fetched and is said to be unresolved.
import { Alert, Button, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadgeSummary } from '../../core/records/badge';
import type { VerificationProblem } from '../../credentials/sign';
import { useServices } from '../services';
import { BadgeSummaryView } from './BadgeSummaryView';

type Verdict =
  | { kind: 'valid'; name: string; summary: BadgeSummary }
  | { kind: 'invalid'; name: string; summary: BadgeSummary | null; problems: VerificationProblem[] }
  | { kind: 'unreadable'; name: string; message: string };

export function VerifyBadge({ variant = 'default' }: { variant?: 'default' | 'light' }) {
  const { t } = useTranslation('badges');
  const { t: tc } = useTranslation('common');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpened(true)} style={{ alignSelf: 'flex-start' }} data-testid="verify-badge">
        {t('key.verify')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        size="lg"
        title={t('verify.title')}
        closeButtonProps={{ 'aria-label': tc('close') }}
        data-testid="verify-badge-dialog"
      >
        {opened && <VerifyBody onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function VerifyBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('badges');
  const { platform } = useServices();
  const [checking, setChecking] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);

  const open = async () => {
    let name = '';
    try {
      const file = await platform.openFile({ title: t('verify.title'), filters: [{ name: t('verify.filter'), extensions: ['json', 'png'] }] });
      if (!file) return;
      name = file.name;
      setChecking(true);
      setVerdict(null);
      const [{ verifyCredential }, { didDocumentOf }, key] = await Promise.all([
        import('../../credentials/sign'),
        import('../../credentials/academy-key'),
        platform.getAcademyKey().catch(() => null),
      ]);
      // The academy's own did:web is known here, so its badges verify without going online.
      const didDocuments = key?.didWeb ? [didDocumentOf(key.didWeb, key.publicKeyMultibase)] : [];
      // The bytes as opened: a .json file or a .png with the badge baked in.
      const result = await verifyCredential(file.bytes, { now: Date.now(), didDocuments });
      setVerdict(result.ok ? { kind: 'valid', name, summary: result.summary } : { kind: 'invalid', name, summary: result.summary, problems: result.problems });
    } catch (error) {
      setVerdict({ kind: 'unreadable', name, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setChecking(false);
    }
  };

  return (
    <Stack gap="md" data-testid="verify-badge-body">
      <Text size="sm">{t('verify.intro')}</Text>
      <Button onClick={() => void open()} loading={checking} data-autofocus style={{ alignSelf: 'flex-start' }} data-testid="verify-badge-open">
        {t('verify.open')}
      </Button>
      <div role="status" aria-live="polite">
        {checking && <Text size="sm">{t('verify.checking')}</Text>}
      </div>
      {verdict && (
        <Stack gap="sm" data-testid="verify-badge-result" data-verdict={verdict.kind}>
          <Text size="sm" c="dimmed">
            {t('verify.file', { name: verdict.name })}
          </Text>
          {verdict.kind === 'unreadable' && (
            <Alert color="red" role="alert" title={t('verify.invalid')}>
              {t('verify.unreadable', { name: verdict.name, message: verdict.message })}
            </Alert>
          )}
          {verdict.kind === 'valid' && (
            <Alert
              color="green"
              title={t('verify.valid', { issuer: verdict.summary.issuer.name || verdict.summary.issuer.id })}
              data-testid="verify-badge-valid"
            >
              {null}
            </Alert>
          )}
          {verdict.kind === 'invalid' && (
            <Alert color="red" role="alert" title={t('verify.invalid')} data-testid="verify-badge-invalid">
              <Text size="sm" fw={500}>
                {t('verify.problems')}
              </Text>
              <List size="sm" spacing={4} mt={4}>
                {verdict.problems.map((problem, index) => (
                  <List.Item key={`${problem.code}-${index}`} data-code={problem.code}>
                    <Text size="sm" fw={500}>
                      {t(`verify.problem.${problem.code}`)}
                    </Text>
                    <Text size="xs">{t('verify.detail', { message: problem.message, hint: problem.hint })}</Text>
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {verdict.kind === 'invalid' && verdict.summary && (
            <Text size="sm" fw={500}>
              {t('verify.claims')}
            </Text>
          )}
          {verdict.kind !== 'unreadable' && verdict.summary && <BadgeSummaryView summary={verdict.summary} testId="verify-badge-summary" />}
        </Stack>
      )}
      <Button variant="default" onClick={onClose} style={{ alignSelf: 'flex-end' }}>
        {t('verify.close')}
      </Button>
    </Stack>
  );
}

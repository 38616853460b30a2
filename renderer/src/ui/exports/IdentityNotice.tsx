// Runtime: renderer (browser). Says which trainees with records lack the identity field the academy's
// LMS matches by: for the plain exports and transcripts this is a warning (their rows and pages still
// carry their name and uid), for the Moodle files the pre-flight's business.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentityField } from '../../core/records/export-common';
import { traineesWithoutIdentity, type ExportSource } from '../../records/exports';
import { identityName, namesOf } from './texts';

export function IdentityNotice({ source, field }: { source: ExportSource; field: IdentityField }) {
  const { t, i18n } = useTranslation('exports');
  const missing = traineesWithoutIdentity(source, field);
  if (missing.length === 0) return null;
  return (
    <Alert color="yellow" data-testid="identity-notice">
      {t('identity.missingNotice', { count: missing.length, field: identityName(t, field), names: namesOf(t, missing, i18n.language) })}
    </Alert>
  );
}

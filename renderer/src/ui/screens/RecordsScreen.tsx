// Runtime: renderer (browser). Records: every trainee on this device against every course and scenario
// of the installed packs, for the academy's administrator. Reads the records (summaries only) and the
// library, and leaves the rest to ui/cohort; import and export sit in the toolbar.
import { Container, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { readCohort } from '../../records/cohort';
import { RequireAdmin } from '../academy/admin-context';
import { IssueBadge } from '../badges/IssueBadge';
import { VerifyBadge } from '../badges/VerifyBadge';
import { catalogueOf } from '../cohort/catalogue';
import { CohortView } from '../cohort/CohortView';
import { ExportRecords } from '../exports/ExportRecords';
import { useLibrary } from '../library-context';
import { Loading } from '../Loading';
import { LrsSyncPanel } from '../lrs/LrsSyncPanel';
import { ImportProgressFiles } from '../progress-files/ImportProgressFiles';
import { useServices } from '../services';

function Records() {
  const { t, i18n } = useTranslation('records');
  const { db } = useServices();
  const library = useLibrary();
  const data = useLiveQuery(() => readCohort(db), [db]);
  const catalogue = useMemo(() => (library ? catalogueOf(library, i18n.language) : null), [library, i18n.language]);
  return (
    <Stack gap="lg">
      {/* Import and export of the cohort's records: one component per line. */}
      <Group gap="sm" wrap="wrap" role="group" aria-label={t('toolbarLabel')} data-testid="records-toolbar">
        <ImportProgressFiles library={library} />
        <ExportRecords
          gate={(content, reason) => (
            <RequireAdmin reason={reason} variant="inline" quiet>
              {content}
            </RequireAdmin>
          )}
        />
        <VerifyBadge />
      </Group>
      <LrsSyncPanel />
      {!catalogue ? (
        <Loading what="library" />
      ) : !data ? (
        <Text c="dimmed">{t('loading')}</Text>
      ) : (
        <CohortView
          data={data}
          catalogue={catalogue}
          courseActions={(row) =>
            row.status === 'completed' && row.completedAt !== null ? (
              <IssueBadge trainee={row.trainee} packId={row.packId} courseId={row.courseId} courseTitle={row.courseTitle} completedAt={row.completedAt} />
            ) : null
          }
        />
      )}
    </Stack>
  );
}

export function RecordsScreen() {
  const { t } = useTranslation('records');
  return (
    <Container size="xl" px={0} data-testid="records-page">
      <Stack gap="xl">
        <div>
          <Title order={1} tabIndex={-1} data-page-title>
            {t('title')}
          </Title>
          <Text c="dimmed" mt={6} maw={760}>
            {t('intro')}
          </Text>
        </div>
        <RequireAdmin reason={t('adminReason')}>
          <Records />
        </RequireAdmin>
      </Stack>
    </Container>
  );
}

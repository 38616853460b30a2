// Runtime: renderer (browser). Any trainee's finished attempt, opened from the records by its uid: the
// frozen debrief, read-only, under a header that names the trainee and says it is a record that cannot
// be changed, with the way back to the records. For the administrator only, like the records.
import { Container, Stack, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { localized } from '../../library/library';
import { readOutcomeRecord } from '../../records/cohort';
import { RequireAdmin, useAdmin } from '../academy/admin-context';
import { BackToRecords, OutcomeUnavailable, ReadOnlyOutcomeHeader } from '../cohort/ReadOnlyOutcome';
import { FrozenDebrief } from '../debrief/FrozenDebrief';
import { Loading } from '../Loading';
import { useServices } from '../services';

function OutcomeRecord({ uid }: { uid: string }) {
  const { i18n } = useTranslation();
  const { db } = useServices();
  // null: no such record; undefined: still reading.
  const record = useLiveQuery(async () => (await readOutcomeRecord(db, uid)) ?? null, [db, uid]);
  if (record === undefined) return <Loading what="screen" testId="outcome-loading" />;
  if (record === null) return <OutcomeUnavailable reason="not-found" />;
  if (record.played === null) return <OutcomeUnavailable reason="no-scenario" />;
  const { frozen, played, trainee } = record;
  return (
    <Stack gap="lg" data-testid="outcome-page" data-outcome-uid={uid}>
      <ReadOnlyOutcomeHeader
        summary={frozen.summary}
        traineeName={trainee?.name ?? null}
        scenarioTitle={localized(played.scenario.title, i18n.language) || played.scenario.id}
      />
      <FrozenDebrief frozen={frozen} played={played} headingLevel={2} />
      <div>
        <BackToRecords variant="default" />
      </div>
    </Stack>
  );
}

export function OutcomeScreen({ uid }: { uid: string }) {
  const { t } = useTranslation('records');
  const admin = useAdmin();
  // Locked, the page still has its title: the record's own (the trainee's name) is not shown until unlocked.
  const locked = admin.ready && admin.configured && !admin.unlocked;
  return (
    <Container size="md" px={0} data-testid="outcome-screen">
      {locked && (
        <Title order={1} tabIndex={-1} data-page-title mb="lg">
          {t('outcome.lockedTitle')}
        </Title>
      )}
      {/* Quiet: the records this was opened from have said already when no passphrase is set. */}
      <RequireAdmin reason={t('outcome.adminReason')} quiet>
        <OutcomeRecord uid={uid} />
      </RequireAdmin>
    </Container>
  );
}

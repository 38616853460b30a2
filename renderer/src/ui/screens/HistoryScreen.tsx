// Runtime: renderer. The active profile's past and current attempts.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { listAttempts, listOutcomes, playedTitlesOf } from '../../db/repositories/attempts';
import { findScenario, localized } from '../../library/library';
import type { AttemptListItem } from '../debrief/AttemptList';
import { AttemptList } from '../debrief/AttemptList';
import { Page } from '../Page';
import { RequireProfile } from '../profiles/ProfileGate';
import { navigate } from '../router';
import { useLibrary } from '../library-context';
import { Loading } from '../Loading';
import { useServices } from '../services';

function History({ profileId }: { profileId: number }) {
  const { db } = useServices();
  const library = useLibrary();
  const { i18n } = useTranslation();
  // A finished attempt reads its frozen outcome: what it was given when it ended, whatever pack is installed now.
  const history = useLiveQuery(async () => {
    const profile = await db.profiles.get(profileId);
    const outcomes = profile ? await listOutcomes(db, profile.uid) : [];
    return {
      attempts: await listAttempts(db, profileId),
      outcomes: new Map(outcomes.map((outcome) => [outcome.uid, outcome])),
      playedTitles: await playedTitlesOf(db, outcomes),
    };
  }, [db, profileId]);
  if (!library) return <Loading what="library" />;
  if (!history) return null;
  const items: AttemptListItem[] = history.attempts.map((attempt) => {
    const ref = findScenario(library, attempt.packId, attempt.scenarioId);
    const outcome = history.outcomes.get(attempt.uid);
    // A pack since uninstalled: the titles its frozen outcome was played under.
    const played = history.playedTitles.get(attempt.uid);
    const scenarioTitle = ref?.scenario.title ?? played?.scenario;
    const packTitle = ref?.pack.manifest.title ?? played?.pack;
    return {
      id: attempt.id,
      scenarioTitle: scenarioTitle ? localized(scenarioTitle, attempt.playLanguage) : attempt.scenarioId,
      packTitle: packTitle ? localized(packTitle, i18n.language) : attempt.packId,
      playLanguage: attempt.playLanguage,
      status: attempt.status,
      startedAt: attempt.startedAt,
      updatedAt: attempt.updatedAt,
      passed: outcome?.passed ?? attempt.result?.passed ?? null,
      average: outcome?.average ?? attempt.result?.average ?? null,
    };
  });
  return <AttemptList items={items} onOpen={(id, status) => navigate({ screen: status === 'active' ? 'player' : 'debrief', attemptId: id })} />;
}

export function HistoryScreen() {
  const { t } = useTranslation('player');
  return (
    <Page testId="history-page" title={t('history.title')} intro={t('history.intro')}>
      <RequireProfile>{(profile) => <History profileId={profile.id} />}</RequireProfile>
    </Page>
  );
}

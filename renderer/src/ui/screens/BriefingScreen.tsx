// Runtime: renderer. The briefing of one scenario, in the language the trainee chooses, and its start.
import { Alert, Anchor } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readScenarioProgress } from '../../db/repositories/attempts';
import { scenarioKey } from '../../core/records/progress';
import type { ScenarioRef } from '../../library/library';
import { findScenario, languagesOf, personasOf } from '../../library/library';
import { BriefingView } from '../catalogue/BriefingView';
import { startAttempt } from '../player/session';
import { RequireProfile } from '../profiles/ProfileGate';
import { hrefFor, navigate } from '../router';
import { useLibrary } from '../library-context';
import { Loading } from '../Loading';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';

function Briefing({ profileId, ref_ }: { profileId: number; ref_: ScenarioRef }) {
  const { db } = useServices();
  const { i18n } = useTranslation();
  const { report } = useStorageProblems();
  const languages = languagesOf(ref_);
  const [language, setLanguage] = useState(() => (languages.includes(i18n.language) ? i18n.language : languages[0]!));
  const [starting, setStarting] = useState(false);
  const progress = useLiveQuery(() => readScenarioProgress(db, profileId), [db, profileId]);

  const start = () => {
    setStarting(true);
    startAttempt(db, profileId, ref_, language).then(
      (attemptId) => navigate({ screen: 'player', attemptId }),
      (error: unknown) => {
        setStarting(false);
        report(error);
      },
    );
  };

  return (
    <BriefingView
      ref_={ref_}
      personas={personasOf(ref_)}
      languages={languages}
      language={language}
      onLanguageChange={setLanguage}
      progress={progress?.get(scenarioKey(ref_.pack.manifest.id, ref_.scenario.id)) ?? null}
      onStart={start}
      onResume={(attemptId) => navigate({ screen: 'player', attemptId })}
      starting={starting}
    />
  );
}

export function BriefingScreen({ packId, scenarioId }: { packId: string; scenarioId: string }) {
  const { t } = useTranslation('player');
  const library = useLibrary();
  if (!library) return <Loading what="library" />;
  const ref_ = findScenario(library, packId, scenarioId);
  if (!ref_) {
    return (
      <Alert color="red" role="alert" data-testid="briefing-missing" title={t('briefingMissing.title')}>
        <Anchor href={hrefFor('catalogue')}>{t('briefingMissing.back')}</Anchor>
      </Alert>
    );
  }
  return <RequireProfile>{(profile) => <Briefing profileId={profile.id} ref_={ref_} />}</RequireProfile>;
}

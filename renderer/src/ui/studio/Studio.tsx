// Runtime: renderer. The studio: the start page until a pack is open, then the workspace around it,
// with its recovery copy, its live check and saving back to a folder.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createStudioChecker } from '../../studio/checker';
import { saveRecoveryCopy } from '../../studio/recovery';
import { saveFolderSource } from '../../studio/sources';
import { useServices } from '../services';
import { StartPage } from './start/StartPage';
import { StudioProvider, useStudio, useStudioWorkspace, type RecoveryCopy, type StudioSession } from './studio-context';
import { useStudioTranslations } from './translations';
import { Workspace } from './Workspace';

export interface StudioProps {
  /** Shown on the start page (e.g. that no administrator passphrase protects the studio yet). */
  notice?: ReactNode;
}

export function Studio({ notice }: StudioProps) {
  useStudioTranslations();
  const { t } = useTranslation('studio');
  const { db, appInfo } = useServices();
  const [session, setSession] = useState<StudioSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const createChecker = useCallback(() => createStudioChecker({ appVersion: appInfo.version }), [appInfo.version]);
  const saveCopy = useCallback((copy: RecoveryCopy) => saveRecoveryCopy(db, copy), [db]);
  const onAutosaveError = useCallback(
    (error: unknown) => setProblem(t('autosaveFailed', { reason: error instanceof Error ? error.message : String(error) })),
    [t],
  );

  if (!session) {
    return (
      <StartPage
        notice={notice}
        onOpen={(opened) => {
          setProblem(null);
          setSession(opened);
        }}
      />
    );
  }
  return (
    <StudioProvider
      key={session.draftId}
      session={session}
      saveCopy={saveCopy}
      createChecker={createChecker}
      initialView="yaml"
      onAutosaveError={onAutosaveError}
    >
      <OpenPack problem={problem} setProblem={setProblem} close={() => setSession(null)} />
    </StudioProvider>
  );
}

function OpenPack({ problem, setProblem, close }: { problem: string | null; setProblem: (problem: string | null) => void; close: () => void }) {
  const { t } = useTranslation('studio');
  const { platform } = useServices();
  const studio = useStudio();
  const workspace = useStudioWorkspace();
  const { document, source } = studio;

  const commands = useMemo(
    () => ({
      saveToFolder: () => {
        if (source.kind !== 'folder') return;
        const saving = document;
        void saveFolderSource(platform, source.path, saving, workspace.saved).then(
          (result) => {
            if (result === 'saved') {
              setProblem(null);
              workspace.markSaved(saving);
            } else setProblem(t('saveFailed', { path: source.path, reason: result.problem }));
          },
          (error: unknown) => setProblem(t('saveFailed', { path: source.path, reason: error instanceof Error ? error.message : String(error) })),
        );
      },
      close: () => {
        void workspace.flush().finally(close);
      },
    }),
    [document, source, platform, workspace, setProblem, t, close],
  );

  return <Workspace commands={commands} problem={problem} />;
}

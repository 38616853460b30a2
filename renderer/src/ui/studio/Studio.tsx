// Runtime: renderer. The studio: the start page until a pack is open, then the workspace around it,
// with its recovery copy, its live check and saving back to a folder.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PackDocument } from '../../core/studio/document';
import { useTranslation } from 'react-i18next';
import { createStudioChecker } from '../../studio/checker';
import { loadRecoveryCopy, saveRecoveryCopy } from '../../studio/recovery';
import { openFolderSource, saveFolderSource } from '../../studio/sources';
import { Loading } from '../Loading';
import { useServices } from '../services';
import { StartPage } from './start/StartPage';
import { StudioProvider, useStudio, useStudioWorkspace, type RecoveryCopy, type StudioSession } from './studio-context';
import { useStudioTranslations } from './translations';
import { Workspace } from './Workspace';
import { folderProblemText } from './folder-problem';

export interface StudioProps {
  /** Shown on the start page (e.g. that no administrator passphrase protects the studio yet). */
  notice?: ReactNode;
}

/**
 * The pack open when the studio was left for another screen (or locked), reopened from its recovery
 * copy on return: going to the catalogue and back does not close it. Kept for this window only.
 */
const leftOpen: { draftId: string | null; matchesSource: boolean } = { draftId: null, matchesSource: true };

export function Studio({ notice }: StudioProps) {
  useStudioTranslations();
  const { t } = useTranslation('studio');
  const { db, appInfo } = useServices();
  const [session, setSession] = useState<StudioSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reopening, setReopening] = useState(() => leftOpen.draftId !== null);

  useEffect(() => {
    const draftId = leftOpen.draftId;
    if (draftId === null) return;
    let current = true;
    // The copy was written when the studio was left; a read after that write sees it.
    loadRecoveryCopy(db, draftId).then(
      (copy) => {
        if (!current) return;
        if (copy) setSession({ draftId, source: copy.source, document: copy.document, matchesSource: leftOpen.matchesSource });
        setReopening(false);
      },
      () => current && setReopening(false),
    );
    return () => {
      current = false;
    };
  }, [db]);

  const open = useCallback((opened: StudioSession | null) => {
    leftOpen.draftId = opened?.draftId ?? null;
    leftOpen.matchesSource = opened?.matchesSource ?? true;
    setProblem(null);
    setSession(opened);
  }, []);

  const createChecker = useCallback(() => createStudioChecker({ appVersion: appInfo.version }), [appInfo.version]);
  const saveCopy = useCallback((copy: RecoveryCopy) => saveRecoveryCopy(db, copy), [db]);
  const onAutosaveError = useCallback(
    (error: unknown) => setProblem(t('autosaveFailed', { reason: error instanceof Error ? error.message : String(error) })),
    [t],
  );

  if (reopening) return <Loading what="screen" />;
  if (!session) return <StartPage notice={notice} onOpen={open} />;
  return (
    <StudioProvider
      key={session.draftId}
      session={session}
      saveCopy={saveCopy}
      createChecker={createChecker}
      initialView="yaml"
      onAutosaveError={onAutosaveError}
    >
      <OpenPack problem={problem} setProblem={setProblem} close={() => open(null)} />
    </StudioProvider>
  );
}

function OpenPack({ problem, setProblem, close }: { problem: string | null; setProblem: (problem: string | null) => void; close: () => void }) {
  const { t } = useTranslation('studio');
  const { platform, appInfo } = useServices();
  const studio = useStudio();
  const workspace = useStudioWorkspace();
  const { document, source } = studio;

  // Whether the folder holds what is shown, for when the studio is left and this pack reopened.
  useEffect(() => {
    if (leftOpen.draftId === workspace.draftId) leftOpen.matchesSource = !workspace.unsaved;
  }, [workspace.draftId, workspace.unsaved]);

  const commands = useMemo(() => {
    const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
    /** Writes the document into `folder`; `previous` is what the folder holds (its files no longer in the pack are removed). */
    const saveInto = (folder: string, previous: PackDocument | undefined, becomesSource: boolean) => {
      const saving = document;
      saveFolderSource(platform, folder, saving, previous).then(
        (result) => {
          if (result !== 'saved') return setProblem(t('saveFailed', { path: folder, reason: folderProblemText(t, result) }));
          setProblem(null);
          workspace.markSaved(saving, becomesSource ? { kind: 'folder', path: folder } : undefined);
        },
        (error: unknown) => setProblem(t('saveFailed', { path: folder, reason: reason(error) })),
      );
    };
    return {
      foldersAvailable: appInfo.runtime === 'electron',
      saveToFolder: () => {
        if (source.kind === 'folder') saveInto(source.path, workspace.saved, false);
      },
      saveToNewFolder: () => {
        // The folder is chosen through the same dialog that opens one: the desktop writes only into a
        // folder the author chose there. An empty one, so the pack is not mixed with other files.
        openFolderSource(platform, { title: t('saveNewFolder.dialog') }).then(
          (opened) => {
            if (opened === null) return;
            if ('problem' in opened) return setProblem(t('start.folder.refused', { reason: folderProblemText(t, opened) }));
            if (opened.source.kind !== 'folder') return;
            if (opened.document.texts.size + opened.document.media.size > 0) return setProblem(t('saveNewFolder.notEmpty', { path: opened.source.path }));
            saveInto(opened.source.path, undefined, true);
          },
          (error: unknown) => setProblem(t('start.folder.refused', { reason: reason(error) })),
        );
      },
      close: () => {
        void workspace.flush().finally(close);
      },
    };
  }, [document, source, platform, appInfo.runtime, workspace, setProblem, t, close]);

  return <Workspace commands={commands} problem={problem} />;
}

// Runtime: renderer. Grades the calibration drafts of the pack being edited whenever its check gives
// a new pack: in a worker (the newest pack wins), with how far it has come; the last result stays
// shown while a newer one is graded.
import { useEffect, useRef, useState } from 'react';
import type { Pack } from '../../../core/pack/load';
import type { CalibrationCase, CalibrationGrader, CalibrationProgress } from '../../../studio/calibration';
import { createCalibrationGrader } from '../../../studio/calibration';

export interface CalibrationRunState {
  /** The pack the shown cases were graded from. */
  pack: Pack | null;
  cases: CalibrationCase[] | null;
  /** Set while a newer pack is being graded: how far it has come (0 of 0 before the first draft). */
  progress: CalibrationProgress | null;
  /** Why grading the newest pack failed, if it did. */
  error: string | null;
}

interface Graded {
  pack: Pack | null;
  cases: CalibrationCase[] | null;
}

/**
 * The grades of each checked pack, kept while the pack is: the calibration and publish views each
 * ask, and an author moving between them without changing anything would otherwise have every draft
 * graded again. A new check gives a new pack object, so an edit is always graded afresh.
 */
const gradedPacks = new WeakMap<Pack, CalibrationCase[]>();

export function useCalibrationRun(pack: Pack | null, createGrader: () => CalibrationGrader = createCalibrationGrader): CalibrationRunState {
  const graderRef = useRef<CalibrationGrader | null>(null);
  const [lastGraded, setGraded] = useState<Graded>({ pack: null, cases: null });
  const [progress, setProgress] = useState<{ pack: Pack; progress: CalibrationProgress } | null>(null);
  const [failure, setFailure] = useState<{ pack: Pack; message: string } | null>(null);

  useEffect(() => {
    const made = createGrader();
    graderRef.current = made;
    return () => {
      made.dispose();
      graderRef.current = null;
    };
  }, [createGrader]);

  useEffect(() => {
    const grader = graderRef.current;
    if (!grader || !pack) return;
    if (gradedPacks.has(pack)) return;
    let current = true;
    grader
      .grade(pack, (step) => {
        if (current) setProgress({ pack, progress: step });
      })
      .then(
        (cases) => {
          // null: a newer pack took over; its result will come.
          if (cases) gradedPacks.set(pack, cases);
          if (current && cases) setGraded({ pack, cases });
        },
        (error: unknown) => {
          if (current) setFailure({ pack, message: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      current = false;
    };
  }, [createGrader, pack]);

  const known = pack ? gradedPacks.get(pack) : undefined;
  const graded: Graded = known ? { pack, cases: known } : lastGraded;
  const failed = failure !== null && failure.pack === pack;
  const grading = pack !== null && graded.pack !== pack && !failed;
  return {
    pack: graded.pack,
    cases: graded.cases,
    progress: grading ? (progress?.pack === pack ? progress.progress : { done: 0, total: 0 }) : null,
    error: failed ? failure.message : null,
  };
}

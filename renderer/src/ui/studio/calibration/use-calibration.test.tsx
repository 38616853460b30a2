// Runtime: Node (Vitest, happy-dom). The calibration run grades each checked pack once: a view opened
// again on the same pack (the author moving between Calibration and Publish) shows its grades at once,
// and a new pack (any edit) is graded afresh.
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../core/pack/load';
import type { CalibrationCase, CalibrationGrader } from '../../../studio/calibration';
import { useCalibrationRun } from './use-calibration';

function countingGrader() {
  const graded: Pack[] = [];
  const create = (): CalibrationGrader => ({
    grade: (pack) => {
      graded.push(pack);
      return Promise.resolve([{ draftId: `graded-${graded.length}` } as unknown as CalibrationCase]);
    },
    dispose: () => undefined,
  });
  return { graded, create };
}

const packNamed = (id: string) => ({ manifest: { id } }) as unknown as Pack;

describe('useCalibrationRun', () => {
  it('grades a pack once however often a view asks, and a new pack again', async () => {
    const grader = countingGrader();
    const pack = packNamed('one');
    const first = renderHook(() => useCalibrationRun(pack, grader.create));
    await waitFor(() => expect(first.result.current.cases).not.toBeNull());
    first.unmount();

    const again = renderHook(() => useCalibrationRun(pack, grader.create));
    expect(again.result.current.pack).toBe(pack);
    expect(again.result.current.progress).toBeNull();
    expect(grader.graded).toEqual([pack]);

    const edited = packNamed('one');
    const next = renderHook(() => useCalibrationRun(edited, grader.create));
    await waitFor(() => expect(next.result.current.pack).toBe(edited));
    expect(grader.graded).toEqual([pack, edited]);
  });
});

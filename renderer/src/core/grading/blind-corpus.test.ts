// The blind test corpus (scenarios/blind-corpus): written and judged by people who never read the
// grader, committed before the rules changed, never edited to suit them. These tests keep it so:
// its bytes are pinned, and the grader's agreement with it may not fall below what it was when
// this version shipped (a floor against regressions, not a target: the target is 95 % per axis).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BLIND_CORPUS_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { agreementPerAxis } from './agreement';
import { calibratePack } from './calibration';

const files = readFolder(BLIND_CORPUS_DIR);

/**
 * SHA-256 of every file of the corpus, in path order. A pure format migration (the pack format
 * changes, not a draft or a verdict) may update it, in its own commit that says so.
 */
const PINNED = '443eeb70642fb90d7c730aa2f45ee683f8e24c4106144254bccdd84f70a60d11';

describe('the blind test corpus', () => {
  it('is never edited', () => {
    const hash = createHash('sha256');
    for (const name of [...files.keys()].sort()) hash.update(name).update('\0').update(files.get(name)!).update('\0');
    expect(hash.digest('hex')).toBe(PINNED);
  });

  it('holds at least 150 judged drafts in English, Russian and Ukrainian, in at least 8 scenarios', () => {
    const pack = loadPack(files, { appVersion: '0.1.0' }).pack!;
    expect(pack.manifest.calibration?.blind).toBe(true);
    expect(pack.scenarios.length).toBeGreaterThanOrEqual(8);
    const drafts = pack.scenarios.flatMap((scenario) => scenario.tasks.flatMap((task) => task.calibration));
    expect(drafts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(drafts.map((draft) => draft.language))).toEqual(new Set(['en', 'ru', 'uk']));
  });

  it('agrees with the grader no less than when this version shipped', () => {
    const perAxis = agreementPerAxis(calibratePack(loadPack(files, { appVersion: '0.1.0' }).pack!).cases);
    expect(perAxis.tone.percent).toBeGreaterThanOrEqual(89);
    expect(perAxis.policy.percent).toBeGreaterThanOrEqual(78.5);
    expect(perAxis.platform.percent).toBeGreaterThanOrEqual(99);
  });
});

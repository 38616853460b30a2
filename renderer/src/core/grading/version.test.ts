import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { createGradingContext, grade } from './grade';
import { GRADER_FINGERPRINT, GRADER_VERSION } from './version';

const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;

/** Every grade the built-in library's calibration drafts and model answers get, in a fixed order. */
function libraryGrades(): string {
  const lines: string[] = [];
  for (const scenario of library.scenarios) {
    for (const task of scenario.tasks) {
      for (const language of Object.keys(task.modelAnswer).sort()) {
        const context = createGradingContext({ scenario, task, playLanguage: language, pack: library.manifest });
        const drafts = [task.modelAnswer[language]!, ...task.calibration.filter((draft) => draft.language === language).map((draft) => draft.text)];
        for (const text of drafts) lines.push(JSON.stringify([scenario.id, task.id, language, grade(text, context)]));
      }
    }
  }
  return lines.join('\n');
}

describe('the grader version', () => {
  it('is recorded with a fingerprint of the grades it gives: a change to any grade needs a new version', () => {
    const fingerprint = bytesToHex(sha256(utf8ToBytes(libraryGrades())));
    expect(
      fingerprint,
      `The built-in library's grades changed. If the change is meant, raise GRADER_VERSION (now ${GRADER_VERSION}) in core/grading/version.ts and set GRADER_FINGERPRINT to "${fingerprint}".`,
    ).toBe(GRADER_FINGERPRINT);
  });
});

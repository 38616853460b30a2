// Runtime: any (pure core). The grader's version, frozen into every outcome it graded: a record says
// which rules judged it, and re-grading a draft is only a check when the versions agree.
//
// Raise it whenever a change can alter any grade (a rule, a lexicon, a weight, a message). The test
// beside this file grades every calibration draft and model answer of the built-in library and
// compares a fingerprint of the grades with GRADER_FINGERPRINT; when they differ it fails and says
// to raise the version and record the new fingerprint.
export const GRADER_VERSION = '1.1.0';

/** SHA-256 of the built-in library's grades under GRADER_VERSION (see version.test.ts). */
export const GRADER_FINGERPRINT = '49b85a6db2adbe8f3d0a8cb1703d0290b50eb7011c189ff69093eecd4dcd8510';

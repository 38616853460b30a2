// Runtime: any (pure core). The grader's version, frozen into every outcome it graded: a record says
// which rules judged it, and re-grading a draft is only a check when the versions agree.
//
// Raise it whenever a change can alter any grade (a rule, a lexicon, a weight, a message). The test
// beside this file grades every calibration draft and model answer of the built-in library and
// compares a fingerprint of the grades with GRADER_FINGERPRINT; when they differ it fails and says
// to raise the version and record the new fingerprint.
export const GRADER_VERSION = '1.0.0';

/** SHA-256 of the built-in library's grades under GRADER_VERSION (see version.test.ts). */
export const GRADER_FINGERPRINT = '498bc4203b48ed10d34b3d92a3152401e540c96b5bd78fe717e0981a9027a498';

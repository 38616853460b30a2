import { describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, skipReasons } from './report-counts.mjs';

describe('countVitest', () => {
  it('adds pending and todo tests to the skipped count', () => {
    expect(countVitest({ numPassedTests: 5, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1, testResults: [] })).toEqual({
      passed: 5,
      failed: 1,
      skipped: 3,
    });
  });

  it('counts a test file that failed to load as a failure', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
        { status: 'failed', assertionResults: [] },
      ],
    };
    expect(countVitest(report)).toEqual({ passed: 3, failed: 1, skipped: 0 });
  });

  it('returns null without a report', () => {
    expect(countVitest(null)).toBeNull();
  });
});

describe('countPlaywright', () => {
  it('counts flaky tests as passed and errors outside tests as failures', () => {
    const report = { stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 2 }, errors: [{ message: 'web server exited' }] };
    expect(countPlaywright(report)).toEqual({ passed: 5, failed: 2, skipped: 2 });
  });

  it('reports a run whose web server failed as failed, not as empty', () => {
    expect(countPlaywright({ stats: { expected: 0, unexpected: 0, skipped: 0 }, errors: [{ message: 'timed out' }] })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });
});

describe('skipReasons', () => {
  it('collects each distinct skip reason once, from nested suites', () => {
    const skipped = { annotations: [{ type: 'skip', description: 'Electron binary not installed' }] };
    const report = {
      suites: [{ specs: [{ tests: [skipped] }], suites: [{ specs: [{ tests: [skipped, { annotations: [{ type: 'issue', description: 'x' }] }] }] }] }],
    };
    expect(skipReasons(report)).toEqual(['Electron binary not installed']);
  });
});

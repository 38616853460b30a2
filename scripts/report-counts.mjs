// Runtime: Node (scripts). Turns the test runners' JSON reports into passed/failed/skipped counts.

/** Counts from Vitest's JSON report; a test file that failed to load counts as one failure. */
export function countVitest(report) {
  if (!report) return null;
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Counts from Playwright's JSON report; errors outside tests (a web server that failed) are failures. */
export function countPlaywright(report) {
  if (!report) return null;
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors ?? []).length,
    skipped: stats.skipped ?? 0,
  };
}

/** The distinct reasons Playwright's skipped tests give, e.g. why the Electron spec could not run. */
export function skipReasons(report) {
  const reasons = new Set();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        for (const annotation of test.annotations ?? []) {
          if (annotation.type === 'skip' && annotation.description) reasons.add(annotation.description);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return [...reasons];
}

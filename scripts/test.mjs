// Runtime: Node (scripts). The whole test run, as CI runs it: type-check, lint, unit tests
// (Vitest), end-to-end tests (Playwright) and the startup budget of the web build they drive. Every
// step runs even when an earlier one failed, so one run shows every problem. The last line is the count: `N passed, N failed, N skipped`.
// Type-check, lint and the budget count as one check each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { countPlaywright, countVitest, skipReasons } from './report-counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, 'test-report');
mkdirSync(reportDir, { recursive: true });

function run(command, args) {
  console.log(`\n━━ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const results = [];
const check = (name, status) => results.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 });

check('typecheck', run('node', ['scripts/typecheck.mjs']));
// Lint is ESLint (the layer walls among its rules) and Prettier's check: one check, both always run.
const eslintStatus = run('npx', ['--no-install', 'eslint', '--max-warnings', '0', '.']);
const prettierStatus = run('npx', ['--no-install', 'prettier', '--check', '.']);
check('lint', eslintStatus || prettierStatus);

const vitestReport = path.join(reportDir, 'vitest.json');
rmSync(vitestReport, { force: true });
const vitestStatus = run('npx', ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const unit = countVitest(readJson(vitestReport)) ?? { passed: 0, failed: 1, skipped: 0 };
if (vitestStatus !== 0 && unit.failed === 0) unit.failed = 1;
results.push({ name: 'unit', ...unit });

const playwrightReport = path.join(reportDir, 'playwright.json');
const e2eStatus = run('node', ['scripts/e2e.mjs']);
const playwrightResult = existsSync(playwrightReport) ? readJson(playwrightReport) : null;
const e2e = countPlaywright(playwrightResult) ?? { passed: 0, failed: 1, skipped: 0 };
if (e2eStatus !== 0 && e2e.failed === 0) e2e.failed = 1;
results.push({ name: 'e2e', ...e2e });

// The end-to-end run built out/web: what its index.html loads before the first paint must stay within
// the startup budget (README, "Startup budget"). One check.
check('budget', run('node', ['scripts/bundle-budget.mjs', 'out/web']));

const total = results.reduce((sum, step) => ({ passed: sum.passed + step.passed, failed: sum.failed + step.failed, skipped: sum.skipped + step.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log('\n━━ summary');
for (const step of results) {
  console.log(`  ${step.name.padEnd(10)} ${step.passed} passed, ${step.failed} failed${step.skipped ? `, ${step.skipped} skipped` : ''}`);
}
for (const reason of skipReasons(playwrightResult)) console.log(`  skipped because: ${reason}`);
const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
writeFileSync(path.join(reportDir, 'summary.txt'), `${line}\n`);
console.log(line);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);

// Runtime: Node (CLI). `npm run calibrate [-- <pack>…]`: grades every calibration draft of the packs
// (default: every pack in scenarios/) and reports agreement with the authors' verdicts as a rater
// study does — per axis exact agreement, Cohen's kappa and the confusion matrix — with development
// packs and blind test corpora (pack.yaml `calibration.blind`) reported apart. Exit 0 when every
// pack reaches its `calibration.minAgreement` (default 100 %) on every axis, 1 when one does not,
// 2 on bad input.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import type { AxisAgreement } from '../renderer/src/core/grading/agreement';
import { agreementPerAxis, axesBelow, uncoveredRules } from '../renderer/src/core/grading/agreement';
import type { CalibrationCase } from '../renderer/src/core/grading/calibration';
import { calibratePack } from '../renderer/src/core/grading/calibration';
import { failingModelAnswers } from '../renderer/src/core/grading/model-answers';
import type { Axis } from '../renderer/src/core/pack/schema';
import { AXES } from '../renderer/src/core/pack/schema';
import { cliFailure, parseCommandLineWithPositionals } from './lib/cli';
import { CliInputError, loadPackOrExplain } from './lib/load-pack';
import { render, setCliLanguage } from './lib/messages';
import { formatReport } from './lib/report';

const USAGE = `usage: npm run calibrate [-- [--summary] [--coverage] <pack folder or archive>…]   (default: every pack in scenarios/)
  --summary   agreement only, without each disagreeing draft
  --coverage  also list the rules no calibration draft makes fire`;

// Declared with its type: a call then ends the control flow for the compiler too.
const fail: (message: string) => never = cliFailure('calibrate', USAGE);

const { values, positionals } = parseCommandLineWithPositionals(
  { summary: { type: 'boolean', default: false }, coverage: { type: 'boolean', default: false } },
  USAGE,
  fail,
);
const scenariosDir = path.resolve(import.meta.dirname, '..', 'scenarios');
const targets = positionals.length
  ? positionals
  : readdirSync(scenariosDir)
      .sort()
      .map((name) => path.join(scenariosDir, name))
      .filter((dir) => statSync(dir).isDirectory() && readdirSync(dir).includes('pack.yaml'));

const percent = (value: number) => `${value.toFixed(1)}%`;
const kappa = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));

function agreementTable(perAxis: Record<Axis, AxisAgreement>, indent: string): string {
  const lines = [`${indent}axis       agree           kappa   expected→graded: pass→pass pass→fail fail→pass fail→fail`];
  for (const axis of AXES) {
    const { agree, total, percent: share, kappa: k, confusion } = perAxis[axis];
    const counts = [confusion.passPass, confusion.passFail, confusion.failPass, confusion.failFail].map((n) => String(n).padStart(9)).join(' ');
    lines.push(
      `${indent}${axis.padEnd(10)} ${`${agree}/${total}`.padStart(7)} ${percent(share).padStart(7)} ${kappa(k).padStart(6)}                  ${counts}`,
    );
  }
  return lines.join('\n');
}

// The report around the findings is in English: so are the findings, whatever language a draft is in.
await setCliLanguage('en');
interface Group {
  packs: string[];
  cases: CalibrationCase[];
  /** Model answers graded against their own task: the authors' own "this passes". */
  modelAnswers: number;
  failingModelAnswers: number;
}
const groups: Record<'development' | 'blind', Group> = {
  development: { packs: [], cases: [], modelAnswers: 0, failingModelAnswers: 0 },
  blind: { packs: [], cases: [], modelAnswers: 0, failingModelAnswers: 0 },
};
const failing: string[] = [];
for (const target of targets) {
  let pack;
  try {
    pack = loadPackOrExplain(target);
  } catch (error) {
    if (error instanceof CliInputError) fail(error.message);
    throw error;
  }
  const report = calibratePack(pack);
  const blind = pack.manifest.calibration?.blind ?? false;
  const minAgreement = pack.manifest.calibration?.minAgreement ?? 100;
  const group = groups[blind ? 'blind' : 'development'];
  group.packs.push(pack.manifest.id);
  group.cases.push(...report.cases);
  group.modelAnswers += pack.scenarios.reduce((sum, scenario) => sum + scenario.tasks.reduce((n, task) => n + Object.keys(task.modelAnswer).length, 0), 0);
  group.failingModelAnswers += failingModelAnswers(pack).length;
  console.log(
    `${pack.manifest.id} ${pack.manifest.version} (${blind ? 'blind test corpus' : 'development'}): ${report.cases.length} calibration drafts, required agreement ${minAgreement}% per axis`,
  );
  console.log(agreementTable(report.perAxis, '  '));
  const below = report.cases.length ? axesBelow(report.perAxis, minAgreement) : [];
  if (below.length)
    failing.push(`${pack.manifest.id}: ${below.map((axis) => `${axis} ${percent(report.perAxis[axis].percent)}`).join(', ')} below ${minAgreement}%`);
  if (values.summary) continue;
  for (const item of report.disagreements) {
    console.log(`\n✗ ${item.scenarioId} › ${item.taskId} › ${item.draftId} (${item.language})`);
    for (const axis of item.disagreements) {
      console.log(
        `  ${axis}: expected ${item.expected[axis]}, graded ${item.grade.axes[axis].passed ? 'pass' : 'fail'} (${item.grade.axes[axis].score}/${item.grade.axes[axis].passMark})`,
      );
    }
    console.log(`  author's note: ${item.why}`);
    console.log(formatReport(item.text, item.grade, render, { color: false }).replace(/^/gm, '  '));
  }
  console.log('');
}

for (const [name, group] of Object.entries(groups)) {
  if (!group.cases.length) continue;
  const title =
    name === 'blind' ? 'Blind test drafts (how good the grader is on drafts nobody tuned it to)' : 'Development drafts (the rules were written beside these)';
  console.log(`\n${title}: ${group.cases.length} drafts in ${group.packs.join(', ')}`);
  console.log(agreementTable(agreementPerAxis(group.cases), '  '));
  const policyFalsePasses = group.cases.filter((item) => item.expected.policy === 'fail' && item.grade.axes.policy.passed).length;
  console.log(`  drafts the authors failed on policy that the grader passed: ${policyFalsePasses}`);
  console.log(`  model answers that pass their own task: ${group.modelAnswers - group.failingModelAnswers}/${group.modelAnswers}`);
}

if (values.coverage) {
  const all = [...groups.development.cases, ...groups.blind.cases];
  const uncovered = uncoveredRules(all);
  console.log(
    uncovered.length
      ? `\nRules no calibration draft makes fire (${uncovered.length}):\n${uncovered.map((id) => `  ${id}`).join('\n')}`
      : '\nEvery rule fires on at least one calibration draft.',
  );
}

console.log(
  failing.length ? `\nbelow the required agreement:\n${failing.map((line) => `  ${line}`).join('\n')}` : '\nevery pack reaches its required agreement',
);
process.exit(failing.length ? 1 : 0);

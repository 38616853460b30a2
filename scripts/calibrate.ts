// Runtime: Node (CLI). `npm run calibrate [-- <pack>…]`: grades every calibration draft of the packs
// (default: every pack in scenarios/) and prints agreement per axis and each disagreement with its
// findings. Exit 0 when all agree, 1 when some do not, 2 on bad input.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { calibratePack } from '../renderer/src/core/grading/calibration';
import { AXES } from '../renderer/src/core/pack/schema';
import { cliFailure, parseCommandLineWithPositionals } from './lib/cli';
import { CliInputError, loadPackOrExplain } from './lib/load-pack';
import { render, setCliLanguage } from './lib/messages';
import { formatReport } from './lib/report';

const USAGE = 'usage: npm run calibrate [-- <pack folder or archive>…]   (default: every pack in scenarios/)';

// Declared with its type: a call then ends the control flow for the compiler too.
const fail: (message: string) => never = cliFailure('calibrate', USAGE);

const { positionals } = parseCommandLineWithPositionals({}, USAGE, fail);
const scenariosDir = path.resolve(import.meta.dirname, '..', 'scenarios');
const targets = positionals.length
  ? positionals
  : readdirSync(scenariosDir)
      .map((name) => path.join(scenariosDir, name))
      .filter((dir) => statSync(dir).isDirectory() && readdirSync(dir).includes('pack.yaml'));

// The report around the findings is in English: so are the findings, whatever language a draft is in.
await setCliLanguage('en');
let disagreeing = 0;
for (const target of targets) {
  let pack;
  try {
    pack = loadPackOrExplain(target);
  } catch (error) {
    if (error instanceof CliInputError) fail(error.message);
    throw error;
  }
  const report = calibratePack(pack);
  console.log(`${pack.manifest.id} ${pack.manifest.version}: ${report.cases.length} calibration drafts`);
  for (const axis of AXES) {
    const { agree, total } = report.perAxis[axis];
    console.log(`  ${axis.padEnd(9)} ${agree}/${total} agree (${total ? ((100 * agree) / total).toFixed(1) : '100.0'}%)`);
  }
  for (const item of report.disagreements) {
    disagreeing += 1;
    console.log(`\n✗ ${item.scenarioId} › ${item.taskId} › ${item.draftId} (${item.language})`);
    for (const axis of item.disagreements) {
      console.log(`  ${axis}: expected ${item.expected[axis]}, graded ${item.grade.axes[axis].passed ? 'pass' : 'fail'} (${item.grade.axes[axis].score}/${item.grade.axes[axis].passMark})`);
    }
    console.log(`  author's note: ${item.why}`);
    console.log(formatReport(item.text, item.grade, render, { color: false }).replace(/^/gm, '  '));
  }
}
console.log(disagreeing ? `\n${disagreeing} calibration draft${disagreeing === 1 ? '' : 's'} disagree` : '\nevery calibration draft agrees');
process.exit(disagreeing ? 1 : 0);

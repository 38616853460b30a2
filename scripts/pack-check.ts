// Runtime: Node (CLI). `npm run pack:check -- <folder|archive>…`: validates packs and prints every
// problem as `file:line:col  path  message  hint` (exit 1), or a summary of each pack (exit 0). A
// model answer that fails its own task is an error too. The words are the studio's problems panel's,
// rendered through the same catalogue (i18n/pack-diagnostic-message.ts), in English.
// Exit 2: the arguments or the input could not be read.
import process from 'node:process';
import { ArchiveError } from '../renderer/src/core/pack/archive';
import { loadPack } from '../renderer/src/core/pack/load';
import { modelAnswerDiagnostics } from '../renderer/src/core/pack/model-answer-diagnostics';
import { summarizePack } from '../renderer/src/core/pack/summary';
import { formatPackDiagnostic, setCliLanguage } from './lib/messages';
import { APP_VERSION } from './lib/app-version';
import { PackInputError, readPackSource } from './lib/pack-files';

const targets = process.argv.slice(2);
if (!targets.length || targets.some((t) => t === '--help' || t === '-h')) {
  console.error('usage: npm run pack:check -- <pack folder or .attache archive> [more…]');
  process.exit(targets.length ? 0 : 2);
}

await setCliLanguage('en');
let failed = false;
for (const target of targets) {
  let source;
  try {
    source = readPackSource(target);
  } catch (error) {
    if (error instanceof PackInputError) {
      console.error(`pack:check: ${error.message}`);
      process.exit(2);
    }
    if (error instanceof ArchiveError) {
      console.error(`${target}  ${error.message}  ${error.hint}`);
      failed = true;
      continue;
    }
    throw error;
  }
  const { pack, diagnostics } = loadPack(source.files, { appVersion: APP_VERSION });
  const prefix = source.kind === 'folder' ? `${target.replace(/\/+$/, '')}/` : `${target}!`;
  for (const diagnostic of diagnostics) console.log(`${prefix}${formatPackDiagnostic(diagnostic)}`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (!pack) {
    failed = true;
    console.log(`\n${target}: ${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`);
    continue;
  }
  // A model answer that fails its own task teaches the wrong thing: an error at its line.
  const failing = modelAnswerDiagnostics(pack, source.files);
  if (failing.length) {
    for (const diagnostic of failing) console.log(`${prefix}${formatPackDiagnostic(diagnostic)}`);
    failed = true;
    console.log(
      `\n${target}: ${failing.length} model answer${failing.length === 1 ? '' : 's'} fail${failing.length === 1 ? 's' : ''} ${failing.length === 1 ? 'its' : 'their'} own task`,
    );
    continue;
  }
  const summary = summarizePack(pack);
  console.log(`${target}: ${summary.id} ${summary.version} is valid${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`);
  console.log(
    `  ${summary.scenarios} scenarios, ${summary.tasks} tasks, ${summary.injects} injects, ${summary.calibrationDrafts} calibration drafts, ${summary.courses} courses`,
  );
  console.log(`  languages: ${summary.languages.join(', ')}`);
  for (const scenario of summary.perScenario) {
    console.log(
      `  - ${scenario.id} (${scenario.kind}, ${scenario.languages.join('/')}): ${scenario.tasks} tasks, ${scenario.injects} injects, ${scenario.branches} branches, ${scenario.platforms.join(', ')}`,
    );
  }
}
process.exit(failed ? 1 : 0);

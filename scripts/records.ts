// Runtime: Node (CLI). `npm run records -- <command> …`: progress files in bulk, for academies, with the
// same core as the app and no database.
//   verify FILE|FOLDER…  checks each file (signature, hashes, records) and grades its drafts again;
//                        prints the trainee and counts for each good file; exit 1 naming each bad one.
//   demo --trainees N --seed S --out DIR
//                        writes a seeded sample cohort's signed progress files, for trying imports,
//                        exports and benchmarks.
//   export --format moodle-csv|moodle-xml|csv|json [--map FILE] FILE… [--out F]
//                        Moodle gradebook CSV or XML after the app's pre-flight, or every attempt as
//                        CSV or JSON (scripts/lib/records-export.ts).
//   sync --lrs URL --key K --secret S FILE…
//                        sends the files' xAPI statements to an LRS (scripts/lib/records-sync.ts).
//   academy-key new --out FILE --passphrase-env VAR [--domain D]
//   badge issue --academy-key FILE --passphrase-env VAR --academy-name N --academy-iri IRI --out DIR FILE…
//   badge verify FILE… [--did-document FILE]
//                        the academy's Open Badges key; credentials for the courses progress files show
//                        completed (JSON and baked PNG); credentials verified offline (scripts/lib/records-badges.ts).
// Each command is an entry of COMMANDS below; a new one is a module exporting a RecordsCommand and
// one line there. Exit 0 done, 1 bad files, 2 bad input.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { GRADER_VERSION } from '../renderer/src/core/grading/version';
import type { Pack } from '../renderer/src/core/pack/load';
import { courseProgress } from '../renderer/src/core/records/progress';
import type { PlayedScenario } from '../renderer/src/core/records/outcome';
import { playedScenarioOf } from '../renderer/src/core/records/outcome';
import { PROGRESS_FILE_EXTENSION } from '../renderer/src/core/records/progress-file';
import type { RegradeReport, Regrader } from '../renderer/src/core/records/regrade';
import { createRegrader } from '../renderer/src/core/records/regrade';
import { APP_VERSION } from './lib/app-version';
import { demoFiles } from './lib/demo-cohort';
import { CliInputError, loadPackOrExplain } from './lib/load-pack';
import { academyKeyCommand, badgeCommand } from './lib/records-badges';
import type { RecordsCommand } from './lib/records-command';
import { exportCommand } from './lib/records-export';
import { RecordsUsageError } from './lib/records-command';
import { syncCommand } from './lib/records-sync';
import { checkProgressFile, progressFilesOf } from './lib/progress-file-check';

const DEFAULT_PACK = 'scenarios/core-library';

const usageError = (message: string): never => {
  throw new RecordsUsageError(message);
};

/** Thrown for --help: the usage goes to standard output and the command ends with 0. */
class HelpRequested extends Error {}

function parseOptions<const T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError((error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested();
  return parsed;
}

function loadPacks(targets: readonly string[]): Pack[] {
  return targets.map((target) => {
    try {
      return loadPackOrExplain(target);
    } catch (error) {
      if (error instanceof CliInputError) usageError(error.message);
      throw error;
    }
  });
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const fingerprint = (publicKey: string) => publicKey.slice(0, 20).match(/.{4}/g)!.join(' ');

// ---------------------------------------------------------------------------------------------
// verify

function regradeLine(report: RegradeReport): string[] {
  const where = `${report.packId}/${report.scenarioId} (attempt ${report.uid})`;
  return report.flags.map((flag) => {
    switch (flag.kind) {
      case 'grade-edited':
        return `${where}: the stored grade of ${flag.publicationId} (${flag.stored.passed ? 'passed' : 'failed'}) is not the grader's (${flag.regraded.passed ? 'passed' : 'failed'})`;
      case 'outcome-edited':
        return `${where}: the stored ${flag.where === 'summary' ? 'result' : flag.where === 'detail' ? 'debrief result' : 'task results'} (${flag.stored.passed ? 'passed' : 'failed'}, ${flag.stored.average ?? '–'}) are not what its drafts give (${flag.recomputed.passed ? 'passed' : 'failed'}, ${flag.recomputed.average ?? '–'})`;
      case 'scenario-differs':
        return `${where}: its scenario differs from the given pack's with the same content hash (${flag.parts.join(', ')})`;
      case 'not-regradable':
        return `${where}: could not be graded again (${flag.reason})`;
    }
  });
}

function verifyFile(file: string, regrader: Regrader, installed: ReadonlyMap<string, PlayedScenario>): { ok: boolean; lines: string[] } {
  const checked = checkProgressFile(file, regrader, { installed });
  if (!checked.ok) return { ok: false, lines: [checked.why] };
  const { verified, reports, flagged } = checked;
  const { trainee } = verified;
  const identity = [trainee.academyId ?? 'no academy ID', trainee.email ?? 'no e-mail'].join(', ');
  const passed = verified.outcomes.filter((outcome) => outcome.summary.passed).length;
  const scenarios = new Set(verified.outcomes.map((outcome) => `${outcome.summary.packId}/${outcome.summary.scenarioId}`)).size;
  if (flagged.length > 0) {
    return {
      ok: false,
      lines: [
        `${trainee.name} (${identity}): ${flagged.length} of ${reports.length} attempts were changed after they were graded. Do not import it; ask the trainee about it.`,
        ...flagged.flatMap(regradeLine).map((line) => `  ${line}`),
      ],
    };
  }
  const notCompared = reports.filter((report) => report.verdict === 'not-compared');
  return {
    ok: true,
    lines: [
      `${trainee.name} (${identity}): ${plural(verified.outcomes.length, 'attempt')} (${passed} passed) of ${plural(scenarios, 'scenario')}, saved ${new Date(verified.exportedAt).toISOString().slice(0, 10)} by Attaché ${verified.appVersion}; signed by device ${fingerprint(verified.deviceKey)}; ${reports.length - notCompared.length} graded again, as played`,
      ...notCompared.map(
        (report) =>
          `  note: ${report.packId}/${report.scenarioId} (attempt ${report.uid}): ${
            report.notCompared?.kind === 'grader-version'
              ? `graded by grader ${report.notCompared.recorded}, this app has ${report.notCompared.current}: not compared`
              : 'its pack had changed before it became a record: not compared'
          }`,
      ),
    ],
  };
}

const VERIFY_USAGE = `usage: npm run records -- verify <file.${PROGRESS_FILE_EXTENSION}|folder>… [--pack <folder|archive>]…
  Checks each progress file: its signature, every record's SHA-256, every record's shape, and grades
  every draft again. With --pack, each scenario played from that pack's content is also compared with it.
  Prints the trainee and counts for each good file; exit 1 naming each bad file and why.`;

const verify: RecordsCommand = {
  summary: 'check progress files (signature, integrity, edited grades)',
  usage: VERIFY_USAGE,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { pack: { type: 'string', multiple: true } });
    if (positionals.length === 0) usageError('name at least one progress file or folder');
    const packs = loadPacks(values.pack ?? []);
    const installed = new Map<string, PlayedScenario>();
    for (const pack of packs) for (const scenario of pack.scenarios) installed.set(playedScenarioOf(pack, scenario).key, playedScenarioOf(pack, scenario));
    const regrader = createRegrader({ graderVersion: GRADER_VERSION });
    const files = progressFilesOf(positionals);
    let bad = 0;
    for (const file of files) {
      const { ok, lines } = verifyFile(file, regrader, installed);
      if (ok) console.log(`✓ ${file}: ${lines.join('\n')}`);
      else {
        bad += 1;
        console.error(`✗ ${file}: ${lines.join('\n')}`);
      }
    }
    console.log(`${files.length} ${files.length === 1 ? 'file' : 'files'}: ${files.length - bad} good, ${bad} bad`);
    return bad > 0 ? 1 : 0;
  },
};

// ---------------------------------------------------------------------------------------------
// demo

const DEMO_USAGE = `usage: npm run records -- demo --trainees <n> --seed <s> --out <folder> [--pack <folder|archive>]…
  Writes one signed progress file per trainee of a seeded sample cohort that plays the packs' courses
  (default: the built-in library) through the engine: strong trainees with the model answers, weak ones
  with poor drafts, most with a mix; some complete every course, some none. The same seed gives the
  same files. The folder must not hold progress files already.`;

const demo: RecordsCommand = {
  summary: 'write a seeded sample cohort of signed progress files',
  usage: DEMO_USAGE,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      trainees: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      pack: { type: 'string', multiple: true },
    });
    if (positionals.length > 0) usageError(`unexpected argument "${positionals[0]}"`);
    const trainees = values.trainees === undefined ? usageError('--trainees is required') : values.trainees;
    if (!/^\d{1,4}$/.test(trainees) || Number(trainees) < 1 || Number(trainees) > 5000)
      usageError(`--trainees takes a whole number from 1 to 5000, not "${trainees}"`);
    const seed = values.seed === undefined ? usageError('--seed is required') : values.seed;
    if (!/^\d{1,10}$/.test(seed) || Number(seed) > 0xffffffff) usageError(`--seed takes a whole number from 0 to 4294967295, not "${seed}"`);
    const out = values.out ?? usageError('--out is required');
    if (existsSync(out)) {
      if (!statSync(out).isDirectory()) usageError(`${out} is a file, not a folder`);
      if (readdirSync(out).some((name) => name.endsWith(`.${PROGRESS_FILE_EXTENSION}`)))
        usageError(`${out} already holds progress files; choose an empty folder`);
    }
    const packs = loadPacks(values.pack?.length ? values.pack : [DEFAULT_PACK]);

    const files = await demoFiles({ trainees: Number(trainees), seed: Number(seed), packs, appVersion: APP_VERSION });
    mkdirSync(out, { recursive: true });
    for (const file of files) writeFileSync(path.join(out, file.fileName), file.bytes);

    const courses = packs.flatMap((pack) => pack.courses.map((course) => ({ pack, course })));
    const completed = files.map(
      ({ member }) =>
        courses.filter(
          ({ pack, course }) =>
            courseProgress(
              course,
              pack.manifest.id,
              member.content.outcomes.map((outcome) => outcome.summary),
            ).completed,
        ).length,
    );
    const attempts = files.reduce((sum, { member }) => sum + member.content.outcomes.length, 0);
    const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
    const everyCourse = completed.filter((count) => count === courses.length).length;
    console.log(
      `Wrote ${files.length} progress ${files.length === 1 ? 'file' : 'files'} (${attempts} attempts, ${(bytes / 1024 / 1024).toFixed(1)} MiB) to ${out}: ` +
        `${everyCourse} ${everyCourse === 1 ? 'trainee' : 'trainees'} completed every course (${courses.length}), ` +
        `${completed.filter((count) => count === 0).length} none.`,
    );
    return 0;
  },
};

// ---------------------------------------------------------------------------------------------

/** Every subcommand, by name; `export` (Moodle CSV/XML, CSV, JSON) is a module of its own. */
const COMMANDS: Record<string, RecordsCommand> = {
  verify,
  demo,
  export: exportCommand,
  'academy-key': academyKeyCommand,
  badge: badgeCommand,
  sync: syncCommand,
};

const HELP = `usage: npm run records -- <command> …
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}
  npm run records -- <command> --help  shows a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? console.error : console.log)(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`records: no command "${name}"\n${HELP}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(command.usage);
      return 0;
    }
    if (error instanceof RecordsUsageError) {
      console.error(`records ${name}: ${error.message}\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));

// Runtime: Node (CLI). `npm run grade -- --pack <p> --scenario <id> --task <id> [--text …|--file …]`:
// grades one draft (from --text, --file or standard input) and prints the draft with the spans
// that cost points marked, the findings and the scores; --json prints the Grade itself.
// Exit 0 graded, 2 bad input.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { createGradingContext, grade, GradingContextError } from '../renderer/src/core/grading/grade';
import type { Grade } from '../renderer/src/core/grading/types';
import { scenarioLanguages } from '../renderer/src/core/pack/summary';
import { cliFailure, parseCommandLine } from './lib/cli';
import { CliInputError, loadPackOrExplain } from './lib/load-pack';
import { render, setCliLanguage } from './lib/messages';
import { formatReport } from './lib/report';

const USAGE = `usage: npm run grade -- --pack <folder|archive> --scenario <id> --task <id> [--text "…" | --file <path>] [--language <code>] [--json]
  The draft comes from --text, --file, or standard input.
  --language   the language the scenario is played in (default: its first language)
  --json       print the Grade as JSON`;

// Declared with its type: a call then ends the control flow for the compiler too.
const fail: (message: string) => never = cliFailure('grade', USAGE);

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) fail('no draft: give --text, --file, or pipe it in');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const options = parseCommandLine(
  {
    pack: { type: 'string' },
    scenario: { type: 'string' },
    task: { type: 'string' },
    text: { type: 'string' },
    file: { type: 'string' },
    language: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  USAGE,
  fail,
);
for (const required of ['pack', 'scenario', 'task'] as const) if (!options[required]) fail(`--${required} is required`);
if (options.text !== undefined && options.file !== undefined) fail('give --text or --file, not both');

let pack;
try {
  pack = loadPackOrExplain(options.pack!);
} catch (error) {
  if (error instanceof CliInputError) fail(error.message);
  throw error;
}
const scenario = pack.scenarios.find((s) => s.id === options.scenario);
if (!scenario) fail(`no scenario "${options.scenario}" in ${options.pack}; it has: ${pack.scenarios.map((s) => s.id).join(', ')}`);
const task = scenario.tasks.find((t) => t.id === options.task);
if (!task) fail(`no task "${options.task}" in ${scenario.id}; it has: ${scenario.tasks.map((t) => t.id).join(', ')}`);
const languages = scenarioLanguages(pack, scenario);
const playLanguage = options.language ?? languages[0]!;
if (!languages.includes(playLanguage)) fail(`${scenario.id} is played in ${languages.join(', ')}, not "${playLanguage}"`);

let text: string;
if (options.text !== undefined) text = options.text;
else if (options.file !== undefined) {
  try {
    text = readFileSync(options.file, 'utf8');
  } catch {
    fail(`cannot read ${options.file}`);
  }
} else text = await readStdin();
text = text.replace(/\r\n/g, '\n').replace(/\n$/, '');

let result: Grade;
try {
  result = grade(text, createGradingContext({ scenario, task, playLanguage, pack: pack.manifest }));
} catch (error) {
  if (error instanceof GradingContextError) fail(error.message);
  throw error;
}
if (options.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  await setCliLanguage(playLanguage);
  console.log(formatReport(text, result, render, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
}

// Runtime: Node (CLI). `npm run play -- --pack <p> --scenario <id> [--script answers.yaml]
// [--language xx] [--seed N] [--json]`: plays a scenario headlessly — the scripted actions at their simulated
// times, or, without a script, the pack's model answers as each task opens — and prints the
// timeline and the outcome. Exit 0 played, 2 bad input.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { replay, step } from '../renderer/src/core/engine/attempt';
import type { EngineEvent } from '../renderer/src/core/engine/machine';
import { createScenarioMachine } from '../renderer/src/core/engine/machine';
import { modelAnswerFor, scenarioOutcome } from '../renderer/src/core/engine/outcome';
import type { ScenarioOutcome } from '../renderer/src/core/engine/outcome';
import { summarizeAt } from '../renderer/src/core/engine/audience';
import { autoplay } from '../renderer/src/core/engine/autoplay';
import type { MonitoringFacts } from '../renderer/src/core/engine/monitoring';
import { referenceMonitoring } from '../renderer/src/core/engine/reference-monitoring';
import { formatDiagnostic } from '../renderer/src/core/pack/diagnostics';
import type { Scenario } from '../renderer/src/core/pack/schema';
import { formatOffset, offsetMinutes } from '../renderer/src/core/pack/schema';
import { scenarioLanguages } from '../renderer/src/core/pack/summary';
import { cliFailure, parseCommandLine } from './lib/cli';
import { CliInputError, loadPackOrExplain } from './lib/load-pack';
import { parsePlayScript } from './lib/play-script';
import { render, setCliLanguage } from './lib/messages';
import type { PlayScript } from './lib/play-script';

const USAGE = `usage: npm run play -- --pack <folder|archive> --scenario <id> [--script <answers.yaml>] [--language <code>] [--seed <n>] [--json]
  Without --script, the pack's model answers are published as each task opens.
  The seed (default 1) draws the audience's reactions: the same seed and script give the same feed.`;

// Declared with its type: a call then ends the control flow for the compiler too.
const fail: (message: string) => never = cliFailure('play', USAGE);

const options = parseCommandLine(
  {
    pack: { type: 'string' },
    scenario: { type: 'string' },
    script: { type: 'string' },
    language: { type: 'string' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
  USAGE,
  fail,
);
if (!options.pack) fail('--pack is required');
if (!options.scenario) fail('--scenario is required');
if (!/^\d{1,10}$/.test(options.seed) || Number(options.seed) > 0xffffffff) fail(`--seed takes a whole number from 0 to 4294967295, not "${options.seed}"`);
const seed = Number(options.seed);

let pack;
try {
  pack = loadPackOrExplain(options.pack);
} catch (error) {
  if (error instanceof CliInputError) fail(error.message);
  throw error;
}
const found = pack.scenarios.find((s) => s.id === options.scenario);
if (!found) fail(`no scenario "${options.scenario}" in ${options.pack}; it has: ${pack.scenarios.map((s) => s.id).join(', ')}`);
const scenario: Scenario = found;

let script: PlayScript | null = null;
if (options.script) {
  let text: string;
  try {
    text = readFileSync(options.script, 'utf8');
  } catch {
    fail(`cannot read ${options.script}`);
  }
  const parsed = parsePlayScript(options.script, text);
  if (!parsed.script) fail(`the script has errors:\n  ${parsed.diagnostics.map(formatDiagnostic).join('\n  ')}`);
  script = parsed.script;
}
const languages = scenarioLanguages(pack, scenario);
const language = options.language ?? script?.language ?? languages[0]!;
if (!languages.includes(language)) fail(`${scenario.id} is played in ${languages.join(', ')}, not "${language}"`);

if (script) {
  for (const action of script.actions) {
    if ('task' in action && !scenario.tasks.some((t) => t.id === action.task))
      fail(`${options.script}: no task "${action.task}" in ${scenario.id}; it has: ${scenario.tasks.map((t) => t.id).join(', ')}`);
    if ('clear' in action && !scenario.tasks.some((t) => t.id === action.clear))
      fail(`${options.script}: no task "${action.clear}" in ${scenario.id}; it has: ${scenario.tasks.map((t) => t.id).join(', ')}`);
    if ('account' in action && !scenario.accounts.some((a) => a.id === action.account))
      fail(`${options.script}: no account "${action.account}" in ${scenario.id}`);
  }
}

const input = { scenario, playLanguage: language, manifest: pack.manifest, seed };
const machine = createScenarioMachine(input);
const events: EngineEvent[] = [{ type: 'START' }];
let snapshot = replay(machine, events);
const send = (event: EngineEvent) => {
  events.push(event);
  snapshot = step(machine, snapshot, event);
  return snapshot.context.refused;
};
const refusals: string[] = [];
// `send` replaces the snapshot, which type narrowing cannot follow: ask afresh each time.
const over = () => snapshot.status === 'done';

if (script) {
  for (const action of script.actions) {
    if (over()) break;
    const at = offsetMinutes(action.at);
    if (at > snapshot.context.timeline.time) send({ type: 'CLOCK.TICK', minutes: at - snapshot.context.timeline.time });
    if (over()) break;
    let refused: string | null;
    if ('finish' in action) refused = send({ type: 'FINISH' });
    else if ('clear' in action) {
      const task = scenario.tasks.find((t) => t.id === action.clear)!;
      refused = send({
        type: 'CLEARANCE.REQUEST',
        draft: { accountId: task.account, kind: task.kind, text: action.text, taskId: task.id, replyTo: task.replyTo ?? null },
      });
    } else if ('moderate' in action) refused = send({ type: 'MODERATE', commentId: action.moderate, action: action.action });
    else if ('task' in action) {
      const task = scenario.tasks.find((t) => t.id === action.task)!;
      refused = send({
        type: 'PUBLISH',
        draft: { accountId: task.account, kind: task.kind, text: action.text, taskId: task.id, replyTo: task.replyTo ?? null },
      });
    } else
      refused = send({
        type: 'PUBLISH',
        draft: { accountId: action.account, kind: action.kind, text: action.text, taskId: null, replyTo: action.replyTo ?? null },
      });
    if (refused) refusals.push(`${action.at}: ${refused}`);
  }
  if (!over()) send({ type: 'CLOCK.TICK', minutes: offsetMinutes(scenario.duration) });
} else {
  const played = autoplay(input, (task) => modelAnswerFor(scenario, task, language));
  events.splice(0, events.length, ...played.events);
  snapshot = played.snapshot;
  for (const refusal of played.refusals) refusals.push(`${formatOffset(refusal.at)}: ${refusal.reason}`);
}

const timeline = snapshot.context.timeline;
const outcome: ScenarioOutcome = scenarioOutcome(input, timeline);
const audience = Object.fromEntries(Object.entries(timeline.reactions).map(([id, plan]) => [id, summarizeAt(plan, timeline.time)]));
if (options.json) {
  console.log(JSON.stringify({ scenario: scenario.id, language, seed, events, refusals, outcome, audience }, null, 2));
  process.exit(0);
}

/** The facts a report is graded against, in one line. */
function describeMonitoring(facts: MonitoringFacts): string {
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .filter(([, count]) => count > 0)
      .map(([key, count]) => `${key} ${count}`)
      .join(', ') || 'none';
  const shared = facts.mostShared
    ? `${facts.mostShared.id} by ${facts.mostShared.author ? `${facts.mostShared.author.name} (@${facts.mostShared.author.handle})` : (facts.mostShared.personaId ?? facts.mostShared.accountId)}, ${facts.mostShared.shares} shares`
    : 'nothing shared';
  return `facts at ${formatOffset(facts.at)}: ${facts.replies} replies (${counts(facts.byAccount)}); moods: ${counts(facts.byMood)}; busiest: ${facts.busiest.join(', ') || 'none'}; dominant mood: ${facts.dominantMoods.join(', ') || 'none'}; most shared: ${shared}`;
}

const text = (localized: Record<string, string>) => localized[language] ?? Object.values(localized)[0] ?? '';
// Headquarters' comments are the grader's messages, worded as the app words them in the language played.
await setCliLanguage(language);
const short = (value: string) => (value.length > 90 ? `${value.slice(0, 89).replace(/\s+/g, ' ')}…` : value.replace(/\s+/g, ' '));
console.log(`${text(scenario.title)} — ${scenario.id}, played in ${language}${script ? ` from ${options.script}` : ' with the model answers'}, seed ${seed}\n`);
const feed = new Map(timeline.feed.map((item) => [item.id, item]));
for (const entry of outcome.timeline) {
  const at = formatOffset(entry.at).padStart(5);
  if (entry.type === 'inject') {
    const item = feed.get(entry.id);
    console.log(
      `${at}  ${entry.injectType.padEnd(15)} ${entry.personaId} → ${entry.accountId}: ${item?.source === 'inject' ? short(text(item.inject.text)) : ''}`,
    );
  } else if (entry.type === 'publication') {
    const item = feed.get(entry.id);
    const scores =
      item?.source === 'trainee'
        ? `tone ${item.grade.axes.tone.score}, policy ${item.grade.axes.policy.score}, platform ${item.grade.axes.platform.score}`
        : '';
    console.log(`${at}  ${'published'.padEnd(15)} ${entry.taskId ?? '(no task)'} on ${entry.accountId}: ${scores} → ${entry.passed ? 'passed' : 'failed'}`);
    // A report is graded against what the simulation knew when it was sent: show it beside the report.
    if (item?.source === 'trainee' && item.monitoring) console.log(`${''.padStart(5)}  ${''.padEnd(15)} ${describeMonitoring(item.monitoring)}`);
    const totals = audience[entry.id];
    if (totals && item?.source === 'trainee' && item.kind !== 'report')
      console.log(
        `${''.padStart(5)}  ${''.padEnd(15)} reached ${totals.reach}, ${totals.likes} likes, ${totals.shares} shares, ${totals.replies} replies by ${formatOffset(timeline.time)}`,
      );
  } else if (entry.type === 'reply') {
    const item = feed.get(entry.id);
    console.log(
      `${at}  ${`reply (${entry.mood})`.padEnd(15)} ${entry.personaId ?? (item?.source === 'audience' && item.author ? `@${item.author.handle}` : 'someone')} → ${entry.replyTo}: ${item?.source === 'audience' ? short(item.text) : ''}`,
    );
  } else if (entry.type === 'clearance-request') {
    const request = timeline.clearances.find((candidate) => candidate.id === entry.requestId);
    console.log(`${at}  ${'for clearance'.padEnd(15)} ${entry.taskId ?? '(no task)'} on ${entry.accountId}: ${request ? short(request.draft.text) : ''}`);
  } else if (entry.type === 'clearance-answer') {
    const request = timeline.clearances.find((candidate) => candidate.id === entry.requestId);
    console.log(
      `${at}  ${entry.verdict.padEnd(15)} ${entry.taskId ?? '(no task)'} by ${scenario.clearance?.reviewer ?? 'headquarters'}${request?.remark ? `: "${request.remark}"` : ''}`,
    );
    for (const comment of request?.comments ?? []) console.log(`${''.padStart(5)}  ${''.padEnd(15)} – ${short(render(comment))}`);
  } else if (entry.type === 'moderation') {
    const item = feed.get(entry.commentId);
    const nature = item?.source === 'live-comment' ? ` (${item.nature})` : '';
    console.log(`${at}  ${entry.action.padEnd(15)} ${entry.commentId}${nature} under ${entry.streamId}`);
  } else if (entry.type === 'task-missed') console.log(`${at}  ${'missed'.padEnd(15)} ${entry.taskId}: the deadline passed`);
  else if (entry.type === 'branch') console.log(`${at}  ${'branch'.padEnd(15)} ${entry.branchId}`);
  else console.log(`${at}  ${'end'.padEnd(15)} ${entry.reason}`);
}
for (const refusal of refusals) console.log(`refused  ${refusal}`);
// Each report task: the facts of the reference play, which its model answer and calibration drafts
// are graded against, for the scenario writer to state in the model answer.
for (const task of scenario.tasks.filter((candidate) => candidate.kind === 'report')) {
  const facts = referenceMonitoring(input, task.id);
  const asks = (task.report?.asks ?? ['replies', 'moods', 'accounts', 'most-shared']).join(', ');
  console.log(
    facts
      ? `\nReport ${task.id} opens at ${formatOffset(facts.at)}; it asks for ${asks}. What headquarters can check (reference play: model answers, seed 1):\n  ${describeMonitoring(facts)}`
      : `\nReport ${task.id} does not open in the reference play (model answers, seed 1): its facts cannot be known.`,
  );
}
// Each live stream: its comments as they came, what they were, and what was done to them.
for (const stream of outcome.moderation) {
  console.log(
    `\nLive stream ${stream.streamId} on ${stream.accountId}, ${formatOffset(stream.startedAt)}–${formatOffset(stream.endsAt)}${stream.taskId ? `, moderated for ${stream.taskId}` : ''}:`,
  );
  for (const comment of stream.comments) {
    const who = comment.personaId ?? (comment.author ? `@${comment.author.handle}` : 'someone');
    const done = comment.actions.map((entry) => `${entry.action} ${formatOffset(entry.at)}`).join(', ') || 'left up';
    const verdict = (comment.expected === 'hide') === comment.actions.some((entry) => entry.action === 'hide') ? '' : `  ← expected: ${comment.expected}`;
    console.log(`${formatOffset(comment.at).padStart(8)}  ${comment.nature.padEnd(10)} ${who}: ${short(text(comment.text))} — ${done}${verdict}`);
  }
}
console.log(
  `\nOutcome: ${outcome.passed ? 'PASSED' : 'FAILED'} — tone ${outcome.scores.tone}, policy ${outcome.scores.policy}, platform ${outcome.scores.platform} (average ${outcome.average}; rule: ${scenario.passRule.rule === 'all-passed' ? 'every task passed' : `average ≥ ${scenario.passRule.min}`})`,
);
for (const task of outcome.tasks) {
  const timing = task.spareMinutes === null ? '' : `, ${task.spareMinutes} min to spare`;
  // A task the story never reached had nothing to clear.
  const clearance =
    task.clearance?.required && task.result !== 'not-reached'
      ? `, ${task.clearance.cleared ? 'cleared' : 'not cleared'} by headquarters (round trips: ${task.clearance.roundTrips}, ${task.clearance.waitedMinutes} min waiting)`
      : '';
  console.log(`  ${task.taskId.padEnd(28)} ${task.result}${timing}${clearance}`);
}
if (outcome.targets.length > 0) {
  console.log('\nTargets (shown beside the grade, never part of it):');
  for (const target of outcome.targets) {
    const verdict = target.met
      ? `met at ${formatOffset(target.reachedAt!)}`
      : target.reachedAt === null
        ? 'not met'
        : `not met: reached late, at ${formatOffset(target.reachedAt)}`;
    const end = target.series.at(-1)!;
    const final = end.at > target.by ? `; ${end.value} at ${formatOffset(end.at)}` : '';
    console.log(
      `  ${`${target.accountId} ${target.metric}`.padEnd(28)} ${target.achieved} of ${target.value} by ${formatOffset(target.by)} — ${verdict}${final}`,
    );
  }
}
console.log('\nTeaching points:');
for (const point of outcome.debrief.teachingPoints) console.log(`  • ${short(text(point))}`);

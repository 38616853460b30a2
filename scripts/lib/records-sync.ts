// Runtime: Node (scripts). `npm run records -- sync`: progress files straight to the academy's LRS,
// without the app. Each file is verified as `records -- verify` does it (signature, hashes, shapes,
// every draft graded again; a refused file sends nothing); the statements are built by the same core
// builders as the app's outbox (so, for the same settings, the same ids and the same bytes) and sent
// in batches under the same response policy (core/records/lrs-sync.ts) through Node's fetch, with a
// timeout on every request. Exit 0 when every statement is on the LRS; 1 when any is dead, refused,
// waiting for an academy ID or e-mail, or unsent; 2 bad usage.
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { LrsPostRequest, LrsReply } from '../../electron/contract/api';
import type { IdentityField } from '../../renderer/src/core/academy';
import { GRADER_VERSION } from '../../renderer/src/core/grading/version';
import type { Pack } from '../../renderer/src/core/pack/load';
import { sameContent } from '../../renderer/src/core/records/canonical';
import { decide, initialSyncState, nextBatch, skipSplit, SYNC_LIMITS, type DeadKind } from '../../renderer/src/core/records/lrs-sync';
import type { FrozenOutcome, PlayedScenario } from '../../renderer/src/core/records/outcome';
import { courseProgress } from '../../renderer/src/core/records/progress';
import { PROGRESS_FILE_EXTENSION, type ProgressTrainee } from '../../renderer/src/core/records/progress-file';
import { createRegrader } from '../../renderer/src/core/records/regrade';
import {
  attemptStatements,
  courseSatisfiedStatement,
  statementActor,
  type BuiltStatement,
  type StatementSettings,
  type StatementsBlocker,
} from '../../renderer/src/core/records/xapi';
import { CliInputError, loadPackOrExplain } from './load-pack';
import { checkProgressFile, progressFilesOf } from './progress-file-check';
import { RecordsUsageError, type RecordsCommand } from './records-command';
import { basicAuth, fetchTransport, queryStatements } from './xapi-http';

/** The built-in library, whose courses always count. */
const BUILTIN_PACK = 'scenarios/core-library';

export const SYNC_USAGE = `usage: npm run records -- sync --lrs URL --key K --secret S|--secret-env VAR [--academy-iri IRI] [--identity academyId|email] [--include-draft-text] [--pack DIR|ARCHIVE]… [--timeout SECONDS] [--retries N] FILE|FOLDER…
  FILE…                progress files (.${PROGRESS_FILE_EXTENSION}) or folders of them; each is verified as
                       \`records -- verify\` does, and a refused one sends nothing
  --lrs URL            the LRS's xAPI endpoint (statements go to URL/statements), e.g. http://127.0.0.1:18081/xAPI/
  --key, --secret      the key and secret the LRS gave the academy (HTTP Basic auth)
  --secret-env VAR     read the secret from this environment variable instead (kept out of the process list)
  --academy-iri IRI    the academy's IRI as set in the app (Settings → Academy): the actor's home page and
                       the base of the activity ids (default: the LRS's origin; give the app's to get the
                       app's statements byte for byte)
  --identity           which of the trainee's details names them to the LRS (default academyId)
  --include-draft-text send each draft's text (the academy's opt-in); otherwise its length only
  --pack               a pack whose courses count besides the built-in library (repeatable)
  --timeout SECONDS    how long one request may take (default 30)
  --retries N          failures in a row (no answer, 429, 5xx) before giving up (default 6)
Sends in batches of up to ${SYNC_LIMITS.batchSize}: 409 and 400 are narrowed down to the statement and reported,
413 halves the batch, 401/403 stop, 429/5xx/no answer wait with back-off and Retry-After.
Exit 0 every statement is on the LRS; 1 any is dead, waiting for an identity, or not sent, or a file was refused; 2 bad usage.`;

const usageError = (message: string): never => {
  throw new RecordsUsageError(message);
};

/** An academy's records gathered from progress files: trainees by uid, outcomes by uid, scenarios by key. */
export interface GatheredRecords {
  trainees: Map<string, ProgressTrainee>;
  outcomes: FrozenOutcome[];
  played: Map<string, PlayedScenario>;
  /** Each refused file or attempt, with why. */
  refused: string[];
}

/**
 * Reads and verifies each file (signature, hashes, shapes, drafts graded again), then merges their
 * records by uid as the academy's import does: the latest file's name, academy ID and e-mail win; an
 * attempt two files hold differently is refused.
 */
export function gatherRecords(paths: readonly string[], read?: (file: string) => Uint8Array): GatheredRecords {
  const regrader = createRegrader({ graderVersion: GRADER_VERSION });
  const records: GatheredRecords = { trainees: new Map(), outcomes: [], played: new Map(), refused: [] };
  const files = [];
  for (const file of paths) {
    const checked = checkProgressFile(file, regrader, read ? { read } : {});
    if (!checked.ok) {
      records.refused.push(`${file}: ${checked.why}`);
      continue;
    }
    const { verified, flagged } = checked;
    if (flagged.length > 0) {
      records.refused.push(
        `${file}: ${flagged.length} of ${verified.outcomes.length} attempts were changed after they were graded (npm run records -- verify ${file} says which). Nothing of it is sent; ask the trainee about it.`,
      );
      continue;
    }
    files.push({ file, verified });
  }
  const outcomes = new Map<string, { frozen: FrozenOutcome; file: string }>();
  for (const { file, verified } of files.sort((a, b) => a.verified.exportedAt - b.verified.exportedAt)) {
    records.trainees.set(verified.trainee.uid, verified.trainee);
    for (const scenario of verified.played) records.played.set(scenario.key, scenario);
    for (const frozen of verified.outcomes) {
      const seen = outcomes.get(frozen.summary.uid);
      if (!seen) outcomes.set(frozen.summary.uid, { frozen, file });
      else if (!sameContent(seen.frozen, frozen)) {
        records.refused.push(
          `${file}: attempt ${frozen.summary.uid} differs from the one in ${seen.file}; import both in the app to see the difference and keep one.`,
        );
      }
    }
  }
  records.outcomes = [...outcomes.values()].map(({ frozen }) => frozen);
  return records;
}

/** A statement to send, with whom and what it tells of. */
export interface StatementToSend extends BuiltStatement {
  traineeUid: string;
  outcomeUid: string | null;
}

export interface BuiltStatements {
  statements: StatementToSend[];
  /** Attempts whose statements cannot be built, by what is missing, and the trainees they belong to. */
  waiting: Map<StatementsBlocker, { attempts: number; trainees: Set<string> }>;
}

/**
 * The statements of every attempt and every course met, built by the same core functions and from the
 * same records as the app's outbox (records/statements.ts): per trainee, the attempts in the order
 * they started, then the courses of the packs whose completion rule they meet.
 */
export function buildStatements(records: GatheredRecords, settings: StatementSettings, packs: readonly Pack[]): BuiltStatements {
  const built: BuiltStatements = { statements: [], waiting: new Map() };
  const byTrainee = new Map<string, FrozenOutcome[]>();
  for (const frozen of records.outcomes) byTrainee.set(frozen.summary.traineeUid, [...(byTrainee.get(frozen.summary.traineeUid) ?? []), frozen]);
  const trainees = [...records.trainees.values()].sort((a, b) => a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid));
  for (const trainee of trainees) {
    const outcomes = (byTrainee.get(trainee.uid) ?? []).sort((a, b) => a.summary.startedAt - b.summary.startedAt || a.summary.uid.localeCompare(b.summary.uid));
    if (outcomes.length === 0) continue;
    const actor = statementActor(settings, trainee);
    if (!actor.ok) {
      const waiting = built.waiting.get(actor.blocker) ?? { attempts: 0, trainees: new Set<string>() };
      waiting.attempts += outcomes.length;
      waiting.trainees.add(trainee.uid);
      built.waiting.set(actor.blocker, waiting);
      continue;
    }
    for (const frozen of outcomes) {
      const played = records.played.get(frozen.summary.playedScenario)!;
      for (const statement of attemptStatements({ frozen, played, actor: actor.actor, settings }))
        built.statements.push({ ...statement, traineeUid: trainee.uid, outcomeUid: frozen.summary.uid });
    }
    const summaries = outcomes.map((frozen) => frozen.summary);
    for (const pack of packs) {
      for (const course of pack.courses) {
        const progress = courseProgress(course, pack.manifest.id, summaries);
        if (!progress.completed || progress.completedAt === null) continue;
        const statement = courseSatisfiedStatement({
          traineeUid: trainee.uid,
          packId: pack.manifest.id,
          packVersion: pack.manifest.version,
          course,
          completedAt: progress.completedAt,
          actor: actor.actor,
          settings,
        });
        built.statements.push({ ...statement, traineeUid: trainee.uid, outcomeUid: null });
      }
    }
  }
  return built;
}

export interface DeadStatement {
  statement: StatementToSend;
  kind: DeadKind;
  status: number;
  reply: string;
}

export interface SendSummary {
  sent: number;
  dead: DeadStatement[];
  /** Statements not sent: the LRS paused the sync or kept failing. */
  unsent: number;
  /** Why the sync stopped before the end, if it did. */
  stopped: { status: number | null; message: string; reason: 'credentials' | 'endpoint' | 'gave-up' | 'not-configured' } | null;
}

export interface SendOptions {
  now: () => number;
  random: () => number;
  /** Waits the back-off's delay (a test passes one that returns at once). */
  sleep: (ms: number) => Promise<void>;
  /** Failures in a row (no answer, 408, 429, 5xx) before giving up. */
  maxFailures: number;
  batchSize?: number;
  onBatch?: (progress: { done: number; total: number }) => void;
  onWait?: (wait: { delayMs: number; status: number | null; message: string }) => void;
}

/** Sends statements in order under the sync's policy until each is sent or dead, or the LRS stops it. */
export async function sendStatements(
  statements: readonly StatementToSend[],
  transport: { postStatements(request: LrsPostRequest): Promise<LrsReply> },
  options: SendOptions,
): Promise<SendSummary> {
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  const pending = new Set(byId.keys());
  const order = [...byId.keys()];
  let cursor = 0;
  let policy = initialSyncState(options.batchSize);
  const summary: SendSummary = { sent: 0, dead: [], unsent: 0, stopped: null };
  const finish = (stopped: SendSummary['stopped']) => ({ ...summary, unsent: pending.size, stopped });
  for (;;) {
    const next = nextBatch(policy);
    let batch: string[];
    if (next.kind === 'split') {
      batch = next.ids.filter((id) => pending.has(id));
      if (batch.length === 0) {
        policy = skipSplit(policy);
        continue;
      }
    } else {
      while (cursor < order.length && !pending.has(order[cursor]!)) cursor += 1;
      batch = [];
      for (let index = cursor; index < order.length && batch.length < next.limit; index += 1) if (pending.has(order[index]!)) batch.push(order[index]!);
      if (batch.length === 0) return finish(null);
    }
    const reply = await transport.postStatements({ statements: batch.map((id) => byId.get(id)!.json) });
    if (reply.kind === 'not-configured' || reply.kind === 'unsupported') {
      return finish({ status: null, message: 'no LRS to send to', reason: 'not-configured' });
    }
    const decision = decide(policy, batch, reply, { now: options.now(), random: options.random() });
    policy = decision.state;
    const { action } = decision;
    switch (action.kind) {
      case 'sent':
        for (const id of action.ids) pending.delete(id);
        summary.sent += action.ids.length;
        break;
      case 'dead':
        pending.delete(action.id);
        summary.dead.push({ statement: byId.get(action.id)!, ...action.problem });
        break;
      case 'split':
      case 'smaller':
        break;
      case 'pause':
        return finish({ status: action.status, message: action.message, reason: action.reason });
      case 'wait':
        if (policy.failures >= options.maxFailures) return finish({ status: action.status, message: action.message, reason: 'gave-up' });
        options.onWait?.(action);
        await options.sleep(action.delayMs);
        break;
    }
    options.onBatch?.({ done: statements.length - pending.size, total: statements.length });
  }
}

/** The ids of those statements an LRS already holds, asked by registration (one query per trainee and pack); null when it will not say. */
export async function statementsAlreadyThere(
  endpoint: string,
  auth: string,
  statements: readonly StatementToSend[],
): Promise<{ ids: Set<string> } | { ids: null; why: string }> {
  const registrations = new Set<string>();
  for (const statement of statements) {
    const registration = (JSON.parse(statement.json) as { context?: { registration?: string } }).context?.registration;
    if (registration) registrations.add(registration);
  }
  const ids = new Set<string>();
  try {
    for (const registration of registrations) for (const stored of await queryStatements(endpoint, { registration }, auth)) ids.add(stored.id);
  } catch (error) {
    return { ids: null, why: (error as Error).message };
  }
  return { ids };
}

const plural = (count: number, noun: string) => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

const BLOCKER_TEXT: Record<StatementsBlocker, string> = {
  'no-academy-iri': 'no academy IRI',
  'no-academy-id': 'no academy ID (set it in the app, or sync with --identity email)',
  'no-email': 'no e-mail (set it in the app, or sync with --identity academyId)',
};

function wholeOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/u.test(value) || Number(value) < min || Number(value) > max) usageError(`${name} takes a whole number from ${min} to ${max}, not "${value}"`);
  return Number(value);
}

export const syncCommand: RecordsCommand = {
  summary: 'send progress files’ xAPI statements to an LRS',
  usage: SYNC_USAGE,
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          lrs: { type: 'string' },
          key: { type: 'string' },
          secret: { type: 'string' },
          'secret-env': { type: 'string' },
          'academy-iri': { type: 'string' },
          identity: { type: 'string' },
          'include-draft-text': { type: 'boolean' },
          pack: { type: 'string', multiple: true },
          timeout: { type: 'string' },
          retries: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (error) {
      return usageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      console.log(SYNC_USAGE);
      return 0;
    }
    if (positionals.length === 0) usageError('name at least one progress file or folder');
    const lrs = values.lrs ?? usageError('--lrs is required');
    let endpoint: URL;
    try {
      endpoint = new URL(lrs.endsWith('/') ? lrs : `${lrs}/`);
    } catch {
      return usageError(`--lrs takes the LRS's xAPI endpoint as a URL (e.g. http://127.0.0.1:18081/xAPI/), not "${lrs}"`);
    }
    if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') usageError(`--lrs takes an http or https URL, not "${lrs}"`);
    const key = values.key ?? usageError('--key is required');
    const secretEnv = values['secret-env'];
    if (values.secret !== undefined && secretEnv !== undefined) usageError('give --secret or --secret-env, not both');
    const secret =
      secretEnv !== undefined
        ? (process.env[secretEnv] ?? usageError(`the environment variable ${secretEnv} (--secret-env) is not set`))
        : (values.secret ?? usageError('--secret is required (or --secret-env VAR to read it from the environment)'));
    const identity = values.identity ?? 'academyId';
    if (identity !== 'academyId' && identity !== 'email') usageError(`--identity takes academyId or email, not "${identity}"`);
    const academyIri = values['academy-iri'] ?? endpoint.origin;
    try {
      const iri = new URL(academyIri);
      if (!iri.protocol.startsWith('http')) throw new Error('not http');
    } catch {
      usageError(`--academy-iri takes the academy's IRI as an http(s) URL (as in the app's Settings → Academy), not "${academyIri}"`);
    }
    const timeoutSeconds = wholeOption(values.timeout, '--timeout', 30, 1, 3600);
    const retries = wholeOption(values.retries, '--retries', 6, 0, 100);
    let packs: Pack[];
    try {
      packs = [BUILTIN_PACK, ...(values.pack ?? [])].map((target) => loadPackOrExplain(target));
    } catch (error) {
      if (error instanceof CliInputError) return usageError(error.message);
      throw error;
    }
    const files = progressFilesOf(positionals);
    if (!values['academy-iri']) console.log(`No --academy-iri: using ${academyIri}. Give the app's (Settings → Academy) to send the app's statements.`);

    const records = gatherRecords(files);
    for (const refusal of records.refused) console.error(`✗ ${refusal}`);
    const settings: StatementSettings = { academyIri, identityField: identity as IdentityField, includeDraftText: values['include-draft-text'] ?? false };
    const { statements, waiting } = buildStatements(records, settings, packs);
    const waitingAttempts = [...waiting.values()].reduce((sum, entry) => sum + entry.attempts, 0);
    const told = new Set(statements.map((statement) => statement.traineeUid)).size;
    console.log(
      `${plural(files.length, 'file')} read${records.refused.length ? ` (${plural(records.refused.length, 'refusal')} above)` : ''}. Sending ${plural(statements.length, 'statement')} (${plural(records.outcomes.length - waitingAttempts, 'attempt')} of ${plural(told, 'trainee')}) to ${endpoint.href}`,
    );
    for (const [blocker, { attempts, trainees }] of waiting) {
      console.error(`✗ ${plural(attempts, 'attempt')} of ${plural(trainees.size, 'trainee')} not sent: ${BLOCKER_TEXT[blocker]}.`);
    }

    const auth = basicAuth(key, secret);
    const there = statements.length ? await statementsAlreadyThere(endpoint.href, auth, statements) : { ids: new Set<string>() };
    const transport = fetchTransport({ endpoint: endpoint.href, key, secret, timeoutMs: timeoutSeconds * 1000 });
    let shown = 0;
    const summary = await sendStatements(statements, transport, {
      now: Date.now,
      random: Math.random,
      sleep: (ms) => delay(ms),
      maxFailures: retries + 1,
      onBatch: ({ done, total }) => {
        // A line a tenth of the way or so: enough to see it move, not a wall of lines.
        if (done === total || done - shown >= Math.max(SYNC_LIMITS.batchSize, Math.ceil(total / 10))) {
          shown = done;
          console.log(`  ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} statements answered`);
        }
      },
      onWait: ({ delayMs, status, message }) =>
        console.log(`  ${status === null ? 'no answer' : `the LRS answered ${status}`} (${message}): trying again in ${(delayMs / 1000).toFixed(1)} s`),
    });

    const alreadyThere = there.ids ? statements.filter((statement) => there.ids.has(statement.id)).length : null;
    const traineeName = (uid: string) => records.trainees.get(uid)?.name ?? uid;
    for (const dead of summary.dead) {
      const { statement } = dead;
      const what = dead.kind === 'conflict' ? 'the LRS holds another statement with this id' : 'the LRS refuses it';
      console.error(
        `✗ dead: ${statement.id} (${statement.verb}, ${traineeName(statement.traineeUid)}${statement.outcomeUid ? `, attempt ${statement.outcomeUid}` : ''}): ${dead.status} ${what}: ${dead.reply.trim().slice(0, 500)}`,
      );
    }
    if (summary.stopped) {
      const why = {
        credentials: 'the LRS refuses the key and secret; check them with the LRS’s administrator',
        endpoint: 'the URL is not an LRS’s xAPI endpoint; check --lrs',
        'gave-up': `the LRS kept failing (${retries + 1} times in a row); run the same command again later`,
        'not-configured': 'no LRS',
      }[summary.stopped.reason];
      console.error(
        `✗ stopped: ${summary.stopped.status === null ? 'no answer' : `the LRS answered ${summary.stopped.status}`} (${summary.stopped.message}): ${why}.`,
      );
    }
    console.log(
      `${plural(summary.sent, 'statement')} sent (${alreadyThere === null ? `the LRS would not say which were already there: ${(there as { why: string }).why}` : `${alreadyThere.toLocaleString('en-US')} already there`}), ` +
        `${summary.dead.length.toLocaleString('en-US')} dead, ${summary.unsent.toLocaleString('en-US')} not sent` +
        `${waitingAttempts ? `; ${plural(waitingAttempts, 'attempt')} waiting for an identity` : ''}` +
        `${records.refused.length ? `; ${plural(records.refused.length, 'file or attempt')} refused` : ''}.`,
    );
    return summary.dead.length > 0 || summary.unsent > 0 || waitingAttempts > 0 || records.refused.length > 0 ? 1 : 0;
  },
};

// Runtime: Node (Vitest). The backup file: written deterministically, read back equal, and refused —
// with what is wrong and where — when it is damaged, tampered with, hostile or from a newer version;
// and the merge plan that restores it by uid.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { modelAnswer, playScenario } from '../../test/engine';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { buildArchive, writeZip } from '../pack/archive';
import { loadPack } from '../pack/load';
import type { Backup, BackupData, ExistingRows } from './backup-format';
import {
  BACKUP_LIMITS,
  BACKUP_MANIFEST_PATH,
  BackupError,
  MAX_TABLE_FILE_BYTES,
  attemptWholes,
  backupFiles,
  buildBackup,
  planRestore,
  readBackup,
  valueProblem,
  writeBackup,
} from './backup-format';
import { scenarioOutcome } from '../engine/outcome';
import { freezeOutcome, playedScenarioOf } from './outcome';
import { attemptStatements } from './xapi';

const files = readFolder(MINIMAL_PACK_DIR);
const pack = loadPack(files, { appVersion: '0.1.0' }).pack!;
const archive = buildArchive(files, { packId: pack.manifest.id, packVersion: pack.manifest.version });
const scenario = pack.scenarios[0]!;

function frozen(uid: string, traineeUid: string) {
  const { input, state } = playScenario(scenario, 'en', pack.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'), 5);
  const played = playedScenarioOf(pack, scenario);
  const outcome = freezeOutcome({
    uid,
    traineeUid,
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    packContentHash: pack.contentHash,
    playedScenario: played.key,
    playLanguage: 'en',
    seed: 5,
    startedAt: 1_000,
    finishedAt: 90_000,
    eventTimes: [1_000, 50_000, 90_000],
    outcome: scenarioOutcome(input, state),
    timeline: state,
    versions: { app: '0.1.0', grader: 'g1', machine: 2, packFormat: 1 },
    origin: 'played',
  });
  // As the database holds them: plain data, without members that are undefined.
  return JSON.parse(JSON.stringify({ outcome, played })) as { outcome: typeof outcome; played: typeof played };
}

const PROFILE = {
  uid: 'profile-anna',
  name: 'Anna Petrova',
  academyId: 'DA-7',
  email: null,
  pin: null,
  createdAt: 1,
  updatedAt: 2,
  lastUsedAt: 3,
};

/** The attempt's statements as the outbox keeps them: the first sent, the second dead with the LRS's reply, the rest pending. */
function outboxOf(outcome: ReturnType<typeof frozen>['outcome'], played: ReturnType<typeof frozen>['played']): BackupData['outbox'] {
  const settings = { academyIri: 'https://academy.example', identityField: 'academyId' as const, includeDraftText: true };
  const statements = attemptStatements({ frozen: outcome, played, actor: { homePage: settings.academyIri, name: 'DA-7' }, settings });
  return statements.map((statement, index) => ({
    ...statement,
    traineeUid: PROFILE.uid,
    outcomeUid: outcome.summary.uid,
    builtAt: 95_000,
    ...(index === 0
      ? { state: 'sent' as const, sentAt: 96_000, problem: null }
      : index === 1
        ? { state: 'dead' as const, sentAt: null, problem: { kind: 'conflict' as const, status: 409, reply: `${statement.id} is conflicting`, at: 96_000 } }
        : { state: 'pending' as const, sentAt: null, problem: null }),
  }));
}

function sampleData(): BackupData {
  const { outcome, played } = frozen('attempt-1', PROFILE.uid);
  const versions = {
    machineVersion: 2,
    packFormat: 1,
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    scenarioId: scenario.id,
    playLanguage: 'en',
    seed: 5,
  };
  const attempt = (uid: string, status: 'active' | 'finished') => ({
    uid,
    profileUid: PROFILE.uid,
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    scenarioId: scenario.id,
    playLanguage: 'en',
    seed: 5,
    status,
    startedAt: 1_000,
    updatedAt: 90_000,
    finishedAt: status === 'finished' ? 90_000 : null,
    versions,
    eventCount: 2,
    result: status === 'finished' ? { passed: true, average: 90, scores: { tone: 90, policy: 90, platform: 90 } } : null,
  });
  return {
    settings: [
      { key: 'language', value: 'ru' },
      { key: 'academyName', value: 'Diplomatic Academy' },
    ],
    profiles: [PROFILE],
    attempts: [attempt('attempt-1', 'finished'), attempt('attempt-2', 'active')],
    attemptSnapshots: [
      { attemptUid: 'attempt-1', snapshot: { state: 'done' } },
      { attemptUid: 'attempt-2', snapshot: null },
    ],
    attemptEvents: [
      { attemptUid: 'attempt-1', seq: 0, event: { type: 'START' }, recordedAt: 1_000 },
      { attemptUid: 'attempt-1', seq: 1, event: { type: 'FINISH' }, recordedAt: 90_000 },
      { attemptUid: 'attempt-2', seq: 0, event: { type: 'START' }, recordedAt: 1_000 },
      { attemptUid: 'attempt-2', seq: 1, event: { type: 'CLOCK.TICK', minutes: 5 }, recordedAt: 2_000 },
    ],
    composerDrafts: [
      { attemptUid: 'attempt-2', accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null, text: 'Draft in progress', updatedAt: 3_000 },
    ],
    playedScenarios: [played],
    outcomes: [outcome.summary],
    outcomeDetails: [outcome.detail],
    trainees: [{ uid: 'trainee-olga', name: 'Olga Ivanova', academyId: null, email: 'olga@example.org', deviceKey: 'ab'.repeat(32), importedAt: 9 }],
    outbox: outboxOf(outcome, played),
    packs: [{ packId: pack.manifest.id, version: pack.manifest.version, installedAt: 4, archive }],
  };
}

const META = { schemaVersion: 5, appVersion: '0.1.0', createdAt: 1_700_000_000_000 };
const sample = (): Backup => ({ meta: META, data: sampleData() });

/** The backup's files rebuilt after `edit`, with a description that matches them (a careful forger). */
function forged(edit: (files: Map<string, Uint8Array>, manifest: ReturnType<typeof backupFiles>['manifest']) => void, rehash = true): Uint8Array {
  const { manifest, files: inside } = backupFiles(sample());
  edit(inside, manifest);
  if (rehash) manifest.files = [...inside].map(([path, bytes]) => ({ path, size: bytes.length, sha256: bytesToHex(sha256(bytes)) }));
  return writeZip([[BACKUP_MANIFEST_PATH, strToU8(JSON.stringify(manifest))], ...inside]);
}

function refusal(bytes: Uint8Array, schemaVersion = 5): BackupError {
  try {
    readBackup(bytes, schemaVersion);
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('the backup was accepted');
}

function setTable(inside: Map<string, Uint8Array>, table: string, rows: unknown[]): void {
  inside.set(`tables/${table}/00001.json`, strToU8(JSON.stringify(rows)));
}

function tableRows(inside: Map<string, Uint8Array>, table: string): Record<string, unknown>[] {
  return JSON.parse(strFromU8(inside.get(`tables/${table}/00001.json`)!)) as Record<string, unknown>[];
}

describe('writing and reading a backup', () => {
  it('reads back exactly what was written', () => {
    const backup = sample();
    const read = readBackup(buildBackup(backup), 5);
    expect(read.meta).toEqual(META);
    expect(read.data.packs.map((row) => ({ ...row, archive: bytesToHex(sha256(row.archive)) }))).toEqual(
      backup.data.packs.map((row) => ({ ...row, archive: bytesToHex(sha256(row.archive)) })),
    );
    // Rows come back in key order.
    const settings = [...backup.data.settings].sort((a, b) => a.key.localeCompare(b.key));
    expect({ ...read.data, packs: [] }).toEqual({ ...backup.data, settings, packs: [] });
  });

  it('writes the same bytes for the same database, whatever order its rows came in', () => {
    const backup = sample();
    const shuffled = sample();
    shuffled.data.attemptEvents.reverse();
    shuffled.data.attempts.reverse();
    shuffled.data.settings.reverse();
    expect(bytesToHex(sha256(buildBackup(shuffled)))).toBe(bytesToHex(sha256(buildBackup(backup))));
  });

  it('describes every file with its size and SHA-256, and the schema version it was read under', () => {
    const { manifest, files: inside } = backupFiles(sample());
    expect(manifest.schemaVersion).toBe(5);
    expect(manifest.tables.attemptEvents).toEqual({ rows: 4, files: ['tables/attemptEvents/00001.json'] });
    expect(manifest.files.map((file) => file.path)).toEqual([...inside.keys()]);
    for (const file of manifest.files) expect(file.sha256).toBe(bytesToHex(sha256(inside.get(file.path)!)));
  });

  it('reports progress file by file, ending at the total', () => {
    const steps = writeBackup(sample());
    const seen: { done: number; total: number }[] = [];
    for (let step = steps.next(); !step.done; step = steps.next()) seen.push(step.value);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(seen.every((step, index) => index === 0 || step.done >= seen[index - 1]!.done)).toBe(true);
  });

  it('keeps the outbox’s statements byte for byte, in building order, each with where it stood with the LRS', () => {
    const backup = sample();
    // A draft's text with what JSON escapes: it must come back as the very same bytes.
    const first = backup.data.outbox[0]!;
    backup.data.outbox[0] = { ...first, json: first.json.replace('"timestamp"', '"extensions-note":"«quoted» \\"text\\"\\n\\u2028 ✓","timestamp"') };
    backup.data.outbox.reverse();
    const read = readBackup(buildBackup(backup), 5).data.outbox;
    expect(read.map((row) => row.id)).toEqual(backup.data.outbox.map((row) => row.id));
    expect(read.map((row) => row.json)).toEqual(backup.data.outbox.map((row) => row.json));
    expect(read).toEqual(backup.data.outbox);
    expect(new Set(read.map((row) => row.state))).toEqual(new Set(['sent', 'dead', 'pending']));
  });

  it('reads a backup made before the outbox was kept (no statements in it): it holds none', () => {
    const old = forged((inside, manifest) => {
      for (const path of manifest.tables.outbox.files) inside.delete(path);
      delete (manifest.tables as Partial<typeof manifest.tables>).outbox;
      manifest.schemaVersion = 4;
    });
    const read = readBackup(old, 5);
    expect(read.meta.schemaVersion).toBe(4);
    expect(read.data.outbox).toEqual([]);
    expect(read.data.outcomes).toHaveLength(1);
  });

  it('splits a large table into files of a few MiB', () => {
    const backup = sample();
    const text = 'x'.repeat(100_000);
    backup.data.attemptEvents = Array.from({ length: 100 }, (_, seq) => ({ attemptUid: 'attempt-1', seq, event: { type: 'PUBLISH', text }, recordedAt: 1 }));
    const { manifest } = backupFiles(backup);
    expect(manifest.tables.attemptEvents.files.length).toBe(3);
    expect(readBackup(buildBackup(backup), 5).data.attemptEvents).toHaveLength(100);
  });
});

describe('refusing a backup that cannot be trusted', () => {
  it('refuses a file that is not a ZIP, and one that was cut short', () => {
    expect(refusal(strToU8('not a backup at all')).code).toBe('not-backup');
    const bytes = buildBackup(sample());
    const cut = refusal(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(cut.code).toBe('not-backup');
    expect(cut.message).toMatch(/not a ZIP archive/);
  });

  it('says so when a scenario pack was chosen instead', () => {
    const error = refusal(archive);
    expect(error.code).toBe('is-pack');
    expect(error.message).toMatch(/scenario pack.*Install a pack/);
  });

  it('refuses a ZIP without a backup description', () => {
    expect(refusal(writeZip([['notes.txt', strToU8('hello')]])).code).toBe('not-backup');
  });

  it('refuses a backup damaged on the way, naming the damaged file', () => {
    const bytes = buildBackup(sample()).slice();
    // Flip a byte inside the stored pack archive (stored, so the ZIP's checksum catches it).
    const at = bytes.length - 2_000;
    bytes[at] = bytes[at]! ^ 0xff;
    const error = refusal(bytes);
    expect(error.code).toBe('damaged');
  });

  it('refuses a table changed after the backup was saved, naming it', () => {
    const error = refusal(
      forged((inside) => {
        const rows = tableRows(inside, 'outcomes');
        rows[0]!.average = 100;
        setTable(inside, 'outcomes', rows);
      }, false),
    );
    expect(error.code).toBe('damaged');
    expect(error.message).toBe('The file “tables/outcomes/00001.json” inside the backup was changed or damaged after the backup was saved.');
    expect(error.where.entry).toBe('tables/outcomes/00001.json');
  });

  it('refuses a file the description does not list, and rows the description does not count', () => {
    expect(refusal(forged((inside) => inside.set('extra.txt', strToU8('hi')), false)).message).toMatch(
      /contains “extra.txt”, which its description does not list/,
    );
    const miscounted = refusal(forged((_inside, manifest) => (manifest.tables.profiles.rows = 2)));
    expect(miscounted.code).toBe('damaged');
    expect(miscounted.message).toBe("The table profiles holds 1 rows, but the backup's description says 2.");
  });

  it('refuses a row of the wrong shape, saying which table, row and field', () => {
    const error = refusal(
      forged((inside) => {
        const rows = tableRows(inside, 'attempts');
        rows[1]!.status = 'paused';
        setTable(inside, 'attempts', rows);
      }),
    );
    expect(error.code).toBe('bad-content');
    expect(error.where).toMatchObject({ table: 'attempts', row: 2, path: 'status' });
    expect(error.message).toMatch(/^Row 2 of the table attempts, at status, is not valid: /);
  });

  it('refuses unknown fields, a profile PIN that is not a slow hash, and an outcome detail the debrief cannot read', () => {
    const extra = refusal(
      forged((inside) => {
        const rows = tableRows(inside, 'profiles');
        rows[0]!.isAdmin = true;
        setTable(inside, 'profiles', rows);
      }),
    );
    expect(extra.where.table).toBe('profiles');
    const pin = refusal(
      forged((inside) => {
        const rows = tableRows(inside, 'profiles');
        rows[0]!.pin = '1234';
        setTable(inside, 'profiles', rows);
      }),
    );
    expect(pin.where).toMatchObject({ table: 'profiles', path: 'pin' });
    const detail = refusal(
      forged((inside) => {
        const rows = tableRows(inside, 'outcomeDetails');
        (rows[0]!.outcome as Record<string, unknown>).tasks = 'all passed';
        setTable(inside, 'outcomeDetails', rows);
      }),
    );
    expect(detail.where).toMatchObject({ table: 'outcomeDetails', row: 1 });
  });

  it('refuses rows that name what the backup does not hold, and keys held twice', () => {
    const dangling = refusal(
      forged((inside) => {
        const rows = tableRows(inside, 'attemptEvents');
        rows[0]!.attemptUid = 'attempt-9';
        setTable(inside, 'attemptEvents', rows);
      }),
    );
    expect(dangling.message).toBe('Row 1 of the table attemptEvents names the attempt “attempt-9” that the backup does not hold.');
    const twice = refusal(
      forged((inside, manifest) => {
        const rows = tableRows(inside, 'profiles');
        setTable(inside, 'profiles', [...rows, rows[0]]);
        manifest.tables.profiles.rows = 2;
      }),
    );
    expect(twice.message).toBe('Row 2 of the table profiles repeats “profile-anna”.');
  });

  it('refuses a statement that is not what the outbox keeps: JSON of another id, a dead one without its reply, a verb it never sends, one of no trainee or outcome here', () => {
    const statementRefusal = (edit: (row: Record<string, unknown>) => void, index = 1) =>
      refusal(
        forged((inside) => {
          const rows = tableRows(inside, 'outbox');
          edit(rows[index]!);
          setTable(inside, 'outbox', rows);
        }),
      );
    const otherId = statementRefusal((row) => (row.json = (row.json as string).replace(/"id":"[0-9a-f-]+"/, '"id":"00000000-0000-4000-8000-000000000000"')));
    expect(otherId.where).toMatchObject({ table: 'outbox', row: 2, path: 'json' });
    expect(otherId.message).toMatch(/names another statement id than its row/);
    expect(statementRefusal((row) => (row.json = '{"id":')).message).toMatch(/at json, is not valid: is not valid JSON/);
    expect(statementRefusal((row) => (row.problem = null)).where).toMatchObject({ table: 'outbox', path: 'problem' });
    expect(statementRefusal((row) => (row.sentAt = null), 0).where).toMatchObject({ table: 'outbox', row: 1, path: 'sentAt' });
    expect(statementRefusal((row) => (row.verb = 'attempted')).where).toMatchObject({ table: 'outbox', path: 'verb' });
    expect(statementRefusal((row) => (row.seq = 7)).where).toMatchObject({ table: 'outbox', row: 2 });
    expect(statementRefusal((row) => (row.traineeUid = 'trainee-nobody')).message).toBe(
      'Row 2 of the table outbox names the trainee “trainee-nobody” that the backup does not hold.',
    );
    expect(statementRefusal((row) => (row.outcomeUid = 'attempt-9')).message).toBe(
      'Row 2 of the table outbox names the outcome “attempt-9” that the backup does not hold.',
    );
    const twice = refusal(
      forged((inside, manifest) => {
        const rows = tableRows(inside, 'outbox');
        setTable(inside, 'outbox', [...rows, rows[0]]);
        manifest.tables.outbox.rows = rows.length + 1;
      }),
    );
    expect(twice.message).toMatch(/^Row \d+ of the table outbox repeats “[0-9a-f-]{36}”\.$/);
  });

  it('refuses a pack archive that is not the pack its row names', () => {
    const error = refusal(
      forged((inside) => {
        const rows = tableRows(inside, 'packs');
        rows[0]!.version = '9.9.9';
        setTable(inside, 'packs', rows);
      }),
    );
    expect(error.code).toBe('bad-content');
    expect(error.message).toMatch(/holds the pack minimal 1\.0\.0, not minimal 9\.9\.9/);
  });

  it('refuses a backup from a newer version of Attaché, saying to update', () => {
    const newer = refusal(buildBackup({ meta: { ...META, schemaVersion: 6 }, data: sampleData() }), 5);
    expect(newer.code).toBe('newer-version');
    expect(newer.message).toMatch(/Update Attaché/);
    const format = refusal(forged((_inside, manifest) => ((manifest as { format: number }).format = 2)));
    expect(format.code).toBe('newer-version');
  });

  it('refuses a value nested deeper than any the app stores, without overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(valueProblem(deep)).toBe('is nested more than 64 levels deep');
    const error = refusal(
      forged((inside) => {
        const text = `[{"attemptUid":"attempt-1","snapshot":${'['.repeat(50_000)}${']'.repeat(50_000)}},{"attemptUid":"attempt-2","snapshot":null}]`;
        inside.set('tables/attemptSnapshots/00001.json', strToU8(text));
      }),
    );
    expect(error.where).toMatchObject({ table: 'attemptSnapshots', row: 1, path: 'snapshot' });
  });

  it('refuses an oversized table file before parsing it, and a ZIP bomb before inflating it all', () => {
    const big = refusal(forged((inside) => inside.set('tables/settings/00001.json', new Uint8Array(MAX_TABLE_FILE_BYTES + 1).fill(0x20))));
    expect(big.code).toBe('too-large');
    expect(big.where.entry).toBe('tables/settings/00001.json');

    // 200 MiB of zeros declared as 1 KiB: the metered inflater stops a few MiB past the entry limit.
    const zeros = new Uint8Array(BACKUP_LIMITS.maxEntryBytes + 8 * 1024 * 1024);
    const bomb = zipSync({ [BACKUP_MANIFEST_PATH]: strToU8('{}'), 'tables/settings/00001.json': [zeros, { level: 1 }] });
    const error = refusal(bomb);
    expect(error.code).toBe('too-large');
    // Making 200 MiB of zeros into a ZIP takes seconds on a busy machine; the check itself is bounded.
  }, 120_000);
});

describe('planning a restore', () => {
  const none = (): ExistingRows => ({
    profiles: new Map(),
    profileNames: [],
    attempts: new Map(),
    outcomes: new Map(),
    playedScenarios: new Map(),
    trainees: new Map(),
    outbox: new Map(),
    packs: new Map(),
    settings: new Map(),
  });
  const knownSettings = (key: string) => ['language', 'theme', 'academyName'].includes(key);

  /** The install as it stands after the backup was restored into it. */
  function restored(data: BackupData): ExistingRows {
    const existing = none();
    for (const profile of data.profiles) existing.profiles.set(profile.uid, profile);
    existing.profileNames = data.profiles.map((profile) => profile.name);
    for (const whole of attemptWholes(data)) existing.attempts.set(whole.attempt.uid, whole);
    data.outcomes.forEach((summary, index) => existing.outcomes.set(summary.uid, { summary, detail: data.outcomeDetails[index]! }));
    for (const row of data.playedScenarios) existing.playedScenarios.set(row.key, row);
    for (const row of data.trainees) existing.trainees.set(row.uid, row);
    for (const row of data.outbox) existing.outbox.set(row.id, row.json);
    for (const row of data.packs) existing.packs.set(row.packId, { version: row.version, archive: row.archive });
    for (const row of data.settings) existing.settings.set(row.key, row.value);
    return existing;
  }

  it('adds everything to an empty install', () => {
    const data = sampleData();
    const plan = planRestore(data, none(), knownSettings);
    expect(plan.profiles).toEqual(data.profiles);
    expect(plan.attempts.map((whole) => whole.attempt.uid)).toEqual(['attempt-1', 'attempt-2']);
    expect(plan.attempts[1]).toMatchObject({ snapshot: { value: null }, draft: { text: 'Draft in progress' } });
    expect(plan.attempts[1]!.events.map((event) => event.seq)).toEqual([0, 1]);
    expect(plan.report.tables).toEqual({
      profiles: { added: 1, unchanged: 0, conflicts: 0 },
      attempts: { added: 2, unchanged: 0, conflicts: 0 },
      outcomes: { added: 1, unchanged: 0, conflicts: 0 },
      playedScenarios: { added: 1, unchanged: 0, conflicts: 0 },
      trainees: { added: 1, unchanged: 0, conflicts: 0 },
      packs: { added: 1, unchanged: 0, conflicts: 0 },
      settings: { added: 2, unchanged: 0, conflicts: 0 },
    });
    expect(plan.report.conflicts).toEqual([]);
    expect(plan.outbox).toEqual(data.outbox);
    expect(plan.report.statements).toEqual({ added: data.outbox.length, unchanged: 0, conflicts: 0 });
  });

  it('restores statements by id: new ones with their state and bytes, the same bytes left, other bytes kept as the install has them', () => {
    const data = sampleData();
    const existing = none();
    existing.outbox.set(data.outbox[0]!.id, data.outbox[0]!.json);
    existing.outbox.set(data.outbox[2]!.id, data.outbox[2]!.json.replace('"platform":"Attaché"', '"platform":"Attaché (rebuilt)"'));
    const plan = planRestore(data, existing, knownSettings);
    expect(plan.outbox).toEqual(data.outbox.filter((_, index) => index !== 0 && index !== 2));
    expect(plan.report.statements).toEqual({ added: data.outbox.length - 2, unchanged: 1, conflicts: 1 });
  });

  it('adds nothing to an install that already holds the same rows: restoring twice is a no-op', () => {
    const data = sampleData();
    const plan = planRestore(data, restored(sampleData()), knownSettings);
    expect(
      [plan.profiles, plan.attempts, plan.outcomes, plan.playedScenarios, plan.trainees, plan.outbox, plan.packs, plan.settings].every(
        (rows) => rows.length === 0,
      ),
    ).toBe(true);
    expect(Object.values(plan.report.tables).every((counts) => counts.added === 0 && counts.conflicts === 0)).toBe(true);
    expect(plan.report.tables.attempts.unchanged).toBe(2);
  });

  it('keeps the install’s row and lists it when the same uid holds other content', () => {
    const existing = restored(sampleData());
    existing.profiles.set('profile-anna', { ...PROFILE, lastUsedAt: 99 }); // use, not content: unchanged
    existing.trainees.set('trainee-olga', { ...sampleData().trainees[0]!, name: 'Olga I.' });
    const attempt = existing.attempts.get('attempt-2')!;
    existing.attempts.set('attempt-2', { ...attempt, events: [...attempt.events, { seq: 2, event: { type: 'CLOCK.NEXT' }, recordedAt: 4_000 }] });
    const outcome = existing.outcomes.get('attempt-1')!;
    existing.outcomes.set('attempt-1', { ...outcome, summary: { ...outcome.summary, average: 41.7, passed: false } });
    existing.packs.set(pack.manifest.id, { version: '2.0.0', archive: new Uint8Array([1]) });
    existing.settings.set('language', 'en');

    const plan = planRestore(sampleData(), existing, knownSettings);
    expect(plan.attempts).toEqual([]);
    expect(plan.outcomes).toEqual([]);
    expect(plan.packs).toEqual([]);
    expect(plan.report.tables.profiles).toEqual({ added: 0, unchanged: 1, conflicts: 0 });
    expect(plan.report.conflicts).toEqual([
      { table: 'attempts', key: 'attempt-2', trainee: 'Anna Petrova', scenarioId: scenario.id, startedAt: 1_000, kind: 'other-content' },
      { table: 'outcomes', key: 'attempt-1', trainee: 'Anna Petrova', scenarioId: scenario.id, finishedAt: 90_000, kind: 'other-content' },
      { table: 'trainees', key: 'trainee-olga', name: 'Olga Ivanova', kind: 'other-content' },
      { table: 'packs', key: pack.manifest.id, installedVersion: '2.0.0', backupVersion: '1.0.0', kind: 'other-version' },
      { table: 'settings', key: 'language', kind: 'other-value' },
    ]);
  });

  it('restores a profile under a free name when another trainee on the install has its name', () => {
    const existing = none();
    existing.profileNames = ['anna petrova', 'Anna Petrova (2)'];
    const plan = planRestore(sampleData(), existing, knownSettings);
    expect(plan.profiles.map((profile) => profile.name)).toEqual(['Anna Petrova (3)']);
    expect(plan.report.conflicts).toContainEqual({
      table: 'profiles',
      key: 'profile-anna',
      name: 'Anna Petrova',
      kind: 'renamed',
      restoredAs: 'Anna Petrova (3)',
    });
    expect(plan.report.tables.profiles.added).toBe(1);
  });

  it('never restores which profile is active, and lists settings this version does not know', () => {
    const data = sampleData();
    data.settings.push({ key: 'activeProfileId', value: 3 }, { key: 'futureFeature', value: true });
    const plan = planRestore(data, none(), knownSettings);
    expect(plan.settings.map((row) => row.key)).toEqual(['language', 'academyName']);
    expect(plan.report.conflicts).toEqual([{ table: 'settings', key: 'futureFeature', kind: 'unknown' }]);
  });
});

// Runtime: renderer. One trainee's data, for the trainee who asks for it or before it is erased: an export
// of everything this device holds about them (their profile, every attempt with its log and unsent
// draft, every frozen outcome) as JSON beside a summary a person can read in their language, in one
// ZIP; and the erasure of all of it. Copies already exported or sent elsewhere (progress files, an
// LMS, an LRS) are out of this device's reach: the app says so wherever it erases.
import { strToU8 } from 'fflate';
import { writeZip } from '../core/pack/archive';
import type { OutcomeDetail, OutcomeSummary } from '../core/records/outcome';
import type { AttacheDatabase, AttemptRecord, ComposerDraftRecord, ProfileRecord, TraineeRecord } from '../db/database';
import { storageWrite } from '../db/errors';
import { attemptTables, deleteOutcomesOf } from '../db/repositories/attempts';
import { deleteProfile } from '../db/repositories/profiles';
import { formattingLocale } from '../core/locale';

/** A trainee of this device (a profile) or one known from imported progress files. */
export type TraineeRef = { kind: 'profile'; profileId: number } | { kind: 'imported'; uid: string };

export const TRAINEE_DATA_FORMAT = 1;
export const TRAINEE_DATA_JSON = 'trainee-data.json';
export const TRAINEE_SUMMARY_TEXT = 'summary.txt';

export interface TraineeEntry {
  ref: TraineeRef;
  uid: string;
  name: string;
  academyId: string | null;
  email: string | null;
}

/** What erasing a trainee's data removes, counted before it is done. */
export interface TraineeHoldings {
  attempts: number;
  /** Attempts not finished: lost for good, since they have no record. */
  unfinished: number;
  /** Frozen outcomes (records). */
  outcomes: number;
  /** Unsent words in a composer. */
  drafts: number;
}

export interface TraineeDataExport {
  format: typeof TRAINEE_DATA_FORMAT;
  kind: 'attache-trainee-data';
  /** Milliseconds since the epoch. */
  exportedAt: number;
  appVersion: string;
  trainee: {
    uid: string;
    name: string;
    academyId: string | null;
    email: string | null;
    /** A profile of this device, or a trainee known from imported progress files. */
    origin: 'profile' | 'imported';
    createdAt: number | null;
    updatedAt: number | null;
    lastUsedAt: number | null;
    /** Whether the profile has a PIN (its hash is not exported). */
    pinSet: boolean;
    importedAt: number | null;
    /** The public key of the device whose progress file brought the trainee here. */
    deviceKey: string | null;
  };
  /** Attempts on this device, oldest first, each with its whole log and unsent draft. */
  attempts: (Omit<AttemptRecord, 'id' | 'profileId'> & {
    events: { seq: number; event: unknown; recordedAt: number }[];
    unsentDraft: Omit<ComposerDraftRecord, 'attemptId'> | null;
  })[];
  /** Frozen outcomes, oldest first: grades, findings, timeline and scores as they were recorded. */
  outcomes: { summary: OutcomeSummary; detail: OutcomeDetail | null }[];
  /** The scenarios the outcomes were played against: pack and scenario titles, by played-scenario key. */
  scenarios: Record<string, { packId: string; packVersion: string; packTitle: Record<string, string>; title: Record<string, string> }>;
}

/** Every trainee whose data this device holds: its profiles, then the trainees of imported progress files, each by name. */
export async function listTrainees(db: AttacheDatabase): Promise<TraineeEntry[]> {
  return db.transaction('r', db.profiles, db.trainees, async () => {
    const byName = (a: TraineeEntry, b: TraineeEntry) => a.name.localeCompare(b.name) || (a.uid < b.uid ? -1 : 1);
    const profiles = (await db.profiles.toArray()).map((profile): TraineeEntry => ({
      ref: { kind: 'profile', profileId: profile.id },
      uid: profile.uid,
      name: profile.name,
      academyId: profile.academyId,
      email: profile.email,
    }));
    const local = new Set(profiles.map((entry) => entry.uid));
    const imported = (await db.trainees.toArray())
      .filter((trainee) => !local.has(trainee.uid))
      .map((trainee): TraineeEntry => ({
        ref: { kind: 'imported', uid: trainee.uid },
        uid: trainee.uid,
        name: trainee.name,
        academyId: trainee.academyId,
        email: trainee.email,
      }));
    return [...profiles.sort(byName), ...imported.sort(byName)];
  });
}

interface Located {
  profile: ProfileRecord | null;
  trainee: TraineeRecord | null;
  uid: string;
}

async function locate(db: AttacheDatabase, ref: TraineeRef): Promise<Located | null> {
  if (ref.kind === 'profile') {
    const profile = await db.profiles.get(ref.profileId);
    if (!profile) return null;
    return { profile, trainee: (await db.trainees.get(profile.uid)) ?? null, uid: profile.uid };
  }
  const trainee = await db.trainees.get(ref.uid);
  return trainee ? { profile: null, trainee, uid: trainee.uid } : null;
}

/** What this device holds about the trainee; null when there is no such trainee (any more). */
export function readTraineeHoldings(db: AttacheDatabase, ref: TraineeRef): Promise<TraineeHoldings | null> {
  return db.transaction('r', [db.profiles, db.trainees, db.attempts, db.composerDrafts, db.outcomes], async () => {
    const found = await locate(db, ref);
    if (!found) return null;
    const attempts = found.profile ? await db.attempts.where('profileId').equals(found.profile.id).toArray() : [];
    const drafts = attempts.length > 0 ? (await db.composerDrafts.bulkGet(attempts.map((attempt) => attempt.id))).filter(Boolean).length : 0;
    return {
      attempts: attempts.length,
      unfinished: attempts.filter((attempt) => attempt.status !== 'finished').length,
      outcomes: await db.outcomes.where('traineeUid').equals(found.uid).count(),
      drafts,
    };
  });
}

/** Everything this device holds about the trainee, read in one transaction. Null when there is no such trainee. */
export function collectTraineeData(
  db: AttacheDatabase,
  ref: TraineeRef,
  options: { appVersion: string; now?: () => number },
): Promise<TraineeDataExport | null> {
  const now = options.now ?? Date.now;
  return db.transaction(
    'r',
    [db.profiles, db.trainees, db.attempts, db.attemptEvents, db.composerDrafts, db.outcomes, db.outcomeDetails, db.playedScenarios],
    async () => {
      const found = await locate(db, ref);
      if (!found) return null;
      const { profile, trainee, uid } = found;
      const attemptRows = profile ? await db.attempts.where('profileId').equals(profile.id).toArray() : [];
      attemptRows.sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
      const attempts: TraineeDataExport['attempts'] = [];
      for (const { id, profileId: _profileId, ...attempt } of attemptRows) {
        const events = await db.attemptEvents.where('attemptId').equals(id).sortBy('seq');
        const draft = await db.composerDrafts.get(id);
        attempts.push({
          ...attempt,
          events: events.map(({ seq, event, recordedAt }) => ({ seq, event, recordedAt })),
          unsentDraft: draft ? (({ attemptId: _attemptId, ...rest }) => rest)(draft) : null,
        });
      }
      const summaries = (await db.outcomes.where('traineeUid').equals(uid).toArray()).sort((a, b) => a.finishedAt - b.finishedAt || (a.uid < b.uid ? -1 : 1));
      const details = await db.outcomeDetails.bulkGet(summaries.map((summary) => summary.uid));
      const scenarios: TraineeDataExport['scenarios'] = {};
      for (const played of await db.playedScenarios.bulkGet([...new Set(summaries.map((summary) => summary.playedScenario))])) {
        if (played)
          scenarios[played.key] = { packId: played.packId, packVersion: played.packVersion, packTitle: played.packTitle, title: played.scenario.title };
      }
      return {
        format: TRAINEE_DATA_FORMAT,
        kind: 'attache-trainee-data',
        exportedAt: now(),
        appVersion: options.appVersion,
        trainee: {
          uid,
          name: profile?.name ?? trainee?.name ?? '',
          academyId: profile ? profile.academyId : (trainee?.academyId ?? null),
          email: profile ? profile.email : (trainee?.email ?? null),
          origin: profile ? 'profile' : 'imported',
          createdAt: profile?.createdAt ?? null,
          updatedAt: profile?.updatedAt ?? null,
          lastUsedAt: profile?.lastUsedAt ?? null,
          pinSet: profile?.pin != null,
          importedAt: trainee?.importedAt ?? null,
          deviceKey: trainee?.deviceKey ?? null,
        },
        attempts,
        outcomes: summaries.map((summary, index) => ({ summary, detail: details[index] ?? null })),
        scenarios,
      };
    },
  );
}

/** The keys of the summary's sentences, in the `backup` namespace under `summary.`: the UI translates them. */
export type TraineeSummaryKey =
  | 'title'
  | 'exported'
  | 'traineeHeading'
  | 'name'
  | 'academyId'
  | 'email'
  | 'none'
  | 'createdAt'
  | 'importedAt'
  | 'pinSet'
  | 'outcomesHeading'
  | 'noOutcomes'
  | 'outcomeLine'
  | 'passed'
  | 'failed'
  | 'attemptsHeading'
  | 'noAttempts'
  | 'attemptFinished'
  | 'attemptUnderWay'
  | 'unsentDraft'
  | 'fullData'
  | 'copiesElsewhere';

export interface SummaryWriter {
  /** The sentence for a key, with its parameters, in the summary's language (plurals by `count`). */
  translate: (key: TraineeSummaryKey, params?: Record<string, string | number>) => string;
  /** The summary's language (BCP 47), for dates, numbers and which title of a pack to show. */
  language: string;
}

function localizedTitle(titles: Record<string, string> | undefined, language: string, fallback: string): string {
  if (!titles) return fallback;
  return titles[language] ?? Object.values(titles)[0] ?? fallback;
}

/** The export as a person reads it: who, what was finished with which result, what is under way. Plain text. */
export function traineeSummaryText(data: TraineeDataExport, writer: SummaryWriter): string {
  const { translate: t, language } = writer;
  const date = new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeStyle: 'short' });
  const day = (time: number | null) => (time === null ? t('none') : date.format(new Date(time)));
  const number = new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 1 });
  const lines: string[] = [];
  const heading = (text: string) => lines.push('', text, '='.repeat(Math.min(text.length, 72)));
  const { trainee } = data;

  lines.push(t('title', { name: trainee.name }));
  lines.push(t('exported', { date: day(data.exportedAt), version: data.appVersion }));
  heading(t('traineeHeading'));
  lines.push(`${t('name')}: ${trainee.name}`);
  lines.push(`${t('academyId')}: ${trainee.academyId ?? t('none')}`);
  lines.push(`${t('email')}: ${trainee.email ?? t('none')}`);
  if (trainee.origin === 'profile') lines.push(`${t('createdAt')}: ${day(trainee.createdAt)}`);
  else lines.push(`${t('importedAt')}: ${day(trainee.importedAt)}`);
  if (trainee.pinSet) lines.push(t('pinSet'));

  heading(t('outcomesHeading', { count: data.outcomes.length }));
  if (data.outcomes.length === 0) lines.push(t('noOutcomes'));
  for (const { summary } of data.outcomes) {
    const scenario = data.scenarios[summary.playedScenario];
    lines.push(
      `- ${t('outcomeLine', {
        date: day(summary.finishedAt),
        scenario: localizedTitle(scenario?.title, language, summary.scenarioId),
        pack: localizedTitle(scenario?.packTitle, language, summary.packId),
        version: summary.packVersion,
        result: summary.passed ? t('passed') : t('failed'),
        score: number.format(summary.average),
        tone: number.format(summary.scores.tone),
        policy: number.format(summary.scores.policy),
        platform: number.format(summary.scores.platform),
        minutes: Math.round(summary.timeOnTaskMs / 60_000),
      })}`,
    );
  }

  heading(t('attemptsHeading', { count: data.attempts.length }));
  if (data.attempts.length === 0) lines.push(t('noAttempts'));
  for (const attempt of data.attempts) {
    const params = {
      date: day(attempt.startedAt),
      scenario: attempt.scenarioId,
      pack: attempt.packId,
      version: attempt.packVersion,
      count: attempt.events.length,
    };
    lines.push(`- ${attempt.status === 'finished' ? t('attemptFinished', params) : t('attemptUnderWay', params)}`);
    if (attempt.unsentDraft) lines.push(`  ${t('unsentDraft', { count: Array.from(attempt.unsentDraft.text).length })}`);
  }

  lines.push('', t('fullData', { file: TRAINEE_DATA_JSON }), '', t('copiesElsewhere'), '');
  return lines.join('\n');
}

/** The export as one ZIP: the JSON with everything, and the summary. Deterministic for the same data. */
export function traineeDataArchive(data: TraineeDataExport, summary: string): Uint8Array {
  return writeZip([
    [TRAINEE_SUMMARY_TEXT, strToU8(summary)],
    [TRAINEE_DATA_JSON, strToU8(`${JSON.stringify(data, null, 2)}\n`)],
  ]);
}

/** `attache-data-anna-petrova-2026-05-14.zip`: the name in letters and digits of any script, for any file system. */
export function traineeDataFileName(name: string, time: number): string {
  const slug =
    name
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{Nd}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'trainee';
  const date = new Date(time);
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `attache-data-${slug}-${day}.zip`;
}

/**
 * Erases everything this device holds about the trainee, in one transaction: for a profile, the profile
 * with its attempts, logs, snapshots, unsent drafts and frozen outcomes (and the imported copy of the
 * same trainee, if progress files brought one); for an imported trainee, its row and its outcomes.
 * Played scenarios stay: they hold nothing about anyone. Returns what went; null when there was no such trainee.
 */
export function eraseTraineeData(db: AttacheDatabase, ref: TraineeRef): Promise<TraineeHoldings | null> {
  return storageWrite(() =>
    db.transaction('rw', [db.profiles, db.settings, db.trainees, ...attemptTables(db), db.outcomes, db.outcomeDetails, db.outbox], async () => {
      const holdings = await readTraineeHoldings(db, ref);
      const found = await locate(db, ref);
      if (!holdings || !found) return null;
      if (found.profile) await deleteProfile(db, found.profile.id);
      await deleteOutcomesOf(db, found.uid);
      await db.trainees.delete(found.uid);
      return holdings;
    }),
  );
}

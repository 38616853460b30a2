// Runtime: any (pure core). The xAPI statements a frozen outcome becomes, built once when the outcome
// is frozen (or first can be: the academy's IRI and the trainee's identity are needed) and then kept
// byte for byte in the outbox. An LRS accepts the same statement id again only with the same content,
// so nothing here may read the clock, the installed pack or the app's current labels: the same frozen
// outcome and settings always give the same bytes.
import { v5 as uuidv5 } from 'uuid';
import type { IdentityField } from '../academy';
import type { FeedPublication } from '../engine/timeline';
import { AXES, type Axis } from '../pack/axes';
import type { Course, Localized } from '../pack/schema';
import type { FrozenOutcome, PlayedScenario } from './outcome';

/** The xAPI version the statements are written to (the header every request carries). */
export const XAPI_VERSION = '1.0.3';

/** Raised when what a statement says changes; statements already built keep their bytes. */
export const STATEMENTS_FORMAT = 1;

/**
 * Attaché's xAPI profile: its extensions and activity types. The document that defines them ships with
 * the app (resources/xapi-profile.jsonld) and is described in the README. The IRIs identify; they are
 * not fetched.
 */
export const XAPI_PROFILE_IRI = 'https://attache.example/xapi/profile';
const EXTENSION = `${XAPI_PROFILE_IRI}/extensions`;
export const XAPI_EXTENSIONS = {
  /** Result: the score per rubric axis (tone, policy, platform), 0–100. */
  axisScores: `${EXTENSION}/axis-scores`,
  /** Result of a draft: how many characters it has (sent instead of the text unless the academy opts in). */
  draftLength: `${EXTENSION}/draft-length`,
  /** Result of a draft: the simulated minute it was published at. */
  simulatedMinute: `${EXTENSION}/simulated-minute`,
  /** Result of a draft: the grader's rule ids that found something, gravest first. */
  findings: `${EXTENSION}/findings`,
  /** Context: the attempt's uid, the same on every device the record travels to. */
  attempt: `${EXTENSION}/attempt`,
  /** Context: SHA-256 of the pack's content as played. */
  packContentHash: `${EXTENSION}/pack-content-hash`,
  /** Context: the versions of the app, grader, machine and formats that made the record. */
  versions: `${EXTENSION}/versions`,
  /** Context: the account (platform) a draft was published on. */
  platform: `${EXTENSION}/platform`,
} as const;

export const XAPI_VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: 'initialized' },
  responded: { id: 'http://adlnet.gov/expapi/verbs/responded', display: 'responded' },
  scored: { id: 'http://adlnet.gov/expapi/verbs/scored', display: 'scored' },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: 'passed' },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: 'failed' },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: 'completed' },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: 'terminated' },
  satisfied: { id: 'https://w3id.org/xapi/adl/verbs/satisfied', display: 'satisfied' },
} as const;
export type StatementVerb = keyof typeof XAPI_VERBS;

const ACTIVITY_TYPES = {
  scenario: 'http://adlnet.gov/expapi/activities/simulation',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  axis: 'http://adlnet.gov/expapi/activities/objective',
  course: 'http://adlnet.gov/expapi/activities/course',
  profile: 'http://adlnet.gov/expapi/activities/profile',
} as const;

/** Namespace of Attaché's UUID v5 statement ids and registrations (a fixed random UUID). */
export const STATEMENT_ID_NAMESPACE = '3f8a7c52-4e0b-4d1e-9a61-0c6f1b2d7e94';

/** Who the statements are about, as the academy's LMS knows them. */
export interface StatementActor {
  /** The academy's IRI: the account's home page. */
  homePage: string;
  /** The trainee's academy ID or e-mail, by the academy's identity field. */
  name: string;
}

export interface StatementSettings {
  academyIri: string;
  identityField: IdentityField;
  /** Send each draft's text (only where the academy opts in); otherwise its length only. */
  includeDraftText: boolean;
}

export interface TraineeIdentity {
  uid: string;
  academyId: string | null;
  email: string | null;
}

/** Why statements cannot be built yet: they are built once these are set. */
export type StatementsBlocker = 'no-academy-iri' | 'no-academy-id' | 'no-email';

export type ActorResult = { ok: true; actor: StatementActor } | { ok: false; blocker: StatementsBlocker };

export function statementActor(settings: { academyIri: string | null; identityField: IdentityField }, trainee: TraineeIdentity): ActorResult {
  if (!settings.academyIri) return { ok: false, blocker: 'no-academy-iri' };
  const name = settings.identityField === 'academyId' ? trainee.academyId?.trim() : trainee.email?.trim();
  if (!name) return { ok: false, blocker: settings.identityField === 'academyId' ? 'no-academy-id' : 'no-email' };
  return { ok: true, actor: { homePage: settings.academyIri, name } };
}

/** One statement as the outbox keeps it: its id, what it says, and its JSON, byte for byte. */
export interface BuiltStatement {
  id: string;
  verb: StatementVerb;
  /** The statement's JSON text, exactly as it is sent (and sent again). */
  json: string;
}

/** An activity id's base: the academy's IRI, so the ids are the academy's and stay the same across pack versions. */
function activityBase(academyIri: string): string {
  return `${academyIri.replace(/\/+$/u, '')}/attache`;
}

export function scenarioActivityId(academyIri: string, packId: string, scenarioId: string): string {
  return `${activityBase(academyIri)}/packs/${encodeURIComponent(packId)}/scenarios/${encodeURIComponent(scenarioId)}`;
}

export function courseActivityId(academyIri: string, packId: string, courseId: string): string {
  return `${activityBase(academyIri)}/packs/${encodeURIComponent(packId)}/courses/${encodeURIComponent(courseId)}`;
}

/** The statement id for a kind of statement about a thing: the same inputs, the same id, on every device. */
export function statementId(...parts: string[]): string {
  return uuidv5(parts.join('\u001f'), STATEMENT_ID_NAMESPACE);
}

/** Groups a trainee's statements about one pack's scenarios and courses (xAPI `context.registration`). */
export function registrationId(traineeUid: string, packId: string): string {
  return statementId('registration', traineeUid, packId);
}

/** ISO 8601 duration with seconds to the hundredth, as xAPI wants (`PT1H2M3.45S`). */
export function isoDuration(milliseconds: number): string {
  const centiseconds = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(centiseconds / 360_000);
  const minutes = Math.floor((centiseconds % 360_000) / 6_000);
  const seconds = (centiseconds % 6_000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

function timestamp(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

/** A pack's localized text as an xAPI language map (only non-empty texts). */
function languageMap(text: Localized): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [language, value] of Object.entries(text)) if (value.trim()) map[language] = value;
  return map;
}

function score(value: number) {
  const raw = Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;
  return { scaled: Math.round(raw * 10) / 1000, raw, min: 0, max: 100 };
}

function axisScores(scores: Record<Axis, number>): Record<Axis, number> {
  return Object.fromEntries(AXES.map((axis) => [axis, scores[axis]])) as Record<Axis, number>;
}

export interface AttemptStatementsInput {
  frozen: FrozenOutcome;
  played: PlayedScenario;
  actor: StatementActor;
  settings: StatementSettings;
}

/**
 * The statements of one finished attempt, in the order they happened: initialized, responded per
 * draft, scored per axis, passed or failed, completed, terminated. They read only the frozen outcome,
 * the scenario as played and the academy's settings, never the installed packs: the app and the command
 * line build the same bytes from the same records. (Courses are told by `satisfied`, not grouped here.)
 */
export function attemptStatements(input: AttemptStatementsInput): BuiltStatement[] {
  const { frozen, played, actor, settings } = input;
  const { summary, detail } = frozen;
  const scenario = played.scenario;
  const scenarioId = scenarioActivityId(settings.academyIri, summary.packId, summary.scenarioId);
  const scenarioActivity = {
    objectType: 'Activity',
    id: scenarioId,
    definition: { type: ACTIVITY_TYPES.scenario, name: languageMap(scenario.title), description: languageMap(scenario.summary) },
  };
  const context = (parent: boolean, extra: Record<string, unknown> = {}) => ({
    registration: registrationId(summary.traineeUid, summary.packId),
    revision: summary.packVersion,
    platform: 'Attaché',
    language: summary.playLanguage,
    contextActivities: {
      ...(parent ? { parent: [{ objectType: 'Activity', id: scenarioId }] } : {}),
      category: [{ objectType: 'Activity', id: XAPI_PROFILE_IRI, definition: { type: ACTIVITY_TYPES.profile } }],
    },
    extensions: {
      [XAPI_EXTENSIONS.attempt]: summary.uid,
      [XAPI_EXTENSIONS.packContentHash]: summary.packContentHash,
      [XAPI_EXTENSIONS.versions]: { ...summary.versions, statements: STATEMENTS_FORMAT },
      ...extra,
    },
  });
  const agent = { objectType: 'Agent', account: { homePage: actor.homePage, name: actor.name } };
  const statements: BuiltStatement[] = [];
  const add = (verb: StatementVerb, idParts: string[], at: number, body: Record<string, unknown>) => {
    const id = statementId(summary.uid, verb, ...idParts);
    const statement = {
      id,
      actor: agent,
      verb: { id: XAPI_VERBS[verb].id, display: { 'en-US': XAPI_VERBS[verb].display } },
      ...body,
      timestamp: timestamp(at),
    };
    statements.push({ id, verb, json: JSON.stringify(statement) });
  };

  add('initialized', [], summary.startedAt, { object: scenarioActivity, context: context(false) });

  const drafts = detail.timeline.feed.filter((item): item is FeedPublication => item.source === 'trainee');
  for (const draft of drafts) {
    const task = draft.taskId ? scenario.tasks.find((candidate) => candidate.id === draft.taskId) : undefined;
    const account = scenario.accounts.find((candidate) => candidate.id === draft.accountId);
    const objectId = task ? `${scenarioId}/tasks/${encodeURIComponent(task.id)}` : `${scenarioId}/accounts/${encodeURIComponent(draft.accountId)}`;
    const name = task ? languageMap(task.title) : account ? languageMap(account.name) : { en: draft.accountId };
    add('responded', [draft.id], summary.finishedAt, {
      object: {
        objectType: 'Activity',
        id: objectId,
        definition: { type: ACTIVITY_TYPES.interaction, name, interactionType: 'long-fill-in' },
      },
      result: {
        success: draft.grade.passed,
        ...(settings.includeDraftText ? { response: draft.text } : {}),
        extensions: {
          [XAPI_EXTENSIONS.draftLength]: Array.from(draft.text).length,
          [XAPI_EXTENSIONS.simulatedMinute]: draft.at,
          [XAPI_EXTENSIONS.axisScores]: axisScores(Object.fromEntries(AXES.map((axis) => [axis, draft.grade.axes[axis].score])) as Record<Axis, number>),
          [XAPI_EXTENSIONS.findings]: draft.grade.findings.map((finding) => finding.ruleId),
        },
      },
      context: context(true, account ? { [XAPI_EXTENSIONS.platform]: account.platform } : {}),
    });
  }

  for (const axis of AXES) {
    add('scored', [axis], summary.finishedAt, {
      object: {
        objectType: 'Activity',
        id: `${scenarioId}/axes/${axis}`,
        definition: { type: ACTIVITY_TYPES.axis, name: { en: axis } },
      },
      result: { score: score(summary.scores[axis]) },
      context: context(true),
    });
  }

  const duration = isoDuration(summary.timeOnTaskMs);
  add(summary.passed ? 'passed' : 'failed', [], summary.finishedAt, {
    object: scenarioActivity,
    result: { score: score(summary.average), success: summary.passed, duration, extensions: { [XAPI_EXTENSIONS.axisScores]: axisScores(summary.scores) } },
    context: context(false),
  });
  add('completed', [], summary.finishedAt, { object: scenarioActivity, result: { completion: true, duration }, context: context(false) });
  add('terminated', [], summary.finishedAt, {
    object: scenarioActivity,
    result: { duration: isoDuration(summary.finishedAt - summary.startedAt) },
    context: context(false),
  });
  return statements;
}

export interface CourseSatisfiedInput {
  traineeUid: string;
  packId: string;
  /** The version of the pack whose rule was met. */
  packVersion: string;
  course: Course;
  /** When the course's completion rule was first met. */
  completedAt: number;
  actor: StatementActor;
  settings: Pick<StatementSettings, 'academyIri'>;
}

/** The statement that a trainee met a course's completion rule: one per trainee and course, ever. */
export function courseSatisfiedStatement(input: CourseSatisfiedInput): BuiltStatement {
  const { course, settings } = input;
  const id = statementId('satisfied', input.traineeUid, input.packId, course.id);
  const statement = {
    id,
    actor: { objectType: 'Agent', account: { homePage: input.actor.homePage, name: input.actor.name } },
    verb: { id: XAPI_VERBS.satisfied.id, display: { 'en-US': XAPI_VERBS.satisfied.display } },
    object: {
      objectType: 'Activity',
      id: courseActivityId(settings.academyIri, input.packId, course.id),
      definition: { type: ACTIVITY_TYPES.course, name: languageMap(course.title), description: languageMap(course.description) },
    },
    result: { completion: true, success: true },
    context: {
      registration: registrationId(input.traineeUid, input.packId),
      revision: input.packVersion,
      platform: 'Attaché',
      contextActivities: { category: [{ objectType: 'Activity', id: XAPI_PROFILE_IRI, definition: { type: ACTIVITY_TYPES.profile } }] },
    },
    timestamp: timestamp(input.completedAt),
  };
  return { id, verb: 'satisfied', json: JSON.stringify(statement) };
}

// Runtime: any (pure core). The shape of a frozen outcome, the scenario it was played against and the
// trainee, as schemas: a progress file comes from another device and is read as untrusted input, so
// every field is checked (types, ranges, lengths, no unknown keys) before anything reads it. Each
// schema is tied to the type it checks, so a change to the type stops this file from compiling.
import { z } from '../zod';
import type { ClearanceRequest, ClearanceRoundTrip, FeedClearanceAnswer } from '../engine/clearance';
import type { CriticalFailure, DutyOfCare, ScenarioOutcome, StreamModeration, TaskResult, TimelineEntry } from '../engine/outcome';
import type { FeedLiveComment, ModerationResult, ModerationState } from '../engine/live';
import { MODERATION_ACTIONS } from '../engine/live';
import type { TargetResult } from '../engine/reach';
import type { FeedAudienceReply, FeedItem, TaskState, TimelineState } from '../engine/timeline';
import type { ReactionPlan } from '../engine/audience';
import type { MonitoringFacts } from '../engine/monitoring';
import type { Finding, Grade } from '../grading/types';
import { AXES, LIVE_COMMENT_NATURES, REACTION_MOODS, TARGET_METRICS, TASK_KINDS, TASK_OUTCOMES, packSchemas } from '../pack/schema';
import type { FrozenOutcome, OutcomeDetail, OutcomeSummary, PlayedScenario } from './outcome';

/** The longest text a draft can hold in a record: the composer takes far less, the grader reads 100,000. */
const MAX_DRAFT_LENGTH = 1_000_000;
/** Ids, keys and other short strings. */
const MAX_SHORT = 400;

const short = () => z.string().max(MAX_SHORT);
const count = () => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const minute = () => z.number().finite().min(0).max(1_000_000);
const score = () => z.number().finite().min(0).max(100);
/** Milliseconds since the epoch, from 1970 to the year 2286. */
const timestamp = () => z.number().int().min(0).max(10_000_000_000_000);
const sha256Hex = () => z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256: 64 lowercase hexadecimal digits');
const localized = () => z.record(short(), z.string().max(20_000));
const scores = () => z.strictObject({ tone: score(), policy: score(), platform: score() });

/**
 * What a schema issue says, for a person: zod reports a field that is not there as "received
 * undefined", which names a JavaScript value rather than the problem.
 */
export function issueMessage(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unexpected content';
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return `the field is missing (expected ${issue.expected})`;
  return issue.message;
}

/**
 * A uid that travels between devices and names a file inside a progress file: letters, digits, dashes
 * and underscores (a UUID is one).
 */
export const UID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const uidSchema = z.string().regex(UID_PATTERN, 'must be 1–64 letters, digits, dashes or underscores (a UUID)');

const message = z.strictObject({ key: short(), params: z.record(short(), z.union([z.string().max(MAX_DRAFT_LENGTH), z.number()])).optional() });

const finding: z.ZodType<Finding> = z.strictObject({
  ruleId: short(),
  axis: z.enum(AXES),
  severity: z.enum(['error', 'warning', 'suggestion']),
  span: z.strictObject({ start: count(), end: count() }).optional(),
  message,
  suggestion: z.strictObject({ replacement: z.string().max(MAX_DRAFT_LENGTH).optional(), message: message.optional() }).optional(),
  loss: z.number().finite().min(0).max(100),
  blocks: z.enum(['axis', 'scenario']).optional(),
});

const axisGrade = (axis: (typeof AXES)[number]) =>
  z.strictObject({ axis: z.literal(axis), score: score(), passMark: score(), passed: z.boolean(), findings: z.array(finding) });

export const gradeSchema: z.ZodType<Grade> = z.strictObject({
  axes: z.strictObject({ tone: axisGrade('tone'), policy: axisGrade('policy'), platform: axisGrade('platform') }),
  findings: z.array(finding),
  passed: z.boolean(),
  critical: z.boolean(),
  language: z.strictObject({ expected: short(), detected: short().nullable(), supported: z.boolean() }),
  metrics: z.strictObject({
    platform: short(),
    length: count(),
    limit: count(),
    counting: z.enum(['weighted', 'graphemes', 'utf16', 'characters']),
    hashtags: count(),
    links: count(),
    mentions: count(),
    parts: z.array(count()).optional(),
  }),
  ungraded: z.strictObject({ length: count(), ceiling: count() }).optional(),
});

const scenarioShape = packSchemas.scenario;
const injectSchema = packSchemas.scenario.shape.timeline.element;
const personaSchema = packSchemas.personasFile.shape.personas.element;

const taskResult: z.ZodType<TaskResult> = z.strictObject({
  taskId: short(),
  title: localized(),
  result: z.enum(['passed', 'failed', 'missed', 'not-reached']),
  // Outcomes frozen before "not reached" said why have no reason: they read as they were.
  notReachedBecause: z.enum(['finished-early', 'not-opened']).optional(),
  opensAt: minute().nullable(),
  due: minute().nullable(),
  publishedAt: minute().nullable(),
  spareMinutes: z.number().finite().min(-1_000_000).max(1_000_000).nullable(),
  grade: gradeSchema.nullable(),
  modelAnswer: z.string().max(MAX_DRAFT_LENGTH).nullable(),
  // Outcomes frozen before clearance existed have none.
  clearance: z.strictObject({ required: z.boolean(), cleared: z.boolean(), roundTrips: count(), waitedMinutes: minute() }).optional(),
});

const timelineEntry: z.ZodType<TimelineEntry> = z.discriminatedUnion('type', [
  z.strictObject({ at: minute(), type: z.literal('inject'), id: short(), injectType: short(), personaId: short(), accountId: short() }),
  z.strictObject({ at: minute(), type: z.literal('publication'), id: short(), accountId: short(), taskId: short().nullable(), passed: z.boolean() }),
  z.strictObject({ at: minute(), type: z.literal('reply'), id: short(), replyTo: short(), personaId: short().nullable(), mood: short() }),
  z.strictObject({ at: minute(), type: z.literal('clearance-request'), requestId: short(), accountId: short(), taskId: short().nullable() }),
  z.strictObject({
    at: minute(),
    type: z.literal('clearance-answer'),
    requestId: short(),
    taskId: short().nullable(),
    verdict: z.enum(['cleared', 'returned']),
  }),
  z.strictObject({ at: minute(), type: z.literal('moderation'), streamId: short(), commentId: short(), action: z.enum(MODERATION_ACTIONS) }),
  z.strictObject({ at: minute(), type: z.literal('task-missed'), taskId: short() }),
  z.strictObject({ at: minute(), type: z.literal('branch'), branchId: short() }),
  z.strictObject({ at: minute(), type: z.literal('end'), reason: short() }),
]);

const criticalFailure: z.ZodType<CriticalFailure> = z.strictObject({
  publicationId: short(),
  at: minute(),
  taskId: short().nullable(),
  findings: z.array(finding),
});

const dutyOfCare: z.ZodType<DutyOfCare> = z.strictObject({
  injectId: short(),
  personaId: short(),
  accountId: short(),
  at: minute(),
  answeredAt: minute().nullable(),
  publicationId: short().nullable(),
});

/** A series is compact (a point per change); a bound keeps a hostile file from holding millions. */
const MAX_SERIES_POINTS = 10_000;

const targetResult: z.ZodType<TargetResult> = z.strictObject({
  accountId: short(),
  metric: z.enum(TARGET_METRICS),
  value: count(),
  by: minute(),
  achieved: count(),
  met: z.boolean(),
  reachedAt: minute().nullable(),
  series: z.array(z.strictObject({ at: minute(), value: count() })).max(MAX_SERIES_POINTS),
});

/** A scenario's drafts sent for clearance are bounded like its events: a hostile file cannot hold millions. */
const MAX_CLEARANCES = 10_000;
const verdict = () => z.enum(['cleared', 'returned']);
const clearanceDraft = z.strictObject({
  accountId: short(),
  kind: z.enum(TASK_KINDS),
  text: z.string().max(MAX_DRAFT_LENGTH),
  taskId: short().nullable(),
  replyTo: short().nullable(),
});
const clearanceRoundTrip: z.ZodType<ClearanceRoundTrip> = z.strictObject({
  requestId: short(),
  taskId: short().nullable(),
  accountId: short(),
  sentAt: minute(),
  answeredAt: minute().nullable(),
  verdict: verdict().nullable(),
  comments: z.array(message).max(10),
  remark: z.string().max(20_000).nullable(),
  text: z.string().max(MAX_DRAFT_LENGTH),
  published: z.boolean(),
});
const clearanceRequest: z.ZodType<ClearanceRequest> = z.strictObject({
  id: short(),
  draft: clearanceDraft,
  sentAt: minute(),
  answerAt: minute(),
  verdict: verdict(),
  comments: z.array(message).max(10),
  remark: z.string().max(20_000).nullable(),
  answered: z.boolean(),
});
const clearanceAnswerObject = z.strictObject({
  source: z.literal('clearance'),
  id: short(),
  at: minute(),
  accountId: short(),
  personaId: short(),
  requestId: short(),
  taskId: short().nullable(),
  verdict: verdict(),
  comments: z.array(message).max(10),
  remark: z.string().max(20_000).nullable(),
  draft: clearanceDraft,
}) satisfies z.ZodType<FeedClearanceAnswer>;

/** A stream's comments are bounded like a scenario's: a hostile file cannot hold millions. */
const MAX_LIVE_COMMENTS = 10_000;
const moderationActions = () => z.array(z.strictObject({ at: minute(), action: z.enum(MODERATION_ACTIONS) })).max(MAX_LIVE_COMMENTS);
const author = () => z.strictObject({ name: short(), handle: short() });

const streamModeration: z.ZodType<StreamModeration> = z.strictObject({
  streamId: short(),
  accountId: short(),
  startedAt: minute(),
  endsAt: minute(),
  taskId: short().nullable(),
  comments: z
    .array(
      z.strictObject({
        id: short(),
        at: minute(),
        nature: z.enum(LIVE_COMMENT_NATURES),
        personaId: short().nullable(),
        author: author().nullable(),
        text: localized(),
        hidden: z.boolean(),
        pinned: z.boolean(),
        actions: moderationActions(),
        expected: z.enum(['hide', 'keep']),
        answeredAt: minute().optional(),
      }),
    )
    .max(MAX_LIVE_COMMENTS),
});

const scenarioOutcomeSchema: z.ZodType<ScenarioOutcome> = z.strictObject({
  scenarioId: short(),
  ended: z.boolean(),
  passed: z.boolean(),
  criticalFailures: z.array(criticalFailure),
  scores: scores(),
  average: score(),
  tasks: z.array(taskResult),
  timeline: z.array(timelineEntry),
  // Outcomes frozen before urgent messages existed hold none: their scenarios had none to answer.
  dutyOfCare: z.array(dutyOfCare).default([]),
  // Outcomes frozen before reach targets existed hold none: they read as a scenario without targets.
  targets: z.array(targetResult).max(100).default([]),
  // Outcomes frozen before clearance existed hold none.
  clearances: z.array(clearanceRoundTrip).max(MAX_CLEARANCES).default([]),
  // Outcomes frozen before live streams existed hold none.
  moderation: z.array(streamModeration).max(100).default([]),
  debrief: scenarioShape.shape.debrief,
});

const audienceReplyObject = z.strictObject({
  source: z.literal('audience'),
  id: short(),
  at: minute(),
  accountId: short(),
  replyTo: short(),
  personaId: short().nullable(),
  // Outcomes frozen before replies had generated authors hold none: they read as a persona-less reply.
  author: z.strictObject({ name: short(), handle: short() }).nullable().default(null),
  mood: z.enum(REACTION_MOODS),
  text: z.string().max(20_000),
});
const audienceReply: z.ZodType<FeedAudienceReply> = audienceReplyObject;

const liveCommentObject = z.strictObject({
  source: z.literal('live-comment'),
  id: short(),
  at: minute(),
  streamId: short(),
  accountId: short(),
  personaId: short().nullable(),
  author: author().nullable(),
  nature: z.enum(LIVE_COMMENT_NATURES),
  comment: z.strictObject({ id: short(), after: short(), persona: short().optional(), nature: z.enum(LIVE_COMMENT_NATURES), text: localized() }),
});
const liveComment: z.ZodType<FeedLiveComment> = liveCommentObject;
const moderationState: z.ZodType<ModerationState> = z.strictObject({
  streamId: short(),
  hidden: z.boolean(),
  pinned: z.boolean(),
  actions: moderationActions(),
});
const moderationResult: z.ZodType<ModerationResult> = z.strictObject({ at: minute(), streamId: short(), grade: gradeSchema });

// What the simulation knew when a report to headquarters was sent, frozen with it (monitoring.ts).
const monitoringFacts: z.ZodType<MonitoringFacts> = z.strictObject({
  at: minute(),
  replies: count(),
  byAccount: z.record(short(), count()),
  byMood: z.strictObject({ supportive: count(), grateful: count(), confused: count(), critical: count(), hostile: count() }),
  busiest: z.array(short()).max(1_000),
  dominantMoods: z.array(z.enum(REACTION_MOODS)).max(REACTION_MOODS.length),
  mostShared: z
    .strictObject({
      source: z.enum(['inject', 'trainee']),
      id: short(),
      shares: count(),
      personaId: short().nullable(),
      accountId: short(),
      author: z.strictObject({ name: short(), handle: short() }).nullable(),
      text: z.string().max(MAX_DRAFT_LENGTH),
    })
    .nullable(),
});

const feedItem: z.ZodType<FeedItem> = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('inject'), id: short(), at: minute(), inject: injectSchema }),
  z.strictObject({
    source: z.literal('trainee'),
    id: short(),
    at: minute(),
    accountId: short(),
    kind: z.enum(TASK_KINDS),
    text: z.string().max(MAX_DRAFT_LENGTH),
    taskId: short().nullable(),
    replyTo: short().nullable(),
    grade: gradeSchema,
    cleared: z.boolean().optional(),
    // Reports only; outcomes frozen before reports existed have none.
    monitoring: monitoringFacts.optional(),
  }),
  audienceReplyObject,
  clearanceAnswerObject,
  liveCommentObject,
]);

const taskState: z.ZodType<TaskState> = z.strictObject({
  id: short(),
  status: z.enum(['waiting', 'open', 'done', 'missed']),
  opensAt: minute().nullable(),
  due: minute().nullable(),
  outcome: z.enum(TASK_OUTCOMES).nullable(),
  publicationId: short().nullable(),
});

const reactionPlan: z.ZodType<ReactionPlan> = z.strictObject({
  itemId: short(),
  reach: count(),
  events: z.array(
    z.strictObject({
      at: minute(),
      likes: count(),
      shares: count(),
      reach: count(),
      reply: z
        .strictObject({
          id: short(),
          entry: short(),
          personaId: short().optional(),
          author: z.strictObject({ name: short(), handle: short() }).optional(),
          mood: z.enum(REACTION_MOODS),
          text: z.string().max(20_000),
        })
        .optional(),
    }),
  ),
});

const timelineStateSchema: z.ZodType<TimelineState> = z.strictObject({
  time: minute(),
  feed: z.array(feedItem),
  tasks: z.record(short(), taskState),
  queue: z.array(z.strictObject({ at: minute(), inject: injectSchema })),
  firedBranches: z.array(z.strictObject({ id: short(), at: minute() })),
  ended: z
    .strictObject({
      at: minute(),
      reason: z.enum(['time', 'branch', 'finished']),
      branchId: short().nullable(),
      outcome: z.enum(['passed', 'failed']).nullable(),
    })
    .nullable(),
  publications: count(),
  reactions: z.record(short(), reactionPlan),
  pendingReplies: z.array(audienceReply),
  // Outcomes frozen before clearance existed hold none.
  clearances: z.array(clearanceRequest).max(MAX_CLEARANCES).default([]),
  // Outcomes frozen before live streams existed hold none of these.
  pendingComments: z.array(liveComment).default([]),
  moderation: z.record(short(), moderationState).default({}),
  moderationResults: z.record(short(), moderationResult).default({}),
});

export const outcomeSummarySchema: z.ZodType<OutcomeSummary> = z.strictObject({
  uid: uidSchema,
  traineeUid: uidSchema,
  packId: short(),
  packVersion: short(),
  packContentHash: sha256Hex().nullable(),
  scenarioId: short(),
  playedScenario: short(),
  playLanguage: short(),
  seed: z.number().int().min(0).max(0xffffffff),
  startedAt: timestamp(),
  finishedAt: timestamp(),
  timeOnTaskMs: count(),
  simulatedMinutes: minute(),
  passed: z.boolean(),
  average: score(),
  scores: scores(),
  versions: z.strictObject({ app: short(), grader: short(), machine: count(), packFormat: count(), outcome: count() }),
  origin: z.enum(['played', 'migrated', 'imported']),
});

export const outcomeDetailSchema: z.ZodType<OutcomeDetail> = z.strictObject({
  uid: uidSchema,
  outcome: scenarioOutcomeSchema,
  timeline: timelineStateSchema,
});

export const frozenOutcomeSchema: z.ZodType<FrozenOutcome> = z.strictObject({ summary: outcomeSummarySchema, detail: outcomeDetailSchema });

export const playedScenarioSchema: z.ZodType<PlayedScenario> = z
  .strictObject({
    key: short(),
    packId: short(),
    packVersion: short(),
    packContentHash: sha256Hex(),
    packTitle: packSchemas.pack.shape.title,
    platforms: packSchemas.pack.shape.platforms,
    scenario: scenarioShape,
    personas: z.array(personaSchema),
  })
  // JSON leaves out a pack without platform settings; the record always names the field.
  .transform((played) => ({ ...played, platforms: played.platforms }));

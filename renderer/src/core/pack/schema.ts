// Runtime: any (pure core). Pack format v1: the contract between instructors' YAML files, the
// validator, the scenario engine and the grader. One source for three uses: the runtime validator
// (createPackSchemas with the pack's languages), the TypeScript types (z.infer of the generic
// schemas) and the published JSON Schema (scripts/pack-schema.ts writes scenarios/schema/).
import { z } from '../zod';

export const PACK_FORMAT = 1;

export const PLATFORMS = ['x', 'facebook', 'vk', 'telegram', 'weibo', 'youtube', 'instagram', 'threads', 'mastodon', 'bluesky', 'linkedin'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const SCENARIO_KINDS = ['crisis', 'outreach'] as const;
export const FACT_TYPES = ['phone', 'date', 'time', 'number', 'url', 'name', 'text'] as const;
export const INJECT_TYPES = ['post', 'reply', 'direct-message', 'news', 'trend', 'hq-request', 'live'] as const;
export const TASK_KINDS = ['post', 'reply', 'thread', 'direct-message', 'mass-notification', 'moderation', 'report'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/** The facts of the attempt a report to headquarters may be asked to state. */
export const REPORT_ASKS = ['replies', 'moods', 'accounts', 'most-shared'] as const;
export type ReportAsk = (typeof REPORT_ASKS)[number];
/** An internal note's length, in words, when the task does not say. */
export const REPORT_WORDS = { min: 40, max: 250 } as const;
export const PERSONA_ROLES = [
  'journalist',
  'citizen',
  'troll',
  'embassy',
  'headquarters',
  'official',
  'media',
  'influencer',
  'expert',
  'organisation',
] as const;
export const TONE_TARGETS = ['empathetic', 'neutral', 'calm-firm', 'warm', 'formal'] as const;
export const REACTION_MOODS = ['supportive', 'grateful', 'confused', 'critical', 'hostile'] as const;
export const TASK_OUTCOMES = ['passed', 'failed', 'missed'] as const;
/** What a live stream's comment is, for grading its moderation: abuse and spam are to be hidden, the rest left up. */
export const LIVE_COMMENT_NATURES = ['question', 'praise', 'criticism', 'abuse', 'spam', 'off-topic'] as const;
export type LiveCommentNature = (typeof LIVE_COMMENT_NATURES)[number];
/** What a reach target counts: reach (people shown the account's publications) or engagement (likes + shares + replies). */
export const TARGET_METRICS = ['reach', 'engagement'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export { AXES, type Axis } from './axes';
export const RULE_LEVELS = ['off', 'suggestion', 'warning', 'error'] as const;
/**
 * How much a policy item weighs. minor: it costs points; major: it fails the task's policy axis
 * whatever else the draft does; critical: it fails the axis and the scenario cannot pass.
 */
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
/**
 * Red lines an author can name instead of (or beside) listing phrases: the grader recognises
 * each in English, Russian and Ukrainian by its own clause patterns.
 */
export const RED_LINE_CONCEPTS = [
  'personal-data-request',
  'private-details',
  'cause-speculation',
  'prejudging-case',
  'host-criticism',
  'compensation-promise',
  'political-statement',
  'arguing-with-account',
  'closed-talks-disclosure',
  'third-party-criticism',
] as const;
export type RedLineConcept = (typeof RED_LINE_CONCEPTS)[number];

const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const OFFSET_PATTERN = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/;
const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
const LANGUAGE_PATTERN = /^[a-z]{2}$/;

export const id = () => z.string().regex(ID_PATTERN, { message: 'an id is lower-case letters, digits and dashes, e.g. "hotline-post"' });
export const languageCode = () => z.string().regex(LANGUAGE_PATTERN, { message: 'a language is a two-letter ISO 639-1 code, e.g. "en", "ru", "uk"' });
/** A simulated time offset from the scenario's start, "H:MM" or, for what happens within seconds (a live stream), "H:MM:SS". */
export const offset = () =>
  z.string().regex(OFFSET_PATTERN, { message: 'a time offset is "H:MM" (or "H:MM:SS") from the scenario start, e.g. "0:05", "1:30" or "0:10:45"' });

/** Minutes from the start for an offset "H:MM" or "H:MM:SS": seconds make a fraction of a minute ("0:10:45" → 10.75). */
export function offsetMinutes(value: string): number {
  const match = OFFSET_PATTERN.exec(value);
  if (!match) throw new RangeError(`not an offset: ${value}`);
  return Number(match[1]) * 60 + Number(match[2]) + (match[3] === undefined ? 0 : Number(match[3]) / 60);
}

/**
 * Minutes from the start as an offset, as people read simulated time: 75 → "1:15", 5 → "0:05",
 * 10.75 → "0:10:45". Seconds are shown only when there are any, unless `seconds: 'always'` (a
 * clock that counts them while a live stream runs); a part of a second is dropped.
 */
export function formatOffset(minutes: number, options: { seconds?: 'auto' | 'always' } = {}): string {
  // The nudge keeps a third of a minute (20 s, not exactly representable) from reading as 19 s.
  const total = Math.max(0, Math.floor(minutes * 60 + 1e-6));
  const whole = Math.floor(total / 60);
  const seconds = total % 60;
  const base = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  return seconds > 0 || options.seconds === 'always' ? `${base}:${String(seconds).padStart(2, '0')}` : base;
}

const text = (max = 20_000) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);

export interface SchemaOptions {
  /** Languages every localized text must cover; omitted for the generic (published) schema. */
  languages?: readonly string[];
}

function localizedFactory(options: SchemaOptions) {
  return (max = 20_000) => {
    if (!options.languages) return z.record(languageCode(), text(max));
    const shape: Record<string, z.ZodType<string>> = {};
    for (const language of options.languages) shape[language] = text(max);
    return z.object(shape).catchall(text(max)) as unknown as z.ZodType<Record<string, string>>;
  };
}

export function createPackSchemas(options: SchemaOptions = {}) {
  const localized = localizedFactory(options);
  /** Localized text that need not cover every language (e.g. a model answer for a fixed-language account). */
  const someLanguages = (max = 20_000) => z.record(languageCode(), text(max));

  const author = z.strictObject({
    name: text(200),
    organisation: text(200).optional(),
    email: z.email().optional(),
  });

  const platformRules = z.strictObject({
    maxLength: z.int().positive().max(1_000_000).optional(),
    counting: z.enum(['weighted', 'graphemes', 'utf16', 'characters']).optional(),
    maxHashtags: z.int().min(0).max(100).optional(),
    maxLinks: z.int().min(0).max(100).optional(),
    messageMaxLength: z.int().positive().max(1_000_000).optional().describe('Limit of one direct message'),
    foldAt: z.int().positive().optional().describe('Where the feed cuts the text with "See more"'),
  });
  const platformOverrides = z.partialRecord(z.enum(PLATFORMS), platformRules);

  const ruleOverride = z.strictObject({
    level: z.enum(RULE_LEVELS).optional(),
    weight: z.number().min(0).max(100).optional(),
  });
  const rubric = z.strictObject({
    rules: z.record(z.string().regex(/^[a-z]+(?:\.[a-z0-9-]+)+$/, { message: 'a rule id looks like "tone.sarcasm"' }), ruleOverride).optional(),
  });

  const pack = z.strictObject({
    format: z.literal(PACK_FORMAT, { message: `this app reads pack format ${PACK_FORMAT}` }),
    id: id(),
    version: z.string().regex(SEMVER_PATTERN, { message: 'a version is semantic: MAJOR.MINOR.PATCH, e.g. "1.0.0"' }),
    title: localized(200),
    description: localized(4_000),
    authors: z.array(author).min(1),
    licence: text(200),
    languages: z.array(languageCode()).min(1),
    minAppVersion: z.string().regex(SEMVER_PATTERN, { message: 'minAppVersion is semantic: MAJOR.MINOR.PATCH' }),
    platforms: platformOverrides.optional(),
    calibration: z
      .strictObject({
        minAgreement: z.number().min(0).max(100).default(100).describe('Per axis, the agreement (%) below which `npm run calibrate` fails'),
        blind: z
          .boolean()
          .default(false)
          .describe('A blind test corpus: drafts written apart from the grader, never tuned to; reported apart from development drafts'),
      })
      .optional(),
  });

  const persona = z.strictObject({
    id: id(),
    name: localized(200),
    handle: z.string().regex(/^@?[\p{L}\p{N}_.-]{1,50}$/u, { message: 'a handle is letters, digits, _ . - (an optional @ first)' }),
    role: z.enum(PERSONA_ROLES),
    verified: z.boolean().default(false),
    bio: localized(1_000).optional(),
    avatar: z.string().optional().describe('Path of an image inside the pack, e.g. media/lena.png'),
  });
  const personasFile = z.strictObject({ personas: z.array(persona) });

  const completion = z.discriminatedUnion('rule', [
    z.strictObject({ rule: z.literal('all-passed') }),
    z.strictObject({ rule: z.literal('average-score'), min: z.number().min(0).max(100) }),
  ]);
  const course = z.strictObject({
    id: id(),
    title: localized(200),
    description: localized(4_000),
    scenarios: z.array(id()).min(1),
    completion,
  });
  const coursesFile = z.strictObject({ courses: z.array(course) });

  const account = z.strictObject({
    id: id(),
    platform: z.enum(PLATFORMS),
    handle: z.string().regex(/^@?[\p{L}\p{N}_.-]{1,50}$/u, { message: 'a handle is letters, digits, _ . - (an optional @ first)' }),
    name: localized(200),
    audienceLanguage: languageCode().optional().describe('The language its audience reads. Omitted: the language the trainee plays the scenario in.'),
    audience: z.strictObject({
      followers: z.int().min(0).max(1_000_000_000),
      description: localized(1_000),
    }),
    clearance: z
      .boolean()
      .optional()
      .describe("Every public word on this account needs clearance by headquarters first (the scenario's clearance block says who answers)"),
  });

  const severity = (fallback: Severity) =>
    z.enum(SEVERITIES).default(fallback).describe('minor: costs points; major: fails the policy axis; critical: fails the axis and the scenario');
  const factBase = { id: id(), label: localized(200), note: localized(1_000).optional(), severity: severity('major') };
  const fact = z.discriminatedUnion('type', [
    z.strictObject({
      ...factBase,
      type: z.literal('phone'),
      value: z.string().regex(/^\+?[\d\s().-]{5,30}$/, { message: 'a phone number is digits with optional + ( ) - . and spaces' }),
    }),
    z.strictObject({ ...factBase, type: z.literal('date'), value: z.iso.date({ message: 'a date is YYYY-MM-DD' }) }),
    z.strictObject({ ...factBase, type: z.literal('time'), value: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a time is HH:MM (24 h)' }) }),
    z.strictObject({ ...factBase, type: z.literal('number'), value: z.number() }),
    z.strictObject({ ...factBase, type: z.literal('url'), value: z.url({ protocol: /^https?$/, message: 'a URL starts with http:// or https://' }) }),
    z.strictObject({ ...factBase, type: z.literal('name'), value: localized(200), aliases: z.record(languageCode(), z.array(text(200))).optional() }),
    z.strictObject({ ...factBase, type: z.literal('text'), value: localized(2_000) }),
  ]);

  const wordList = () => z.record(languageCode(), z.array(text(200)).min(1));

  const keyMessage = z
    .strictObject({
      id: id(),
      wording: localized(1_000),
      keywords: wordList().optional().describe('Per language: words or phrases (lemmas match inflected forms) any of which shows the message is covered'),
      alternatives: wordList()
        .optional()
        .describe('Per language: other wordings of the message; a draft that says most of the words of one of them, in any order, covers it'),
      coveredByFact: id().optional().describe('A fact whose correct statement covers the message by itself'),
    })
    .refine((message) => Boolean(message.keywords || message.alternatives || message.coveredByFact), {
      message: 'say how a draft covers the message: keywords, alternatives or coveredByFact',
    });
  const redLine = z
    .strictObject({
      id: id(),
      description: localized(1_000),
      phrases: wordList().optional().describe('Per language: what must never be said'),
      concepts: z
        .array(z.enum(RED_LINE_CONCEPTS))
        .min(1)
        .optional()
        .describe('Red lines from the built-in multilingual library, recognised in other words than any listed phrase'),
      severity: severity('critical'),
    })
    .refine((line) => Boolean(line.phrases || line.concepts), { message: 'give the red line phrases, concepts or both' });
  const term = z.strictObject({
    id: id(),
    preferred: localized(200),
    deprecated: wordList(),
    note: localized(1_000).optional(),
    severity: severity('minor'),
  });
  const policy = z.strictObject({
    keyMessages: z.array(keyMessage),
    redLines: z.array(redLine).default([]),
    terminology: z.array(term).default([]),
    hashtags: z
      .strictObject({
        approved: z.array(z.string().regex(/^#[\p{L}\p{N}_]{1,100}$/u, { message: 'a hashtag is # then letters, digits or _' })).default([]),
      })
      .default({ approved: [] }),
    tone: z.strictObject({
      target: z.enum(TONE_TARGETS),
      note: localized(1_000).optional(),
    }),
  });

  const media = z.strictObject({ file: z.string(), alt: localized(500) });

  // A live stream (a reception, an exhibition opening) on the account: the comments come fast,
  // within seconds, and each says what it is so that moderating it can be graded.
  const liveComment = z.strictObject({
    id: id().describe("Unique among the scenario's inject and comment ids: a reply task may answer it"),
    after: offset().describe('When it is written, from the stream\'s start ("0:00:20": twenty seconds in)'),
    persona: id().optional().describe('Who writes it. Omitted: a viewer the player names'),
    nature: z.enum(LIVE_COMMENT_NATURES).describe('abuse and spam are to be hidden; a question, praise, criticism or an off-topic remark stays up'),
    text: localized(1_000),
  });
  const liveStream = z.strictObject({
    length: offset().describe('How long the stream runs'),
    viewers: z
      .array(z.strictObject({ after: offset().describe("From the stream's start"), count: z.int().min(0).max(100_000_000) }))
      .min(1)
      .describe('The viewer count at moments of the stream, sorted by time; between them it moves evenly'),
    comments: z.array(liveComment).default([]),
  });

  const inject = z.strictObject({
    id: id(),
    at: offset().describe('When it arrives, from the scenario start (for a branch inject: from when the branch fires)'),
    type: z.enum(INJECT_TYPES),
    persona: id(),
    account: id().describe('The trainee account whose feed or inbox it reaches'),
    replyTo: id().optional().describe('The inject this one answers'),
    text: localized(10_000),
    media: z.array(media).optional(),
    live: liveStream.optional().describe('For a live inject (and only for one): the stream, its viewers and its comments'),
    urgent: z
      .boolean()
      .optional()
      .describe('A citizen in danger or need: the inbox flags it, and the debrief says whether and how soon it was answered, even when no task asks'),
    engagement: z
      .strictObject({
        likes: z.int().min(0).default(0),
        shares: z.int().min(0).default(0),
        replies: z.int().min(0).default(0),
      })
      .optional(),
  });

  const passMark = z.strictObject({
    tone: z.number().min(0).max(100),
    policy: z.number().min(0).max(100),
    platform: z.number().min(0).max(100),
  });
  const verdict = z.enum(['pass', 'fail']);
  const calibrationDraft = z.strictObject({
    id: id(),
    language: languageCode().describe('The language the scenario is played in for this draft: accounts without a fixed audienceLanguage expect it'),
    text: text(20_000),
    expect: z.strictObject({ tone: verdict, policy: verdict, platform: verdict }),
    why: text(1_000).describe('What an experienced press officer would say of it'),
  });
  const task = z.strictObject({
    id: id(),
    kind: z.enum(TASK_KINDS),
    account: id(),
    replyTo: id().optional().describe('For a reply: the inject (or live comment) it answers'),
    stream: id().optional().describe('For a moderation task (and only for one): the live inject whose comments the trainee moderates'),
    recipient: id().optional().describe('For a direct message: the persona it goes to'),
    opensAt: offset().optional().describe('Omitted: the task opens only when a branch opens it'),
    due: offset().describe('Deadline, from the scenario start (for a branch-opened task: from when it opens)'),
    title: localized(200),
    brief: localized(4_000),
    requires: z
      .strictObject({
        keyMessages: z.array(id()).default([]),
        facts: z.array(id()).default([]),
        hashtags: z.array(z.string()).default([]),
      })
      .default({ keyMessages: [], facts: [], hashtags: [] }),
    passMark,
    rubric: rubric.optional(),
    modelAnswer: someLanguages(20_000),
    calibration: z.array(calibrationDraft).default([]),
    clearance: z
      .boolean()
      .optional()
      .describe("This task's publication needs clearance by headquarters first (the scenario's clearance block says who answers)"),
    report: z
      .strictObject({
        asks: z
          .array(z.enum(REPORT_ASKS))
          .min(1)
          .default([...REPORT_ASKS])
          .describe('The facts of the attempt the report must state: replies (how many), moods, accounts (the busiest), most-shared (the item shared most)'),
        words: z
          .strictObject({ min: z.int().min(1).max(5_000).default(REPORT_WORDS.min), max: z.int().min(1).max(5_000).default(REPORT_WORDS.max) })
          .default({ ...REPORT_WORDS })
          .describe("An internal note's length in words (defaults 40..250)"),
      })
      .optional()
      .describe('For a report task (and only for one): what the note to headquarters must state, and its length'),
  });

  const condition = z.union([z.strictObject({ task: id(), outcome: z.enum(TASK_OUTCOMES) }), z.strictObject({ time: offset() })]);
  const branch = z.strictObject({
    id: id(),
    when: z
      .strictObject({
        all: z.array(condition).min(1).optional(),
        any: z.array(condition).min(1).optional(),
      })
      .refine((value) => Boolean(value.all) !== Boolean(value.any), { message: 'give exactly one of "all" or "any"' }),
    then: z.strictObject({
      injects: z.array(inject).default([]),
      openTasks: z.array(id()).default([]),
      end: z.strictObject({ outcome: z.enum(['passed', 'failed']).optional(), message: localized(1_000) }).optional(),
    }),
  });

  // A reply that speaks of a particular moment of the story is tied to it, so that it never comes
  // before that moment; an untied reply fits anywhere.
  const reply = z.strictObject({
    persona: id().optional().describe('Who says it. Omitted: a plausible member of the public, named by the player'),
    text: localized(2_000),
    inject: id().optional().describe('Said only once this inject has arrived'),
    task: id().optional().describe('Said only under the publication made for this task'),
    from: offset().optional().describe('Said only at or after this time, from the scenario start'),
    until: offset().optional().describe('Said only at or before this time, from the scenario start'),
  });
  // A goal the debrief shows beside the grade, the way ministries judge their accounts; it never
  // changes whether the scenario passes.
  const target = z.strictObject({
    account: id().describe('The trainee account the target is for'),
    metric: z.enum(TARGET_METRICS).describe("reach: people shown the account's publications; engagement: their likes + shares + replies"),
    value: z.int().positive().max(1_000_000_000).describe('The number to reach'),
    by: offset().optional().describe("When it is to be reached, from the scenario start. Omitted: the scenario's end"),
  });
  // Headquarters signs off before a public word goes out: who answers, and how long it takes.
  const clearance = z.strictObject({
    reviewer: id().describe('The persona (role headquarters, pack or scenario persona) who answers requests for clearance'),
    delay: offset().describe('The least time headquarters takes to answer, "H:MM"'),
    extra: offset().describe('Up to this much longer, drawn from the attempt\'s seed (a good draft can still be held), "H:MM"'),
    remarks: z
      .array(localized(500))
      .optional()
      .describe('Lines the reviewer may add when clearing a draft, one drawn from the seed, e.g. "Cleared. Keep it short."'),
  });
  const scenario = z.strictObject({
    id: id(),
    kind: z.enum(SCENARIO_KINDS),
    languages: z.array(languageCode()).min(1).optional().describe("Omitted: the pack's languages"),
    title: localized(200),
    summary: localized(2_000),
    situation: localized(10_000),
    role: z.strictObject({ title: localized(200), organisation: localized(200) }),
    duration: offset().describe('How long the scenario runs in simulated time'),
    accounts: z.array(account).min(1),
    facts: z.array(fact),
    policy,
    personas: z.array(persona).default([]).describe('Scenario personas, beside the pack-wide ones'),
    timeline: z.array(inject),
    tasks: z.array(task).min(1),
    branches: z.array(branch).default([]),
    audience: z.strictObject({ replies: z.partialRecord(z.enum(REACTION_MOODS), z.array(reply)) }),
    passRule: completion,
    clearance: clearance.optional().describe('Clearance by headquarters: required when an account or a task says clearance: true'),
    targets: z.array(target).optional().describe('Reach or engagement targets per account, shown in the debrief beside the grade; they never change it'),
    platforms: platformOverrides.optional(),
    rubric: rubric.optional(),
    debrief: z.strictObject({ summary: localized(4_000), teachingPoints: z.array(localized(2_000)).min(1) }),
  });

  return { pack, personasFile, coursesFile, scenario };
}

const generic = createPackSchemas();
export const packSchemas = generic;
export type PackManifest = z.infer<typeof generic.pack>;
export type Persona = z.infer<typeof generic.personasFile>['personas'][number];
export type Course = z.infer<typeof generic.coursesFile>['courses'][number];
export type Scenario = z.infer<typeof generic.scenario>;
export type Account = Scenario['accounts'][number];
export type Fact = Scenario['facts'][number];
export type Policy = Scenario['policy'];
export type Inject = Scenario['timeline'][number];
export type Task = Scenario['tasks'][number];
export type Branch = Scenario['branches'][number];
export type CalibrationDraft = Task['calibration'][number];
export type ClearanceSettings = NonNullable<Scenario['clearance']>;
export type LiveStream = NonNullable<Inject['live']>;
export type LiveComment = LiveStream['comments'][number];
export type ReachTarget = NonNullable<Scenario['targets']>[number];
export type Localized = Record<string, string>;

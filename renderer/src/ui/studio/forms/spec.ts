// Runtime: renderer. What the forms show, as data: each section of a pack file and its fields, from
// which one renderer (fields.tsx) builds the inputs. The fields follow the format's schema
// (core/pack/schema.ts); only the common things get a form, the rest stays in the YAML view.
import type { IdKind } from '../../../core/studio/document';
import type { PackFileKind } from '../../../core/studio/translations';
import {
  FACT_TYPES,
  INJECT_TYPES,
  LIVE_COMMENT_NATURES,
  PERSONA_ROLES,
  PLATFORMS,
  REACTION_MOODS,
  RED_LINE_CONCEPTS,
  REPORT_ASKS,
  REPORT_WORDS,
  SCENARIO_KINDS,
  SEVERITIES,
  TASK_KINDS,
  TARGET_METRICS,
  TASK_OUTCOMES,
  TONE_TARGETS,
} from '../../../core/pack/schema';

export type FieldPath = readonly (string | number)[];

/**
 * Lists of ids a reference field offers: what the scenario (and the pack's personas) declare.
 * headquarters: the personas of that role; liveInjects: the live streams (injects of type live);
 * replyTargets: injects and live comments.
 */
export type RefKind = 'accounts' | 'personas' | 'headquarters' | 'injects' | 'liveInjects' | 'replyTargets' | 'tasks' | 'facts' | 'keyMessages';

/** Names of the value sets whose values are translated (`studioForms:enum.<name>.<value>`). */
export type EnumName =
  | 'kind'
  | 'platform'
  | 'factType'
  | 'injectType'
  | 'taskKind'
  | 'role'
  | 'tone'
  | 'severity'
  | 'concept'
  | 'verdict'
  | 'outcome'
  | 'endOutcome'
  | 'nature'
  | 'metric'
  | 'reportAsk';

interface Base {
  /** Relative to the item (or file) the field belongs to. */
  key: string | FieldPath;
  /** The label's key, `studioForms:fields.<label>`; the last part of the key when omitted. */
  label?: string;
  /** A short explanation (`studioForms:descriptions.<label>`), from the format's schema. */
  described?: boolean;
  optional?: boolean;
  /**
   * Shown only where the item's `key` is one of `values` (a task's kind, an inject's type), or where
   * the field holds a value already: misuse stays visible for the validator to report.
   */
  shownFor?: { key: string; values: readonly string[] };
}

export type FieldSpec =
  | (Base & { kind: 'id'; idKind: IdKind })
  | (Base & { kind: 'text'; multiline?: boolean })
  /** A time "H:MM", or "H:MM:SS" (`seconds`: within seconds is its usual grain, as in a live stream). */
  | (Base & { kind: 'offset'; seconds?: boolean })
  | (Base & { kind: 'number'; min?: number; max?: number })
  | (Base & { kind: 'boolean' })
  /** A trainee-visible text: one input per language, side by side. */
  | (Base & { kind: 'localized'; multiline?: boolean; perAccount?: boolean })
  | (Base & { kind: 'enum'; options: readonly string[]; enumName: EnumName })
  | (Base & { kind: 'enums'; options: readonly string[]; enumName: EnumName })
  | (Base & { kind: 'ref'; refs: RefKind })
  | (Base & { kind: 'refs'; refs: RefKind })
  /** Free words (hashtags, a pack's languages). */
  | (Base & { kind: 'tags' })
  /** One of the file's languages. */
  | (Base & { kind: 'language' })
  /** The languages a scenario is played in, from the pack's. */
  | (Base & { kind: 'languages' })
  /** Words per language (keywords, deprecated terms), side by side. */
  | (Base & { kind: 'wordList' })
  /** A fact's value: a text, a number or a text per language, by the fact's type. */
  | (Base & { kind: 'factValue' })
  | (Base & { kind: 'group'; fields: readonly FieldSpec[] })
  /** A part that may be absent: a switch adds it (from the template) or removes it. */
  | (Base & { kind: 'optionalGroup'; fields: readonly FieldSpec[]; template: (context: TemplateContext) => Record<string, unknown> })
  /** A branch's `when`: all or any of a list of conditions (the key is `all` or `any`). */
  | (Base & { kind: 'conditions'; list: ListSpec })
  | (Base & { kind: 'list'; list: ListSpec });

export interface TemplateContext {
  languages: readonly string[];
  /** A fresh id, unused in the file: `base`, else `base-2`, `base-3`… */
  freshId(base: string): string;
  /** The first id of a kind the scenario declares, to fill a reference of a new item. */
  firstRef(refs: RefKind): string | undefined;
}

/** How a summary names a choice (an enum's value) in the UI's language. */
export interface SummaryWords {
  choice(enumName: string, value: unknown): string | null;
}

export interface ListSpec {
  /** The item's name, `studioForms:items.<item>` (e.g. "account"). */
  item: string;
  fields: readonly FieldSpec[];
  /** A new item: valid where it can be, with an empty text per language to fill. */
  template(context: TemplateContext): Record<string, unknown>;
  /** What the item is called in its list (its id, and a hint of what it is), choices named in the UI's words. */
  summary?: (item: Record<string, unknown>, words: SummaryWords) => string | null;
}

export interface SectionSpec {
  id: string;
  /** Where in the file its fields live: [] for the file's top, or a list's path. */
  path: FieldPath;
  /** The paths whose missing translations the section counts (its own path when omitted). */
  counts?: readonly FieldPath[];
  fields?: readonly FieldSpec[];
  list?: ListSpec;
}

const texts = (languages: readonly string[]) => Object.fromEntries(languages.map((language) => [language, '']));
const string = (value: unknown) => (typeof value === 'string' ? value : null);

const PERSONA: ListSpec = {
  item: 'persona',
  fields: [
    { kind: 'id', key: 'id', idKind: 'persona' },
    { kind: 'localized', key: 'name' },
    { kind: 'text', key: 'handle' },
    { kind: 'enum', key: 'role', options: PERSONA_ROLES, enumName: 'role' },
    { kind: 'boolean', key: 'verified', optional: true },
    { kind: 'localized', key: 'bio', multiline: true, optional: true },
    { kind: 'text', key: 'avatar', optional: true, described: true },
  ],
  template: ({ languages, freshId }) => ({ id: freshId('persona'), name: texts(languages), handle: '@handle', role: 'citizen' }),
  summary: (item) => string(item.handle),
};

const ACCOUNT: ListSpec = {
  item: 'account',
  fields: [
    { kind: 'id', key: 'id', idKind: 'account' },
    { kind: 'enum', key: 'platform', options: PLATFORMS, enumName: 'platform' },
    { kind: 'text', key: 'handle' },
    { kind: 'localized', key: 'name' },
    { kind: 'language', key: 'audienceLanguage', optional: true, described: true },
    { kind: 'number', key: ['audience', 'followers'], label: 'followers', min: 0 },
    { kind: 'localized', key: ['audience', 'description'], label: 'audienceDescription', multiline: true },
    { kind: 'boolean', key: 'clearance', label: 'accountClearance', described: true },
  ],
  template: ({ languages, freshId }) => ({
    id: freshId('account'),
    platform: 'x',
    handle: '@embassy',
    name: texts(languages),
    audience: { followers: 0, description: texts(languages) },
  }),
  summary: (item, words) => [words.choice('platform', item.platform), string(item.handle)].filter(Boolean).join(' · ') || null,
};

const FACT: ListSpec = {
  item: 'fact',
  fields: [
    { kind: 'id', key: 'id', idKind: 'fact' },
    { kind: 'enum', key: 'type', options: FACT_TYPES, enumName: 'factType' },
    { kind: 'localized', key: 'label' },
    { kind: 'factValue', key: 'value' },
    { kind: 'enum', key: 'severity', options: SEVERITIES, enumName: 'severity', optional: true, described: true },
    { kind: 'localized', key: 'note', optional: true },
  ],
  template: ({ languages, freshId }) => ({ id: freshId('fact'), type: 'text', label: texts(languages), value: texts(languages) }),
  summary: (item, words) => words.choice('factType', item.type),
};

const KEY_MESSAGE: ListSpec = {
  item: 'keyMessage',
  fields: [
    { kind: 'id', key: 'id', idKind: 'key-message' },
    { kind: 'localized', key: 'wording', multiline: true },
    { kind: 'wordList', key: 'keywords', optional: true, described: true },
    { kind: 'wordList', key: 'alternatives', optional: true, described: true },
    { kind: 'ref', key: 'coveredByFact', refs: 'facts', optional: true, described: true },
  ],
  template: ({ languages, freshId }) => ({ id: freshId('message'), wording: texts(languages), keywords: {} }),
};

const RED_LINE: ListSpec = {
  item: 'redLine',
  fields: [
    { kind: 'id', key: 'id', idKind: 'red-line' },
    { kind: 'localized', key: 'description', multiline: true },
    { kind: 'enums', key: 'concepts', options: RED_LINE_CONCEPTS, enumName: 'concept', optional: true, described: true },
    { kind: 'wordList', key: 'phrases', optional: true, described: true },
    { kind: 'enum', key: 'severity', options: SEVERITIES, enumName: 'severity', optional: true, described: true },
  ],
  template: ({ languages, freshId }) => ({ id: freshId('red-line'), description: texts(languages), concepts: ['personal-data-request'] }),
};

const TERM: ListSpec = {
  item: 'term',
  fields: [
    { kind: 'id', key: 'id', idKind: 'term' },
    { kind: 'localized', key: 'preferred' },
    { kind: 'wordList', key: 'deprecated' },
    { kind: 'localized', key: 'note', optional: true },
    { kind: 'enum', key: 'severity', options: SEVERITIES, enumName: 'severity', optional: true, described: true },
  ],
  template: ({ languages, freshId }) => ({ id: freshId('term'), preferred: texts(languages), deprecated: {} }),
};

const VIEWERS: ListSpec = {
  item: 'viewers',
  fields: [
    { kind: 'offset', key: 'after', label: 'viewersAfter', seconds: true, described: true },
    { kind: 'number', key: 'count', label: 'viewerCount', min: 0 },
  ],
  template: () => ({ after: '0:00', count: 100 }),
  summary: (item) => [string(item.after), typeof item.count === 'number' ? String(item.count) : null].filter(Boolean).join(' · ') || null,
};

const LIVE_COMMENT: ListSpec = {
  item: 'liveComment',
  fields: [
    // A comment's id is not renamed through the pack (no reference list holds it): written as text.
    { kind: 'text', key: 'id', label: 'commentId', described: true },
    { kind: 'offset', key: 'after', label: 'commentAfter', seconds: true, described: true },
    { kind: 'ref', key: 'persona', label: 'commentPersona', refs: 'personas', optional: true, described: true },
    { kind: 'enum', key: 'nature', options: LIVE_COMMENT_NATURES, enumName: 'nature', described: true },
    { kind: 'localized', key: 'text', label: 'commentText', multiline: true },
  ],
  template: ({ languages, freshId }) => ({ id: freshId('live-comment'), after: '0:00:30', nature: 'question', text: texts(languages) }),
  summary: (item, words) => [string(item.after), words.choice('nature', item.nature)].filter(Boolean).join(' · ') || null,
};

const INJECT: ListSpec = {
  item: 'inject',
  fields: [
    { kind: 'id', key: 'id', idKind: 'inject' },
    { kind: 'offset', key: 'at', described: true },
    { kind: 'enum', key: 'type', options: INJECT_TYPES, enumName: 'injectType' },
    { kind: 'ref', key: 'persona', refs: 'personas' },
    { kind: 'ref', key: 'account', refs: 'accounts', described: true },
    { kind: 'ref', key: 'replyTo', refs: 'injects', optional: true, described: true },
    { kind: 'localized', key: 'text', multiline: true },
    { kind: 'boolean', key: 'urgent', optional: true, described: true },
    {
      kind: 'optionalGroup',
      key: 'live',
      label: 'liveStream',
      described: true,
      shownFor: { key: 'type', values: ['live'] },
      fields: [
        { kind: 'offset', key: 'length', label: 'liveLength', seconds: true, described: true },
        { kind: 'list', key: 'viewers', described: true, list: VIEWERS },
        { kind: 'list', key: 'comments', label: 'liveComments', described: true, list: LIVE_COMMENT },
      ],
      template: () => ({ length: '0:20', viewers: [{ after: '0:00', count: 100 }], comments: [] }),
    },
  ],
  template: ({ languages, freshId, firstRef }) => ({
    id: freshId('inject'),
    at: '0:00',
    type: 'post',
    persona: firstRef('personas') ?? 'persona',
    account: firstRef('accounts') ?? 'account',
    text: texts(languages),
  }),
  summary: (item, words) => [string(item.at), words.choice('injectType', item.type)].filter(Boolean).join(' · ') || null,
};

const VERDICT = ['pass', 'fail'] as const;

const CALIBRATION_DRAFT: ListSpec = {
  item: 'calibration',
  fields: [
    { kind: 'id', key: 'id', idKind: 'calibration' },
    { kind: 'language', key: 'language', described: true },
    { kind: 'text', key: 'text', label: 'draftText', multiline: true },
    {
      kind: 'group',
      key: 'expect',
      fields: [
        { kind: 'enum', key: 'tone', label: 'axisTone', options: VERDICT, enumName: 'verdict' },
        { kind: 'enum', key: 'policy', label: 'axisPolicy', options: VERDICT, enumName: 'verdict' },
        { kind: 'enum', key: 'platform', label: 'axisPlatform', options: VERDICT, enumName: 'verdict' },
      ],
    },
    { kind: 'text', key: 'why', multiline: true, described: true },
  ],
  template: ({ languages, freshId }) => ({
    id: freshId('draft'),
    language: languages[0] ?? 'en',
    text: '',
    expect: { tone: 'pass', policy: 'pass', platform: 'pass' },
    why: '',
  }),
  summary: (item) => {
    const expect = item.expect as Record<string, unknown> | undefined;
    return [string(item.language), expect ? ['tone', 'policy', 'platform'].map((axis) => (expect[axis] === 'fail' ? '✗' : '✓')).join('') : null]
      .filter(Boolean)
      .join(' · ');
  },
};

const TASK: ListSpec = {
  item: 'task',
  fields: [
    { kind: 'id', key: 'id', idKind: 'task' },
    { kind: 'enum', key: 'kind', label: 'taskKind', options: TASK_KINDS, enumName: 'taskKind' },
    { kind: 'ref', key: 'account', refs: 'accounts' },
    { kind: 'ref', key: 'replyTo', refs: 'replyTargets', optional: true, label: 'taskReplyTo', described: true },
    { kind: 'ref', key: 'stream', refs: 'liveInjects', optional: true, described: true, shownFor: { key: 'kind', values: ['moderation'] } },
    { kind: 'ref', key: 'recipient', refs: 'personas', optional: true, described: true },
    { kind: 'offset', key: 'opensAt', optional: true, described: true },
    { kind: 'offset', key: 'due', described: true },
    { kind: 'localized', key: 'title' },
    { kind: 'localized', key: 'brief', multiline: true },
    { kind: 'boolean', key: 'clearance', label: 'taskClearance', described: true },
    {
      kind: 'optionalGroup',
      key: 'report',
      described: true,
      shownFor: { key: 'kind', values: ['report'] },
      fields: [
        { kind: 'enums', key: 'asks', label: 'reportAsks', options: REPORT_ASKS, enumName: 'reportAsk', described: true },
        {
          kind: 'group',
          key: 'words',
          label: 'reportWords',
          described: true,
          fields: [
            { kind: 'number', key: 'min', label: 'wordsMin', min: 1, max: 5_000 },
            { kind: 'number', key: 'max', label: 'wordsMax', min: 1, max: 5_000 },
          ],
        },
      ],
      template: () => ({ asks: [...REPORT_ASKS], words: { ...REPORT_WORDS } }),
    },
    {
      kind: 'group',
      key: 'requires',
      fields: [
        { kind: 'refs', key: 'keyMessages', label: 'requiredKeyMessages', refs: 'keyMessages' },
        { kind: 'refs', key: 'facts', label: 'requiredFacts', refs: 'facts' },
        { kind: 'tags', key: 'hashtags', label: 'requiredHashtags' },
      ],
    },
    {
      kind: 'group',
      key: 'passMark',
      described: true,
      fields: [
        { kind: 'number', key: 'tone', label: 'axisTone', min: 0, max: 100 },
        { kind: 'number', key: 'policy', label: 'axisPolicy', min: 0, max: 100 },
        { kind: 'number', key: 'platform', label: 'axisPlatform', min: 0, max: 100 },
      ],
    },
    { kind: 'localized', key: 'modelAnswer', multiline: true, perAccount: true, described: true },
    { kind: 'list', key: 'calibration', label: 'calibrationDrafts', described: true, list: CALIBRATION_DRAFT },
  ],
  template: ({ languages, freshId, firstRef }) => ({
    id: freshId('task'),
    kind: 'post',
    account: firstRef('accounts') ?? 'account',
    opensAt: '0:00',
    due: '0:30',
    title: texts(languages),
    brief: texts(languages),
    passMark: { tone: 70, policy: 70, platform: 70 },
    modelAnswer: texts(languages),
  }),
  summary: (item, words) =>
    [words.choice('taskKind', item.kind), string(item.opensAt) && string(item.due) ? `${String(item.opensAt)}–${String(item.due)}` : string(item.due)]
      .filter(Boolean)
      .join(' · ') || null,
};

const CONDITION: ListSpec = {
  item: 'condition',
  fields: [
    { kind: 'ref', key: 'task', label: 'conditionTask', refs: 'tasks', optional: true, described: true },
    { kind: 'enum', key: 'outcome', label: 'conditionOutcome', options: TASK_OUTCOMES, enumName: 'outcome', optional: true },
    { kind: 'offset', key: 'time', label: 'conditionTime', optional: true, described: true },
  ],
  template: ({ firstRef }) => ({ task: firstRef('tasks') ?? 'task', outcome: 'failed' }),
  summary: (item, words) =>
    string(item.time) ? `⏱ ${String(item.time)}` : [string(item.task), words.choice('outcome', item.outcome)].filter(Boolean).join(' · ') || null,
};

const BRANCH: ListSpec = {
  item: 'branch',
  fields: [
    { kind: 'id', key: 'id', idKind: 'branch' },
    { kind: 'conditions', key: 'when', label: 'conditions', described: true, list: CONDITION },
    { kind: 'list', key: ['then', 'injects'], label: 'branchInjects', described: true, list: INJECT },
    { kind: 'refs', key: ['then', 'openTasks'], label: 'openTasks', refs: 'tasks', optional: true, described: true },
    {
      kind: 'optionalGroup',
      key: ['then', 'end'],
      label: 'endsScenario',
      described: true,
      fields: [
        { kind: 'enum', key: 'outcome', label: 'endOutcome', options: ['passed', 'failed'], enumName: 'endOutcome', optional: true, described: true },
        { kind: 'localized', key: 'message', label: 'endMessage', multiline: true },
      ],
      template: ({ languages }) => ({ outcome: 'failed', message: texts(languages) }),
    },
  ],
  template: ({ freshId, firstRef }) => ({
    id: freshId('branch'),
    when: { any: [{ task: firstRef('tasks') ?? 'task', outcome: 'failed' }] },
    then: { openTasks: [] },
  }),
};

const AUDIENCE_REPLY: ListSpec = {
  item: 'reply',
  fields: [
    { kind: 'ref', key: 'persona', label: 'replyPersona', refs: 'personas', optional: true, described: true },
    { kind: 'localized', key: 'text', multiline: true },
    // What the reply speaks of: it is said only once that has happened.
    { kind: 'ref', key: 'inject', label: 'replyInject', refs: 'injects', optional: true, described: true },
    { kind: 'ref', key: 'task', label: 'replyTask', refs: 'tasks', optional: true, described: true },
    { kind: 'offset', key: 'from', label: 'replyFrom', optional: true, described: true },
    { kind: 'offset', key: 'until', label: 'replyUntil', optional: true, described: true },
  ],
  template: ({ languages }) => ({ text: texts(languages) }),
  summary: (item) => {
    const text = item.text as Record<string, unknown> | undefined;
    return (text && Object.values(text).find((value): value is string => typeof value === 'string' && value.trim() !== '')) ?? null;
  },
};

const MOOD_LABELS: Record<(typeof REACTION_MOODS)[number], string> = {
  supportive: 'repliesSupportive',
  grateful: 'repliesGrateful',
  confused: 'repliesConfused',
  critical: 'repliesCritical',
  hostile: 'repliesHostile',
};

const TEACHING_POINT: ListSpec = {
  item: 'teachingPoint',
  fields: [{ kind: 'localized', key: [], label: 'teachingPoint', multiline: true }],
  template: ({ languages }) => texts(languages),
  summary: (item) => Object.values(item).find((text): text is string => typeof text === 'string' && text.trim() !== '') ?? null,
};

const REMARK: ListSpec = {
  item: 'remark',
  fields: [{ kind: 'localized', key: [], label: 'remark' }],
  template: ({ languages }) => texts(languages),
  summary: (item) => Object.values(item).find((text): text is string => typeof text === 'string' && text.trim() !== '') ?? null,
};

const TARGET: ListSpec = {
  item: 'target',
  fields: [
    { kind: 'ref', key: 'account', label: 'targetAccount', refs: 'accounts' },
    { kind: 'enum', key: 'metric', options: TARGET_METRICS, enumName: 'metric', described: true },
    { kind: 'number', key: 'value', label: 'targetValue', min: 1 },
    { kind: 'offset', key: 'by', label: 'targetBy', optional: true, described: true },
  ],
  template: ({ firstRef }) => ({ account: firstRef('accounts') ?? 'account', metric: 'reach', value: 10_000 }),
  summary: (item, words) =>
    [
      string(item.account),
      [words.choice('metric', item.metric), typeof item.value === 'number' ? String(item.value) : null].filter(Boolean).join(' '),
      string(item.by),
    ]
      .filter(Boolean)
      .join(' · ') || null,
};

const SCENARIO_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'header',
    path: [],
    counts: [['title'], ['summary'], ['situation'], ['role']],
    fields: [
      { kind: 'id', key: 'id', label: 'scenarioId', idKind: 'scenario' },
      { kind: 'enum', key: 'kind', label: 'scenarioKind', options: SCENARIO_KINDS, enumName: 'kind' },
      { kind: 'languages', key: 'languages', optional: true, described: true },
      { kind: 'localized', key: 'title' },
      { kind: 'localized', key: 'summary', multiline: true },
      { kind: 'localized', key: 'situation', multiline: true },
      { kind: 'localized', key: ['role', 'title'], label: 'roleTitle' },
      { kind: 'localized', key: ['role', 'organisation'], label: 'roleOrganisation' },
      { kind: 'offset', key: 'duration', described: true },
    ],
  },
  { id: 'accounts', path: ['accounts'], list: ACCOUNT },
  { id: 'facts', path: ['facts'], list: FACT },
  {
    id: 'policy',
    path: ['policy'],
    fields: [
      { kind: 'list', key: 'keyMessages', list: KEY_MESSAGE },
      { kind: 'list', key: 'redLines', list: RED_LINE },
      { kind: 'list', key: 'terminology', list: TERM },
      { kind: 'tags', key: ['hashtags', 'approved'], label: 'approvedHashtags' },
      { kind: 'enum', key: ['tone', 'target'], label: 'toneTarget', options: TONE_TARGETS, enumName: 'tone' },
      { kind: 'localized', key: ['tone', 'note'], label: 'toneNote', optional: true },
    ],
  },
  { id: 'personas', path: ['personas'], list: PERSONA },
  { id: 'injects', path: ['timeline'], list: INJECT },
  { id: 'tasks', path: ['tasks'], list: TASK },
  { id: 'branches', path: ['branches'], list: BRANCH },
  {
    // Headquarters' sign-off and the account goals: both scenario-wide, beside the timeline's detail.
    id: 'clearanceTargets',
    path: [],
    counts: [['clearance'], ['targets']],
    fields: [
      {
        kind: 'optionalGroup',
        key: 'clearance',
        label: 'clearance',
        described: true,
        fields: [
          { kind: 'ref', key: 'reviewer', refs: 'personas', described: true },
          { kind: 'offset', key: 'delay', label: 'clearanceDelay', described: true },
          { kind: 'offset', key: 'extra', label: 'clearanceExtra', described: true },
          { kind: 'list', key: 'remarks', described: true, list: REMARK },
        ],
        template: ({ firstRef }) => ({ reviewer: firstRef('headquarters') ?? firstRef('personas') ?? 'headquarters', delay: '0:05', extra: '0:05' }),
      },
      { kind: 'list', key: 'targets', described: true, list: TARGET },
    ],
  },
  {
    id: 'audience',
    path: ['audience'],
    fields: REACTION_MOODS.map((mood): FieldSpec => ({ kind: 'list', key: ['replies', mood], label: MOOD_LABELS[mood], list: AUDIENCE_REPLY })),
  },
  {
    id: 'debrief',
    path: ['debrief'],
    fields: [
      { kind: 'localized', key: 'summary', label: 'debriefSummary', multiline: true },
      { kind: 'list', key: 'teachingPoints', list: TEACHING_POINT },
    ],
  },
];

const AUTHOR: ListSpec = {
  item: 'author',
  fields: [
    { kind: 'text', key: 'name', label: 'authorName' },
    { kind: 'text', key: 'organisation', optional: true },
    { kind: 'text', key: 'email', optional: true },
  ],
  template: () => ({ name: '' }),
  summary: (item) => string(item.name),
};

const PACK_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'pack',
    path: [],
    fields: [
      { kind: 'text', key: 'id', label: 'packId', described: true },
      { kind: 'text', key: 'version', described: true },
      { kind: 'localized', key: 'title' },
      { kind: 'localized', key: 'description', multiline: true },
      { kind: 'tags', key: 'languages', label: 'packLanguages', described: true },
      { kind: 'text', key: 'licence' },
      { kind: 'text', key: 'minAppVersion', described: true },
      { kind: 'list', key: 'authors', list: AUTHOR },
    ],
  },
];

const PERSONAS_SECTIONS: readonly SectionSpec[] = [{ id: 'packPersonas', path: ['personas'], list: PERSONA }];

/** The forms of a kind of pack file; courses have none (the YAML view edits them). */
export function sectionsOf(kind: PackFileKind): readonly SectionSpec[] {
  switch (kind) {
    case 'scenario':
      return SCENARIO_SECTIONS;
    case 'pack':
      return PACK_SECTIONS;
    case 'personas':
      return PERSONAS_SECTIONS;
    case 'courses':
      return [];
  }
}

export function keyPath(key: string | FieldPath): FieldPath {
  return typeof key === 'string' ? [key] : key;
}

export function labelOf(field: FieldSpec): string {
  if (field.label) return field.label;
  const path = keyPath(field.key);
  return String(path[path.length - 1]);
}

/** Which section holds `path` (and so opens when the author is sent there). */
export function sectionFor(sections: readonly SectionSpec[], path: FieldPath): SectionSpec | undefined {
  const within = (prefix: FieldPath) => prefix.length > 0 && prefix.every((part, index) => path[index] === part);
  return (
    sections.find((section) => within(section.path)) ??
    sections.find((section) => section.path.length === 0 && section.fields?.some((field) => within(keyPath(field.key)) || path.length === 0))
  );
}

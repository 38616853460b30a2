// Runtime: any (pure core). A master events list (MEL) — the spreadsheet exercise planners keep, one
// row per event: time, persona, channel, account, text, expected action — turned into a plan of
// what to add to a scenario: injects, the personas they come from, and a task for each row that asks
// the trainee to respond. Nothing is applied here: the plan lists what it would create and every
// row it cannot read (which column, what was there, why), so the dialog can show a dry run first.
import { distance } from 'fastest-levenshtein';
import { SYNONYMS } from '../pack/hints';
import { INJECT_TYPES, PLATFORMS, TASK_KINDS, formatOffset, type PERSONA_ROLES, type Platform, type TaskKind } from '../pack/schema';
import { DocumentEditError, readAt, type DocumentEdit, type PackDocument } from './document';
import { insertIn, parseText, stringifyOptions, TreeEditRefused } from './yaml-text';
import type { MelField, MelMapping } from './mel-mapping';

export * from './mel-mapping';

export type InjectType = (typeof INJECT_TYPES)[number];
export type PersonaRole = (typeof PERSONA_ROLES)[number];

/**
 * One cell as the spreadsheet gave it: text, a plain number, or a number the spreadsheet formats as a
 * date or time (Excel's serial days: 0.0034722 is 0:05, 46197.42 is 24 June 2026 10:05).
 */
export type MelCell = string | number | { serial: number } | null;

// ---------------------------------------------------------------------------------------------
// Reading cells

const MINUTES_PER_DAY = 24 * 60;
/** An offset is "H:MM" with at most two digits of hours (core/pack/schema.ts). */
export const MAX_OFFSET_MINUTES = 99 * 60 + 59;

export type TimeReading = { minutes: number } | { problem: 'time-unreadable' | 'time-seconds' | 'time-too-late' };

/**
 * Minutes from the start, from what planners write: "0:05", "00:05", "5" (minutes), "T+0:05",
 * "T+5", "+0:05", "0:05:00", "1h05", a spreadsheet time (a fraction of a day) or a date and time
 * (counted from `startSerial`, the earliest date-time in the column: the exercise's start).
 */
export function readTime(cell: MelCell, startSerial: number | null): TimeReading {
  if (cell === null) return { problem: 'time-unreadable' };
  if (typeof cell === 'object') {
    const days = cell.serial >= 1 && startSerial !== null ? cell.serial - startSerial : cell.serial;
    return checked(days * MINUTES_PER_DAY);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 && Number.isInteger(cell) ? checked(cell) : { problem: 'time-unreadable' };
  const text = cell
    .trim()
    .replace(/^[tт]\s*\+\s*/iu, '')
    .replace(/^\+\s*/, '');
  let match = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text);
  if (match) {
    if (Number(match[2]) > 59) return { problem: 'time-unreadable' };
    if (match[3] !== undefined && Number(match[3]) !== 0) return { problem: 'time-seconds' };
    return checked(Number(match[1]) * 60 + Number(match[2]));
  }
  match = /^(\d{1,4})\s*(?:m|min|mins|minutes?|мин|минут[аы]?)?$/iu.exec(text);
  if (match) return checked(Number(match[1]));
  match = /^(\d{1,2})\s*(?:h|ч)\s*(\d{1,2})?\s*(?:m|min|мин)?$/iu.exec(text);
  if (match && Number(match[2] ?? 0) <= 59) return checked(Number(match[1]) * 60 + Number(match[2] ?? 0));
  return { problem: 'time-unreadable' };
}

function checked(minutes: number): TimeReading {
  // A spreadsheet's 0:05 is 0.00347… days: rounding to the minute undoes the binary fraction.
  const whole = Math.round(minutes);
  if (whole < 0 || Math.abs(whole - minutes) > 0.01) return { problem: whole < 0 ? 'time-unreadable' : 'time-seconds' };
  return whole > MAX_OFFSET_MINUTES ? { problem: 'time-too-late' } : { minutes: whole };
}

/** Excel's day 0 (serial days count from 30 December 1899), in milliseconds since 1970. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/**
 * A cell as text, trimmed: numbers as written, a spreadsheet time as H:MM (H:MM:SS when it has
 * seconds), a date and time as YYYY-MM-DD HH:MM — what the author sees in the spreadsheet.
 */
export function cellText(cell: MelCell): string {
  if (cell === null) return '';
  if (typeof cell !== 'object') return String(cell).trim();
  const seconds = Math.round((cell.serial - Math.floor(cell.serial)) * 86_400);
  const clock = `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}${seconds % 60 ? `:${String(seconds % 60).padStart(2, '0')}` : ''}`;
  if (cell.serial < 1) return clock;
  const day = new Date(EXCEL_EPOCH_MS + Math.floor(cell.serial) * MS_PER_DAY).toISOString().slice(0, 10);
  return `${day} ${clock.padStart(clock.length + (seconds < 36_000 ? 1 : 0), '0')}`;
}

/** Inject types by the words planners use for them. */
const CHANNEL_WORDS: Record<string, InjectType> = {
  post: 'post',
  tweet: 'post',
  пост: 'post',
  публикация: 'post',
  reply: 'reply',
  comment: 'reply',
  response: 'reply',
  ответ: 'reply',
  комментарий: 'reply',
  dm: 'direct-message',
  'direct message': 'direct-message',
  'private message': 'direct-message',
  message: 'direct-message',
  pm: 'direct-message',
  лс: 'direct-message',
  'личное сообщение': 'direct-message',
  сообщение: 'direct-message',
  news: 'news',
  'news item': 'news',
  article: 'news',
  новость: 'news',
  новости: 'news',
  статья: 'news',
  trend: 'trend',
  trending: 'trend',
  тренд: 'trend',
  hq: 'hq-request',
  'hq request': 'hq-request',
  headquarters: 'hq-request',
  request: 'hq-request',
  instruction: 'hq-request',
  центр: 'hq-request',
  'запрос центра': 'hq-request',
  поручение: 'hq-request',
  запрос: 'hq-request',
  // Ukrainian
  допис: 'post',
  публікація: 'post',
  відповідь: 'reply',
  коментар: 'reply',
  пп: 'direct-message',
  'особисте повідомлення': 'direct-message',
  'приватне повідомлення': 'direct-message',
  повідомлення: 'direct-message',
  новина: 'news',
  новини: 'news',
  стаття: 'news',
  'доручення центру': 'hq-request',
  'запит центру': 'hq-request',
  доручення: 'hq-request',
  запит: 'hq-request',
};
for (const type of INJECT_TYPES) CHANNEL_WORDS[type] = type;

const keyOf = (value: string) => value.normalize('NFC').toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Other names of platforms: the validator's (`twitter` → `x`, core/pack/hints.ts) and the ones planners write in Russian. */
const PLATFORM_WORDS: Record<string, Platform> = {
  'twitter x': 'x',
  телеграм: 'telegram',
  телеграмм: 'telegram',
  инстаграм: 'instagram',
  фейсбук: 'facebook',
  твиттер: 'x',
  ютуб: 'youtube',
  інстаграм: 'instagram',
  // фейсбук is spelt alike in Ukrainian: the Russian entry above reads both.
  твіттер: 'x',
};
for (const [word, name] of Object.entries(SYNONYMS)) if ((PLATFORMS as readonly string[]).includes(name)) PLATFORM_WORDS[keyOf(word)] = name as Platform;
for (const platform of PLATFORMS) PLATFORM_WORDS[platform] = platform;

export type ChannelReading = { type: InjectType; platform: Platform | null } | { problem: 'channel-unknown'; suggestions: string[] };

/** A channel cell: an inject type ("DM", "news"), a platform ("Twitter" → a post on X), or both ("X reply"). */
export function readChannel(cell: MelCell): ChannelReading {
  const text = keyOf(cellText(cell));
  if (!text) return { type: 'post', platform: null };
  const whole = CHANNEL_WORDS[text] ?? null;
  if (whole) return { type: whole, platform: null };
  const platform = PLATFORM_WORDS[text] ?? null;
  if (platform) return { type: 'post', platform };
  // "X reply", "Facebook post", "Telegram DM": a platform and a type in either order.
  const words = text.split(' ');
  for (let split = 1; split < words.length; split += 1) {
    const first = words.slice(0, split).join(' ');
    const rest = words.slice(split).join(' ');
    const pairs: [string, string][] = [
      [first, rest],
      [rest, first],
    ];
    for (const [platformWord, typeWord] of pairs) {
      const foundPlatform = PLATFORM_WORDS[platformWord];
      const foundType = CHANNEL_WORDS[typeWord];
      if (foundPlatform && foundType) return { type: foundType, platform: foundPlatform };
    }
  }
  return {
    problem: 'channel-unknown',
    suggestions: suggest(text, [...INJECT_TYPES, ...PLATFORMS, ...Object.keys(CHANNEL_WORDS), ...Object.keys(PLATFORM_WORDS)]),
  };
}

/** A pattern of words, each starting a word (JavaScript's \b knows only Latin letters). */
const wordPattern = (alternatives: string, whole = false) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})${whole ? '(?![\\p{L}\\p{N}])' : ''}`, 'iu');

/** Task kinds by the words planners use for what the trainee is expected to do; the first match wins. */
const ACTION_WORDS: [RegExp, TaskKind | null][] = [
  // Nothing to write: the row is only an inject.
  [/^\s*(?:-|—|–|n\/a)\s*$/u, null],
  [
    /^\s*(?:none|no action|no response|monitor|observe|note|read only|нет|не требуется|без ответа|наблюдать|мониторинг|принять к сведению|к сведению|немає|не потрібно|без відповіді|спостерігати|моніторинг|взяти до відома|до відома)(?![\p{L}\p{N}])/iu,
    null,
  ],
  // A note to the ministry on what the public says: before "report" could be read as anything public.
  [
    wordPattern(
      'report to (?:hq|headquarters|the ministry)|sitrep|monitoring report|доклад|отч[её]т в центр|служебн\\p{L}* записк|доповід|звіт до центру|службов\\p{L}* записк',
    ),
    'report',
  ],
  [wordPattern('mass notification|mass notify|notify|notification|alert|sms|рассылк|оповещ|уведом|розсил|сповіщ|оповіщ'), 'mass-notification'],
  [wordPattern('thread|тред|цепочк|ветк|ланцюж|гілк'), 'thread'],
  [wordPattern('dm|pm|лс|пп', true), 'direct-message'],
  [wordPattern('direct message|private message|message back|личн\\p{L}* сообщени|личк|особист\\p{L}* повідомлен|приватн\\p{L}* повідомлен'), 'direct-message'],
  [wordPattern('reply|respond|response|answer|comment|ответ|комментар|відповід|відповіс|коментар|прокоментува'), 'reply'],
  [
    wordPattern('post|publish|tweet|statement|announce|опубликова|публикац|пост|заявлени|разместить|выложить|опублікува|публікац|допис|заяв|розмісти|виклас'),
    'post',
  ],
];

export type ActionReading = { kind: TaskKind | null } | { problem: 'action-unknown'; suggestions: string[] };

/** The expected action: a task kind when it asks for something written, null when it does not. */
export function readAction(cell: MelCell): ActionReading {
  const text = cellText(cell);
  if (!text) return { kind: null };
  for (const [pattern, kind] of ACTION_WORDS) if (pattern.test(text)) return { kind };
  return { problem: 'action-unknown', suggestions: [...TASK_KINDS, 'none'] };
}

/**
 * At most three known names close to `value`, the closest first; when none is close, every name
 * (`orAll`: a scenario's few accounts, one of which must be written) or none.
 */
function suggest(value: string, names: readonly string[], orAll = false): string[] {
  const unique = [...new Set(names)];
  const near = unique
    .map((name) => ({ name, cost: distance(value, name) }))
    .filter(({ name, cost }) => value !== '' && cost <= Math.max(2, Math.floor(Math.max(value.length, name.length) / 3)))
    .sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name));
  if (near.length > 0) return near.slice(0, 3).map(({ name }) => name);
  return orAll ? unique : [];
}

// ---------------------------------------------------------------------------------------------
// Ids

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
}; // prettier-ignore

/** An id ([a-z0-9-], as the pack format wants) from a name in Latin or Cyrillic letters; '' when nothing is left. */
export function slugify(value: string, maxLength = 40): string {
  const latin = [
    ...value
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  ]
    .map((char) => CYRILLIC[char] ?? char)
    .join('');
  return latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/**
 * Hands out ids not taken yet: `base`, else `base-2`, `base-3`… Remembers where each base got to, so
 * a thousand rows of one persona at one time cost a thousand probes, not half a million.
 */
export class IdAllocator {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();
  /** Lookups made so far: the work, which tests bound. */
  probes = 0;

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  allocate(base: string): string {
    let suffix = this.next.get(base) ?? 1;
    let candidate = suffix === 1 ? base : `${base}-${suffix}`;
    for (;;) {
      this.probes += 1;
      if (!this.taken.has(candidate)) break;
      suffix += 1;
      candidate = `${base}-${suffix}`;
    }
    this.next.set(base, suffix + 1);
    this.taken.add(candidate);
    return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// The plan

/** What the plan needs to know of the scenario it adds to. */
export interface MelTarget {
  /** The scenario's languages, the first being its main one. */
  languages: readonly string[];
  accounts: readonly { id: string; platform: string; handle: string; name: Readonly<Record<string, string>> }[];
  /** Everyone the scenario can already show: the pack's personas and the scenario's own. */
  personas: readonly { id: string; handle: string; name: Readonly<Record<string, string>> }[];
  /** Ids already used in the scenario's timeline, tasks and personas (and the pack's personas): new ones avoid them. */
  takenIds: Iterable<string>;
}

export interface MelOptions {
  /** The language the sheet's texts are written in; the other languages are left for translation. */
  language: string;
  /** Minutes a trainee has to respond, from the row's time to the task's deadline. */
  responseWindow: number;
  /** The sheet's first row is headers (always the case for a mapped sheet). */
  mapping: MelMapping;
  /** A task's title in `language`: the importer's words for "Reply to {persona}" etc. */
  taskTitle: (kind: TaskKind, personaName: string) => string;
}

export const DEFAULT_RESPONSE_WINDOW = 30;

export type MelProblemCode =
  | 'time-unreadable'
  | 'time-seconds'
  | 'time-too-late'
  | 'time-missing'
  | 'persona-empty'
  | 'channel-unknown'
  | 'account-unknown'
  | 'account-ambiguous'
  | 'account-missing'
  | 'account-platform'
  | 'account-none'
  | 'text-empty'
  | 'text-missing'
  | 'action-unknown';

/** A row the plan leaves out, and why: shown in the dry run with how to fix it. */
export interface MelProblem {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  field: MelField;
  /** The cell as written ('' when empty). */
  value: string;
  code: MelProblemCode;
  /** Known names close to what was written, or all there are when few. */
  suggestions: string[];
}

export interface PlannedPersona {
  id: string;
  name: Record<string, string>;
  handle: string;
  role: PersonaRole;
  verified: boolean;
  /** The first row that named them. */
  row: number;
}

export interface PlannedInject {
  id: string;
  at: string;
  type: InjectType;
  persona: string;
  account: string;
  text: Record<string, string>;
  row: number;
}

export interface PlannedTask {
  id: string;
  kind: TaskKind;
  account: string;
  replyTo?: string;
  recipient?: string;
  opensAt: string;
  due: string;
  title: Record<string, string>;
  brief: Record<string, string>;
  passMark: { tone: number; policy: number; platform: number };
  modelAnswer: Record<string, string>;
  row: number;
}

export interface MelPlan {
  language: string;
  /** The scenario's languages the sheet does not cover: the new texts miss them until translated. */
  missingLanguages: string[];
  injects: PlannedInject[];
  personas: PlannedPersona[];
  tasks: PlannedTask[];
  problems: MelProblem[];
  /** Rows read (blank rows are skipped and not counted). */
  rows: number;
}

/** The pass mark of an imported task, the format's usual one: the author tunes it later. */
export const IMPORTED_PASS_MARK = { tone: 70, policy: 70, platform: 70 } as const;

function roleFor(type: InjectType): PersonaRole {
  if (type === 'hq-request') return 'headquarters';
  if (type === 'news' || type === 'trend') return 'media';
  return 'citizen';
}

const looksLikeHandle = (value: string) => /^@[\p{L}\p{N}_.-]{1,50}$/u.test(value);
const bareHandle = (value: string) => value.replace(/^@/, '').toLowerCase();

/** Looks a name, handle or id up among known things; exact first, then ignoring case. */
function lookUp<T extends { id: string; handle: string; name: Readonly<Record<string, string>> }>(items: readonly T[], value: string): T[] {
  const wanted = keyOf(value);
  const handle = bareHandle(value);
  const byId = items.filter((item) => item.id === value || keyOf(item.id) === wanted);
  if (byId.length > 0) return byId;
  const byHandle = items.filter((item) => bareHandle(item.handle) === handle);
  if (byHandle.length > 0) return byHandle;
  return items.filter((item) => Object.values(item.name).some((name) => keyOf(name) === wanted));
}

/** Builds the plan from a sheet's rows (headers first). Work is linear in rows × columns. */
export function planMelImport(rows: readonly (readonly MelCell[])[], target: MelTarget, options: MelOptions): MelPlan {
  const { mapping, language } = options;
  const ids = new IdAllocator(target.takenIds);
  const plan: MelPlan = {
    language,
    missingLanguages: target.languages.filter((candidate) => candidate !== language),
    injects: [],
    personas: [],
    tasks: [],
    problems: [],
    rows: 0,
  };
  const cell = (row: readonly MelCell[], field: MelField): MelCell => {
    const column = mapping[field];
    return column === null ? null : (row[column] ?? null);
  };
  // Date-times count from the earliest one in the time column: the exercise's start.
  let startSerial: number | null = null;
  for (const row of rows.slice(1)) {
    const time = cell(row, 'time');
    if (time !== null && typeof time === 'object' && time.serial >= 1) startSerial = Math.min(startSerial ?? time.serial, time.serial);
  }
  const createdPersonas = new Map<string, PlannedPersona>();
  const personaNames = new Map<string, string>(
    target.personas.map((persona) => [persona.id, persona.name[language] ?? Object.values(persona.name)[0] ?? persona.id]),
  );

  rows.slice(1).forEach((row, index) => {
    const rowNumber = index + 2;
    if (row.every((value) => cellText(value) === '')) return;
    plan.rows += 1;
    const problems: MelProblem[] = [];
    const problem = (field: MelField, code: MelProblemCode, suggestions: string[] = []) =>
      problems.push({ row: rowNumber, field, value: cellText(cell(row, field)), code, suggestions });

    // Time
    let minutes = 0;
    if (mapping.time === null) problem('time', 'time-missing');
    else {
      const time = readTime(cell(row, 'time'), startSerial);
      if ('problem' in time) problem('time', time.problem);
      else minutes = time.minutes;
    }
    // Text
    const text = cellText(cell(row, 'text'));
    if (mapping.text === null) problem('text', 'text-missing');
    else if (!text) problem('text', 'text-empty');
    // Channel
    const channel = readChannel(cell(row, 'channel'));
    let type: InjectType = 'post';
    let platform: Platform | null = null;
    if ('problem' in channel) problem('channel', channel.problem, channel.suggestions);
    else ({ type, platform } = channel);
    // Account: named, or the only one on the channel's platform, or the scenario's only one.
    const accountCell = cellText(cell(row, 'account'));
    let account: string | null = null;
    const accountIds = target.accounts.map((candidate) => candidate.id);
    if (target.accounts.length === 0) {
      if (!('problem' in channel)) problem('account', 'account-none');
    } else if (accountCell) {
      const found = lookUp(target.accounts, accountCell);
      const onPlatform = platform ? found.filter((candidate) => candidate.platform === platform) : found;
      const chosen = onPlatform.length > 0 ? onPlatform : found;
      if (chosen.length === 1) account = chosen[0]!.id;
      else if (chosen.length > 1)
        problem(
          'account',
          'account-ambiguous',
          chosen.map((candidate) => candidate.id),
        );
      else problem('account', 'account-unknown', suggest(accountCell.toLowerCase(), accountIds, true));
    } else if (!('problem' in channel)) {
      const candidates = platform ? target.accounts.filter((candidate) => candidate.platform === platform) : target.accounts;
      if (candidates.length === 1) account = candidates[0]!.id;
      // A platform the scenario has no account on: say so, rather than "which one?" with nothing to choose.
      else if (candidates.length === 0) problem('account', 'account-platform', accountIds);
      else
        problem(
          'account',
          'account-missing',
          candidates.map((candidate) => candidate.id),
        );
    }
    // Persona: known by id, handle or name; otherwise created once.
    const personaCell = cellText(cell(row, 'persona'));
    if (!personaCell) problem('persona', 'persona-empty');
    // Expected action
    const action = readAction(cell(row, 'action'));
    if ('problem' in action) problem('action', action.problem, action.suggestions);

    if (problems.length > 0 || 'problem' in action) {
      plan.problems.push(...problems);
      return;
    }

    let personaId: string;
    const known = lookUp(target.personas, personaCell);
    const created = createdPersonas.get(keyOf(personaCell)) ?? createdPersonas.get(bareHandle(personaCell));
    if (known.length > 0) personaId = known[0]!.id;
    else if (created) personaId = created.id;
    else {
      const handleGiven = looksLikeHandle(personaCell);
      const base = slugify(handleGiven ? personaCell.slice(1) : personaCell) || 'persona';
      const id = ids.allocate(base);
      const persona: PlannedPersona = {
        id,
        name: { [language]: handleGiven ? personaCell.slice(1) : personaCell },
        handle: handleGiven ? personaCell : `@${id.replace(/-/g, '_').slice(0, 50)}`,
        role: roleFor(type),
        verified: false,
        row: rowNumber,
      };
      plan.personas.push(persona);
      createdPersonas.set(keyOf(personaCell), persona);
      createdPersonas.set(bareHandle(persona.handle), persona);
      personaNames.set(id, persona.name[language]!);
      personaId = id;
    }

    const at = formatOffset(minutes);
    const stamp = `${Math.floor(minutes / 60)}${String(minutes % 60).padStart(2, '0')}`;
    const injectId = ids.allocate(`${personaId.slice(0, 50)}-${stamp}`);
    plan.injects.push({ id: injectId, at, type, persona: personaId, account: account!, text: { [language]: text }, row: rowNumber });

    if (action.kind) {
      const kind = action.kind;
      const task: PlannedTask = {
        id: ids.allocate(`${kind}-${personaId.slice(0, 40)}-${stamp}`),
        kind,
        account: account!,
        opensAt: at,
        due: formatOffset(Math.min(MAX_OFFSET_MINUTES, minutes + options.responseWindow)),
        title: { [language]: options.taskTitle(kind, personaNames.get(personaId) ?? personaId) },
        brief: { [language]: cellText(cell(row, 'action')) },
        passMark: { ...IMPORTED_PASS_MARK },
        modelAnswer: {},
        row: rowNumber,
      };
      if (kind === 'reply') task.replyTo = injectId;
      if (kind === 'direct-message') task.recipient = personaId;
      plan.tasks.push(task);
    }
  });
  return plan;
}

// ---------------------------------------------------------------------------------------------
// The document

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const listAt = (doc: PackDocument, file: string, path: (string | number)[]): Record<string, unknown>[] => {
  const value = readAt(doc, file, path);
  return Array.isArray(value) ? value.filter(isRecord) : [];
};
const textsOf = (value: unknown): Record<string, string> =>
  isRecord(value) ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) : {};
const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The scenario files of a pack, in path order. */
export function scenarioFilesOf(doc: PackDocument): string[] {
  return [...doc.texts.keys()].filter((file) => /^scenarios\/[^/]+\.ya?ml$/.test(file)).sort();
}

/**
 * What an import into `scenarioFile` must know, read leniently (a file that does not validate yet still
 * gives what it has): its languages (else the pack's), accounts, everyone it can show, and the ids taken.
 */
export function melTargetOf(doc: PackDocument, scenarioFile: string): MelTarget {
  const scenarioLanguages = readAt(doc, scenarioFile, ['languages']);
  const packLanguages = readAt(doc, 'pack.yaml', ['languages']);
  const languages = (Array.isArray(scenarioLanguages) ? scenarioLanguages : Array.isArray(packLanguages) ? packLanguages : []).filter(
    (language): language is string => typeof language === 'string',
  );
  const accounts = listAt(doc, scenarioFile, ['accounts']).map((account) => ({
    id: stringOf(account.id),
    platform: stringOf(account.platform),
    handle: stringOf(account.handle),
    name: textsOf(account.name),
  }));
  const personas = [...listAt(doc, 'personas.yaml', ['personas']), ...listAt(doc, scenarioFile, ['personas'])].map((persona) => ({
    id: stringOf(persona.id),
    handle: stringOf(persona.handle),
    name: textsOf(persona.name),
  }));
  const branchItems = listAt(doc, scenarioFile, ['branches']).flatMap((branch) => {
    const then = isRecord(branch.then) && Array.isArray(branch.then.injects) ? branch.then.injects.filter(isRecord) : [];
    return [branch, ...then];
  });
  const takenIds = [...personas, ...listAt(doc, scenarioFile, ['timeline']), ...listAt(doc, scenarioFile, ['tasks']), ...branchItems]
    .map((item) => stringOf(item.id))
    .filter(Boolean);
  return {
    languages: languages.length > 0 ? languages : ['en'],
    accounts: accounts.filter((account) => account.id),
    personas: personas.filter((persona) => persona.id),
    takenIds,
  };
}

const withoutRow = <T extends { row: number }>({ row: _row, ...rest }: T): Omit<T, 'row'> => rest;

/**
 * The plan as one batch edit of the scenario file (one undo step): the personas added to the
 * scenario's own list, the injects to its timeline and the tasks to its tasks, in row order (lists
 * that are missing are created). The file is parsed and written once, as one text edit: a thousand
 * rows made item by item would parse and write the growing file a few thousand times. Throws
 * DocumentEditError when the file is missing or its YAML does not parse (fix it in the YAML view first).
 */
export function melEdit(plan: MelPlan, doc: PackDocument, scenarioFile: string): Extract<DocumentEdit, { kind: 'batch' }> {
  const text = doc.texts.get(scenarioFile);
  if (text === undefined) throw new DocumentEditError('no-such-file', scenarioFile);
  const parsed = parseText(text);
  if (!parsed.document) throw new DocumentEditError('unparsable', scenarioFile, [], parsed.problem ?? undefined);
  const working = parsed.document.clone();
  const lists: [string, { row: number }[]][] = [
    ['personas', plan.personas],
    ['timeline', plan.injects],
    ['tasks', plan.tasks],
  ];
  try {
    for (const [list, items] of lists) for (const item of items) insertIn(working, [list], withoutRow(item));
  } catch (error) {
    if (error instanceof TreeEditRefused) throw new DocumentEditError(error.problem, scenarioFile, error.at);
    throw error;
  }
  return { kind: 'batch', edits: [{ kind: 'text', file: scenarioFile, text: working.toString(stringifyOptions(text)) }] };
}

// Runtime: any (pure core). Policy consistency: what HQ has cleared. The task's key messages must be
// there, red lines must not be crossed, deprecated terms give way to preferred ones, hashtags are the
// approved ones, and every fact — phone, date, time, count, link, name — agrees with the verified
// fact sheet. A near miss of a verified value (one wrong digit, the day after) is an error that names
// the right value; a value the sheet does not hold at all is only a warning: it may be fine, but it
// is not verified.
import type { Fact, Localized, RedLineConcept, Scenario, Severity, Task } from '../pack/schema';
import type { DraftAnalysis, GradingContext, RawFinding, RuleFamily } from './analysis';
import { cached, overlapsAny, SpanIndex } from './analysis';
import type { Closeness, DateValue, DraftFacts, FoundDate, TimeValue, UrlValue } from './facts';
import {
  compareDate,
  comparePhone,
  compareTime,
  compareUrl,
  daysApart,
  editDistance,
  extractFacts,
  formatDate,
  formatNumber,
  formatTime,
  minutesOfDay,
  nameKey,
  normaliseUrl,
  parseIsoDate,
  parseTime,
  phoneForms,
} from './facts';
import { findConcepts } from './concepts';
import { synonymKey } from './synonyms';
import { isNegated, isNegator, refusalSpans, reportedSpans } from './scope';
import type { PhraseMatch, Token } from './text';
import { fold, isGradedLanguage, PhraseMatcher, tokenize } from './text';
import type { Span } from './types';

type FactOf<T extends Fact['type']> = Extract<Fact, { type: T }>;

/** A localized text in `language`, else English, else any. */
function pick(text: Localized | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** A per-language word list: the draft's language, else the audience's, else every language's. */
function wordsFor(lists: Record<string, string[]>, language: string, fallback: string): string[] {
  return lists[language] ?? lists[fallback] ?? Object.values(lists).flat();
}

/** A count smaller than this is as likely a day, a page or an item number: it is compared only beside its unit. */
const SMALL_COUNT = 31;
/** How far from a verified count a written one may be and still be taken for it, wrongly given. */
const NEAR_COUNT = 0.5;
/** Words after a count that say what is counted. */
const UNIT_WINDOW = 3;

/** Units that say a number counts something else than a fact does (hours, kilometres, per cent, money). */
const OTHER_UNITS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'hour',
    'hours',
    'hrs',
    'minute',
    'minutes',
    'min',
    'day',
    'days',
    'week',
    'weeks',
    'month',
    'months',
    'year',
    'years',
    'km',
    'kilometres',
    'kilometers',
    'metres',
    'meters',
    'kg',
    'tonnes',
    'percent',
    'azur',
    'azurs',
    'euro',
    'euros',
    'dollars',
    'times',
    'km/h',
  ],
  ru: [
    'час',
    'часа',
    'часов',
    'минут',
    'минуты',
    'мин',
    'день',
    'дня',
    'дней',
    'сутки',
    'суток',
    'неделя',
    'недели',
    'недель',
    'месяц',
    'месяца',
    'месяцев',
    'год',
    'года',
    'лет',
    'км',
    'километров',
    'метров',
    'кг',
    'тонн',
    'процентов',
    'процента',
    'азур',
    'азуров',
    'евро',
    'долларов',
    'раз',
    'раза',
  ],
  uk: [
    'година',
    'години',
    'годин',
    'хвилин',
    'хвилини',
    'хв',
    'день',
    'дні',
    'днів',
    'доба',
    'доби',
    'діб',
    'тиждень',
    'тижні',
    'тижнів',
    'місяць',
    'місяці',
    'місяців',
    'рік',
    'роки',
    'років',
    'км',
    'кілометрів',
    'метрів',
    'кг',
    'тонн',
    'відсотків',
    'відсотки',
    'азур',
    'азурів',
    'євро',
    'доларів',
    'разів',
    'рази',
  ],
};

/** Words too common to say what a fact counts ("number of …", "total"). */
const LABEL_NOISE = new Set([
  'number',
  'total',
  'count',
  'amount',
  'with',
  'from',
  'that',
  'this',
  'have',
  'been',
  'число',
  'количество',
  'всего',
  'кількість',
  'усього',
  'всього',
]);

interface PreparedKeyMessage {
  id: string;
  wording: string;
  keywords: string[];
  /** Content stems of each other wording (the message's own wording included): most of one in the draft covers it. */
  alternatives: Array<Set<string>>;
  /** Facts whose correct statement covers the message: the one the pack names, and those its wording states. */
  facts: string[];
  /** Whether the pack says in the draft's language how the message is covered. */
  inLanguage: boolean;
}

interface PreparedFacts {
  phones: Array<{ fact: FactOf<'phone'> }>;
  dates: Array<{ fact: FactOf<'date'>; value: Required<DateValue> }>;
  times: Array<{ fact: FactOf<'time'>; value: TimeValue }>;
  numbers: Array<{ fact: FactOf<'number'>; units: UnitWord[] }>;
  urls: Array<{ fact: FactOf<'url'>; value: UrlValue }>;
  names: Array<{ fact: FactOf<'name'>; surnames: Set<string> }>;
  /** Full names and aliases, each standing for its fact. */
  nameForms: Phrases<string>;
  texts: Array<{ fact: FactOf<'text'>; stemSets: Array<Set<string>> }>;
  /** Capitalised words the scenario itself uses: other people's and places' names, never a misspelt surname. */
  knownNames: Set<string>;
  otherUnits: Set<string>;
  /** Values the scenario itself gives (a citizen's own flight date, a range in a label): context, not near misses. */
  known: KnownValues;
}

interface KnownValues {
  dates: DateValue[];
  times: Set<number>;
  phones: string[];
  numbers: Set<number>;
  urls: Set<string>;
}

const urlKey = (url: UrlValue) => `${url.host}${url.path}`;

/**
 * Values the scenario states as true outside the fact sheet's values: in the situation, the task's
 * brief, the key messages and the fact sheet's own labels and notes ("extra flights, 13–17 July").
 */
function addKnownValues(known: KnownValues, texts: readonly Localized[]): KnownValues {
  for (const text of texts.flatMap((source) => Object.values(source))) {
    const found = extractFacts(text);
    known.dates.push(...found.dates.map((date) => date.value));
    for (const time of found.times) known.times.add(minutesOfDay(time.value));
    known.phones.push(...found.phones.map((phone) => phone.value));
    for (const number of found.numbers) known.numbers.add(number.value);
    for (const url of found.urls) known.urls.add(urlKey(url.value));
  }
  return known;
}

// What a scenario states outside any task is read once per scenario, not once per task.
const scenarioKnownValues = new WeakMap<Scenario, KnownValues>();

function contextValues(context: GradingContext): KnownValues {
  const { scenario, task } = context;
  let shared = scenarioKnownValues.get(scenario);
  if (!shared) {
    const sources: Localized[] = [scenario.situation, ...scenario.policy.keyMessages.map((message) => message.wording)];
    for (const fact of scenario.facts) sources.push(fact.label, ...(fact.note ? [fact.note] : []));
    shared = addKnownValues({ dates: [], times: new Set(), phones: [], numbers: new Set(), urls: new Set() }, sources);
    scenarioKnownValues.set(scenario, shared);
  }
  const own: KnownValues = {
    dates: [...shared.dates],
    times: new Set(shared.times),
    phones: [...shared.phones],
    numbers: new Set(shared.numbers),
    urls: new Set(shared.urls),
  };
  return addKnownValues(own, [task.brief]);
}

interface RedLineValue {
  description: string;
  severity: Severity;
  /** The pack writes the phrase with a capital: a name (a party, a person) not to be said at all, not even to deny it. */
  name: boolean;
}

interface Prepared {
  keyMessages: PreparedKeyMessage[];
  /** Every key message's keywords, each standing for its message. */
  keywords: Phrases<string>;
  redLines: Phrases<RedLineValue>;
  /** The same phrases said in another order within one clause ("we guarantee your entry" for "guaranteed entry"). */
  redLineWords: LoosePhrases<RedLineValue>;
  /** Red lines named as concepts of the built-in library. */
  concepts: Array<{ concept: RedLineConcept; value: RedLineValue }>;
  /** Name words (folded) of the scenario's personas and accounts: who a draft may address. */
  names: Set<string>;
  deprecated: Phrases<{ preferred: string; severity: Severity; forms: Set<string> }>;
  preferred: Phrases<true>;
  approvedHashtags: Map<string, string>;
  facts: PreparedFacts;
}

const stems = (text: string, language: string) => tokenize(text, language).map((token) => token.stem);

interface UnitWord {
  folded: string;
  stem: string;
}

function contentWords(text: string, language: string): UnitWord[] {
  return tokenize(text, language)
    .filter((t) => (t.folded.length >= 4 || /^\p{N}+$/u.test(t.folded)) && !LABEL_NOISE.has(t.folded))
    .map(({ folded, stem }) => ({ folded, stem }));
}

const contentStems = (text: string, language: string) => new Set(contentWords(text, language).map((word) => word.stem));

/**
 * Whether a draft word names the unit a label word does: the same stem, or one's stem begins the
 * other's form — stemmers cut Ukrainian plurals unevenly (держави → держав, but держав → держа).
 */
function sameUnit(unit: UnitWord, word: Token): boolean {
  if (unit.stem === word.stem) return true;
  return (unit.stem.length >= 4 && word.folded.startsWith(unit.stem)) || (word.stem.length >= 4 && unit.folded.startsWith(word.stem));
}

/**
 * Every capitalised word of the scenario's and the task's texts and of the messages trainees read:
 * the people and places a draft may name besides those on the fact sheet.
 */
function addNames(names: Set<string>, texts: readonly Localized[]): Set<string> {
  for (const text of texts) {
    for (const value of Object.values(text)) {
      for (const word of value.matchAll(/\p{Lu}[\p{L}'’ʼ-]*/gu)) names.add(nameKey(word[0]));
    }
  }
  return names;
}

const scenarioNameSets = new WeakMap<Scenario, Set<string>>();

function scenarioNames(scenario: Scenario, task: Task): Set<string> {
  let shared = scenarioNameSets.get(scenario);
  if (!shared) {
    const texts: Localized[] = [scenario.title, scenario.summary, scenario.situation, scenario.role.title, scenario.role.organisation];
    for (const inject of [...scenario.timeline, ...scenario.branches.flatMap((branch) => branch.then.injects)]) texts.push(inject.text);
    for (const account of scenario.accounts) texts.push(account.name);
    for (const persona of scenario.personas) texts.push(persona.name);
    for (const fact of scenario.facts) {
      texts.push(fact.label);
      if (fact.type === 'name' || fact.type === 'text') texts.push(fact.value);
      if (fact.type === 'name')
        for (const aliases of Object.values(fact.aliases ?? {})) texts.push(Object.fromEntries(aliases.map((alias, i) => [String(i), alias])));
    }
    for (const message of scenario.policy.keyMessages) texts.push(message.wording);
    for (const term of scenario.policy.terminology) texts.push(term.preferred);
    shared = addNames(new Set(), texts);
    scenarioNameSets.set(scenario, shared);
  }
  return addNames(new Set(shared), [task.title, task.brief]);
}

function prepareFacts(context: GradingContext, language: string): PreparedFacts {
  const prepared: PreparedFacts = {
    phones: [],
    dates: [],
    times: [],
    numbers: [],
    urls: [],
    names: [],
    nameForms: new Phrases([], language),
    texts: [],
    knownNames: scenarioNames(context.scenario, context.task),
    otherUnits: new Set(),
    known: contextValues(context),
  };
  for (const fact of context.scenario.facts) {
    switch (fact.type) {
      case 'phone':
        prepared.phones.push({ fact });
        break;
      case 'date':
        prepared.dates.push({ fact, value: parseIsoDate(fact.value) as Required<DateValue> });
        break;
      case 'time':
        prepared.times.push({ fact, value: parseTime(fact.value) });
        break;
      case 'number': {
        const labels = fact.label[language] ? [fact.label[language]] : Object.values(fact.label);
        prepared.numbers.push({ fact, units: labels.flatMap((label) => contentWords(label, language)) });
        break;
      }
      case 'url': {
        const value = normaliseUrl(fact.value);
        if (value) prepared.urls.push({ fact, value });
        break;
      }
      case 'name': {
        const surnames = new Set(Object.values(fact.value).map((name) => nameKey(name.trim().split(/\s+/).pop() ?? name)));
        prepared.names.push({ fact, surnames });
        break;
      }
      case 'text': {
        const values = fact.value[language] ? [fact.value[language]] : Object.values(fact.value);
        prepared.texts.push({ fact, stemSets: values.map((value) => contentStems(value, language)) });
        break;
      }
    }
  }
  for (const { surnames } of prepared.names) for (const surname of surnames) prepared.knownNames.delete(surname);
  prepared.nameForms = new Phrases(
    prepared.names.flatMap(({ fact }) => [...Object.values(fact.value), ...Object.values(fact.aliases ?? {}).flat()].map((text) => ({ text, value: fact.id }))),
    language,
  );
  for (const word of OTHER_UNITS[language] ?? Object.values(OTHER_UNITS).flat()) for (const stem of stems(word, language)) prepared.otherUnits.add(stem);
  return prepared;
}

/** Words that say nothing of a message's content (in any of the three languages). */
const FUNCTION_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'that',
  'this',
  'from',
  'your',
  'our',
  'are',
  'was',
  'will',
  'have',
  'has',
  'you',
  'they',
  'them',
  'their',
  'there',
  'here',
  'all',
  'any',
  'can',
  'not',
  'who',
  'what',
  'which',
  'been',
  'into',
  'about',
  'also',
  'more',
  'only',
  'это',
  'как',
  'для',
  'что',
  'или',
  'все',
  'вас',
  'ваш',
  'наш',
  'мы',
  'они',
  'при',
  'так',
  'уже',
  'его',
  'она',
  'оно',
  'также',
  'может',
  'будет',
  'есть',
  'нет',
  'если',
  'чтобы',
  'всех',
  'це',
  'як',
  'для',
  'що',
  'або',
  'всі',
  'усі',
  'вас',
  'ваш',
  'наш',
  'ми',
  'вони',
  'при',
  'так',
  'вже',
  'його',
  'вона',
  'також',
  'може',
  'буде',
  'є',
  'немає',
  'якщо',
  'щоб',
  'всіх',
]);

function messageStems(text: string, language: string): Set<string> {
  return new Set(
    tokenize(text, language)
      .filter((token) => !FUNCTION_WORDS.has(token.folded) && (token.folded.length >= 3 || /^\p{N}+$/u.test(token.folded)))
      .map((token) => synonymKey(token.stem, language)),
  );
}

/** The facts a text states: the values of the fact sheet it gives (a date, a count, a phone). */
function factsStatedIn(text: string, facts: readonly Fact[]): string[] {
  const found = extractFacts(text);
  const ids: string[] = [];
  for (const fact of facts) {
    const stated =
      (fact.type === 'date' && found.dates.some((date) => compareDate(date.value, parseIsoDate(fact.value) as Required<DateValue>) === 'equal')) ||
      (fact.type === 'number' && found.numbers.some((number) => number.value === fact.value)) ||
      (fact.type === 'phone' && found.phones.some((phone) => comparePhone(phone.value, fact.value) === 'equal')) ||
      (fact.type === 'time' && found.times.some((time) => compareTime(time.value, parseTime(fact.value)) === 'equal')) ||
      (fact.type === 'url' &&
        found.urls.some((url) => {
          const value = normaliseUrl(fact.value);
          return value !== null && compareUrl(url.value, value) === 'equal';
        }));
    if (stated) ids.push(fact.id);
  }
  return ids;
}

function prepare(context: GradingContext, language: string): Prepared {
  const { policy } = context.scenario;
  const fallback = context.expectedLanguage;
  const keyMessages = policy.keyMessages.map((message): PreparedKeyMessage => {
    const wordings = message.wording[language] ? [message.wording[language]] : [];
    const alternatives = [...wordings, ...(message.alternatives?.[language] ?? [])].map((text) => messageStems(text, language)).filter((set) => set.size >= 2);
    const facts = [
      ...(message.coveredByFact ? [message.coveredByFact] : []),
      ...Object.values(message.wording).flatMap((text) => factsStatedIn(text, context.scenario.facts)),
    ];
    return {
      id: message.id,
      wording: pick(message.wording, context.playLanguage),
      keywords: wordsFor(message.keywords ?? {}, language, fallback),
      alternatives,
      facts: [...new Set(facts)],
      inLanguage: Boolean(message.keywords?.[language] || message.alternatives?.[language] || message.wording[language]),
    };
  });
  const keywords = new Phrases(
    keyMessages.flatMap((message) => message.keywords.map((text) => ({ text, value: message.id }))),
    language,
  );
  const redLineValue = (line: (typeof policy.redLines)[number], phrase = ''): RedLineValue => ({
    description: pick(line.description, context.playLanguage),
    severity: line.severity,
    name: /\p{Lu}/u.test(phrase),
  });
  const redLinePhrases = policy.redLines.flatMap((line) =>
    (line.phrases?.[language] ?? Object.values(line.phrases ?? {}).flat()).map((text) => ({ text, value: redLineValue(line, text) })),
  );
  const redLines = new Phrases(redLinePhrases, language);
  const redLineWords = new LoosePhrases(redLinePhrases, language);
  const concepts = policy.redLines.flatMap((line) => (line.concepts ?? []).map((concept) => ({ concept, value: redLineValue(line) })));
  const names = new Set<string>();
  for (const persona of context.scenario.personas)
    for (const name of Object.values(persona.name)) for (const token of tokenize(name, language)) if (token.folded.length >= 3) names.add(token.folded);
  const deprecated = new Phrases(
    policy.terminology.flatMap((term) =>
      (term.deprecated[language] ?? []).map((text) => ({
        text,
        value: {
          preferred: term.preferred[language] ?? pick(term.preferred, context.playLanguage),
          severity: term.severity,
          forms: new Set((term.deprecated[language] ?? []).map(fold)),
        },
      })),
    ),
    language,
  );
  const preferred = new Phrases(
    policy.terminology.flatMap((term) => Object.values(term.preferred).map((text) => ({ text, value: true as const }))),
    language,
  );
  const approvedHashtags = new Map(policy.hashtags.approved.map((tag) => [hashtagKey(tag), tag]));
  return { keyMessages, keywords, redLines, redLineWords, concepts, names, deprecated, preferred, approvedHashtags, facts: prepareFacts(context, language) };
}

const hashtagKey = (tag: string) => fold(tag.replace(/^[#＃]/, ''));

const inside = (span: Span, spans: readonly Span[]) => spans.some((other) => span.start >= other.start && span.end <= other.end);

// ——— Phrases ———

/**
 * Whether two Ukrainian words are forms of one: their stems agree, or they share at least four
 * letters and differ only in endings — up to three letters each, or a verb's suffix and ending
 * after a longer shared part (головує / головувати, but not головує / головство). The Ukrainian
 * stemmer cuts forms unevenly ("лінія" → "лін", "лінії" → "ліні"; "держави" → "держав", "держав" → "держа").
 */
function sameUkrainianWord(a: { folded: string; stem: string }, b: { folded: string; stem: string }): boolean {
  if (a.stem === b.stem) return true;
  let shared = 0;
  while (shared < a.folded.length && shared < b.folded.length && a.folded[shared] === b.folded[shared]) shared += 1;
  const tailA = a.folded.length - shared;
  const tailB = b.folded.length - shared;
  if (shared >= 4 && tailA <= 3 && tailB <= 3) return true;
  return shared >= 5 && tailA <= 4 && tailB <= 4 && tailA + tailB <= 5;
}

/** Phrases matched by stem (PhraseMatcher); in Ukrainian also by the forms the stemmer tells apart. */
class Phrases<T> {
  private readonly matcher: PhraseMatcher<T>;
  private readonly ukrainian: Array<{ words: Array<{ folded: string; stem: string }>; value: T }> = [];

  constructor(phrases: ReadonlyArray<{ text: string; value: T }>, language: string) {
    this.matcher = new PhraseMatcher(phrases, language);
    if (language === 'uk') {
      for (const { text, value } of phrases) {
        const words = tokenize(text, language).map(({ folded, stem }) => ({ folded, stem }));
        if (words.length) this.ukrainian.push({ words, value });
      }
    }
  }

  find(tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches = this.matcher.find(tokens);
    if (!this.ukrainian.length) return matches;
    const seen = new Set(matches.map((m) => `${m.start}:${m.end}`));
    for (let i = 0; i < tokens.length; i += 1) {
      for (const { words, value } of this.ukrainian) {
        if (i + words.length > tokens.length || !words.every((word, k) => sameUkrainianWord(word, tokens[i + k]!))) continue;
        const match = { value, start: tokens[i]!.start, end: tokens[i + words.length - 1]!.end, tokenIndex: i };
        if (!seen.has(`${match.start}:${match.end}`)) matches.push(match);
      }
    }
    return matches;
  }
}

/**
 * Phrases of two or more content words found in any order within one clause, a few words apart:
 * "entry is guaranteed" in "we guarantee your entry". Function words ("is", "the", "в") are not
 * required; stems decide, as for exact phrases.
 */
class LoosePhrases<T> {
  private readonly phrases: Array<{ stems: string[]; value: T }> = [];

  constructor(
    phrases: ReadonlyArray<{ text: string; value: T }>,
    readonly language: string,
  ) {
    for (const { text, value } of phrases) {
      const stems = tokenize(text, language)
        .filter((token) => !FUNCTION_WORDS.has(token.folded) && token.folded.length >= 3)
        .map((token) => token.stem);
      if (stems.length >= 2) this.phrases.push({ stems, value });
    }
  }

  find(text: string, tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    if (!this.phrases.length) return matches;
    for (const sentence of clauses(text, tokens)) {
      for (const { stems, value } of this.phrases) {
        const at = stems.map((stem) => {
          for (let i = sentence.first; i <= sentence.last; i += 1) if (tokens[i]!.stem === stem) return i;
          return -1;
        });
        if (at.some((index) => index < 0)) continue;
        const first = Math.min(...at);
        const last = Math.max(...at);
        if (last - first > stems.length + LOOSE_GAP) continue;
        matches.push({ value, start: tokens[first]!.start, end: tokens[last]!.end, tokenIndex: first });
      }
    }
    return matches;
  }
}

/** How many other words may stand among the words of a phrase said in another order. */
const LOOSE_GAP = 3;

/** Clauses of a text as token index ranges: a red line's words said across a comma are two statements. */
function clauses(text: string, tokens: readonly Token[]): Array<{ first: number; last: number }> {
  const result: Array<{ first: number; last: number }> = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const next = tokens[i + 1];
    if (!next || /[,;:.!?…—–\n()]/.test(text.slice(tokens[i]!.end, next.start))) {
      result.push({ first, last: i });
      first = i + 1;
    }
  }
  return result;
}

// ——— Key messages, red lines, terminology, hashtags ———

const quote = (text: string, language: string) => (language === 'en' ? `“${text}”` : `«${text}»`);

/** How far apart (in words) the words of a keyword may stand when they come in another order. */
const KEYWORD_WINDOW = 4;
/** The share of an alternative wording's content words a draft must say to cover its message. */
const ALTERNATIVE_SHARE = 0.6;

/** Whether every word of a keyword phrase stands in one sentence, close together, in any order: "hotline open" in "the open hotline". */
function keywordInAnyOrder(keyword: string, tokens: readonly Token[], language: string): boolean {
  const words = tokenize(keyword, language);
  if (words.length < 2) return false;
  const positions = words.map((word) => tokens.flatMap((token, index) => (token.stem === word.stem ? [index] : [])));
  if (positions.some((list) => !list.length)) return false;
  return positions[0]!.some((start) => positions.every((list) => list.some((index) => Math.abs(index - start) <= words.length + KEYWORD_WINDOW)));
}

function covers(message: PreparedKeyMessage, tokens: readonly Token[], stems: ReadonlySet<string>, facts: FactCheck, language: string): boolean {
  if (message.facts.some((id) => facts.present.has(id))) return true;
  if (message.keywords.some((keyword) => keywordInAnyOrder(keyword, tokens, language))) return true;
  return message.alternatives.some((alternative) => {
    let said = 0;
    for (const stem of alternative) if (stems.has(stem)) said += 1;
    return said >= Math.max(2, Math.ceil(alternative.size * ALTERNATIVE_SHARE));
  });
}

function checkKeyMessages(draft: DraftAnalysis, prepared: Prepared, facts: FactCheck, context: GradingContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const { tokens, language } = draft;
  const covered = new Set(prepared.keywords.find(tokens).map((match) => match.value));
  const stems = new Set(tokens.map((token) => synonymKey(token.stem, language)));
  // A draft in another language than its audience reads fails platform fit for that; its key
  // messages are looked for in its own language, and not called missing where the pack gives no
  // way to find them in it.
  const wrongLanguage = language !== context.expectedLanguage;
  for (const id of context.task.requires.keyMessages) {
    const message = prepared.keyMessages.find((m) => m.id === id);
    if (!message || covered.has(id) || covers(message, tokens, stems, facts, language)) continue;
    if (wrongLanguage && !message.inLanguage) continue;
    findings.push({
      ruleId: 'policy.key-message-missing',
      message: { key: 'policy.key-message-missing.absent', params: { wording: message.wording } },
      suggestion: {
        message: {
          key: 'policy.key-message-missing.suggestion',
          params: {
            keywords: message.keywords
              .slice(0, 3)
              .map((k) => quote(k, context.playLanguage))
              .join(', '),
          },
        },
      },
    });
  }
  return findings;
}

/** Matches that do not overlap, the longest first: "is blocking" rather than "is blocking" and "blocking". */
function longestFirst<T extends Span>(matches: readonly T[]): T[] {
  const kept: T[] = [];
  for (const match of [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!overlapsAny(match, kept)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function checkRedLines(draft: DraftAnalysis, tokens: readonly Token[], prepared: Prepared, context: GradingContext): RawFinding[] {
  const { text } = draft;
  // Someone else's words (a quotation, a rumour reported to rebut it) and a negated phrase ("does
  // not allow you to work") cross no red line.
  const reported = reportedSpans(text, tokens);
  const reportedIndex = new SpanIndex(reported);
  const indexOf = new Map(tokens.map((token, index) => [token.start, index]));
  // Negated before its first word, or — for words said in another order — between them ("compensation is not guaranteed").
  const negatedMatch = (match: Span) => {
    const first = indexOf.get(match.start) ?? 0;
    if (isNegated(text, tokens, first)) return true;
    for (let i = first + 1; i < tokens.length && tokens[i]!.end <= match.end; i += 1) if (isNegator(tokens[i]!)) return true;
    return false;
  };
  // A name the pack forbids (a party, a person) is not to be said at all, not even to deny it.
  const refusing = new SpanIndex(refusalSpans(text, tokens));
  const phraseMatches = longestFirst([...prepared.redLines.find(tokens), ...prepared.redLineWords.find(text, tokens)]).filter(
    (match) => match.value.name || (!reportedIndex.contains(match) && !refusing.contains(match) && !negatedMatch(match)),
  );
  const findings: RawFinding[] = phraseMatches.map((match) => ({
    ruleId: 'policy.red-line',
    span: { start: match.start, end: match.end },
    message: { key: 'policy.red-line', params: { phrase: text.slice(match.start, match.end), description: match.value.description } },
    severity: match.value.severity,
  }));
  if (prepared.concepts.length && isGradedLanguage(draft.language)) {
    const byConcept = new Map(prepared.concepts.map((item) => [item.concept, item.value]));
    const conceptMatches = findConcepts(text, tokens, draft.language, [...byConcept.keys()], {
      reply: context.task.kind === 'reply',
      names: prepared.names,
      mentions: draft.mentions,
      reported,
    });
    for (const match of conceptMatches) {
      if (findings.some((finding) => finding.span && finding.span.start < match.end && match.start < finding.span.end)) continue;
      const value = byConcept.get(match.concept)!;
      findings.push({
        ruleId: 'policy.red-line',
        span: { start: match.start, end: match.end },
        message: { key: 'policy.red-line', params: { phrase: text.slice(match.start, match.end), description: value.description } },
        severity: value.severity,
      });
    }
  }
  return findings;
}

/** Languages whose words change form: a replacement is offered only for the very form the pack lists. */
const INFLECTED = new Set(['ru', 'uk']);

function checkTerminology(text: string, tokens: readonly Token[], prepared: Prepared, language: string): RawFinding[] {
  const preferred = prepared.preferred.find(tokens);
  const findings: RawFinding[] = [];
  for (const match of longestFirst(prepared.deprecated.find(tokens))) {
    // "Republic of Azuria" is preferred: its "Azuria" is not the deprecated short form.
    if (inside(match, preferred)) continue;
    const written = text.slice(match.start, match.end);
    // In Russian or Ukrainian "визы по прибытии" cannot become "безвизовый режим" word for word:
    // the replacement would be ungrammatical in any other form than the one listed.
    const grammatical = !INFLECTED.has(language) || match.value.forms.has(fold(written));
    findings.push({
      ruleId: 'policy.deprecated-term',
      span: { start: match.start, end: match.end },
      message: { key: 'policy.deprecated-term', params: { term: written, preferred: match.value.preferred } },
      suggestion: grammatical
        ? { replacement: match.value.preferred }
        : { message: { key: 'policy.deprecated-term.inflect', params: { preferred: match.value.preferred } } },
      severity: match.value.severity,
    });
  }
  return findings;
}

/** More unapproved hashtags than this are one finding, not one each. */
const PILE = 2;

function checkHashtags(draft: DraftAnalysis, prepared: Prepared, context: GradingContext): RawFinding[] {
  const { kind } = context.task;
  // Hashtags have no place in a direct message or a notification at all: platform fit says so.
  if (kind === 'direct-message' || kind === 'mass-notification') return [];
  const findings: RawFinding[] = [];
  const used = new Set(draft.hashtags.map((tag) => hashtagKey(tag.text)));
  if (prepared.approvedHashtags.size > 0) {
    const approved = [...prepared.approvedHashtags.values()];
    const unapproved = draft.hashtags.filter((tag) => !prepared.approvedHashtags.has(hashtagKey(tag.text)));
    if (unapproved.length > PILE) {
      // A pile of hashtags is one mistake, said once.
      findings.push({
        ruleId: 'policy.hashtag-unapproved',
        span: { start: unapproved[0]!.start, end: unapproved.at(-1)!.end },
        message: {
          key: 'policy.hashtag-unapproved-pile',
          params: { count: unapproved.length, hashtags: unapproved.map((tag) => tag.text).join(' '), approved: approved.join(', ') },
        },
      });
    } else {
      for (const tag of unapproved) {
        const near = approved.find((candidate) => editDistance(hashtagKey(candidate), hashtagKey(tag.text), 2) <= 2);
        findings.push({
          ruleId: 'policy.hashtag-unapproved',
          span: { start: tag.start, end: tag.end },
          message: { key: 'policy.hashtag-unapproved', params: { hashtag: tag.text, approved: approved.join(', ') } },
          ...(near ? { suggestion: { replacement: near } } : {}),
        });
      }
    }
  }
  for (const required of context.task.requires.hashtags) {
    if (used.has(hashtagKey(required))) continue;
    const tag = required.startsWith('#') ? required : `#${required}`;
    findings.push({ ruleId: 'policy.hashtag-missing', message: { key: 'policy.hashtag-missing', params: { hashtag: tag } } });
  }
  return findings;
}

// ——— Facts ———

interface FactCheck {
  findings: RawFinding[];
  /** Values the sheet does not hold, by type: where a required fact of that type is missing, one is that fact given wrongly. */
  unverified: Array<{ type: Fact['type']; finding: RawFinding }>;
  /** Facts the draft states correctly. */
  present: Set<string>;
  /** Facts the draft states wrongly (already reported; not reported missing too). */
  contradicted: Set<string>;
}

/** The fact sheet's value as people read it, in `language`. */
function displayFact(fact: Fact, language: string): string {
  switch (fact.type) {
    case 'phone':
    case 'url':
    case 'time':
      return fact.value;
    case 'date':
      return formatDate(parseIsoDate(fact.value), language);
    case 'number':
      return formatNumber(fact.value, language);
    case 'name':
    case 'text':
      return pick(fact.value, language);
  }
}

/** The verified value a written one is: an equal one, else the nearest near miss by `distance` (and any as near). */
function nearest<T>(candidates: readonly T[], compare: (candidate: T) => Closeness, distance: (candidate: T) => number): { equal?: T; close?: T; tied: T[] } {
  let close: T | undefined;
  let tied: T[] = [];
  let best = Infinity;
  for (const candidate of candidates) {
    const result = compare(candidate);
    if (result === 'equal') return { equal: candidate, tied: [] };
    if (result === 'close') {
      const d = distance(candidate);
      if (d < best) {
        best = d;
        close = candidate;
        tied = [candidate];
      } else if (d === best) tied.push(candidate);
    }
  }
  return { close, tied };
}

function checkFacts(draft: DraftAnalysis, found: DraftFacts, prepared: PreparedFacts, context: GradingContext): FactCheck {
  const { text, language } = draft;
  const play = context.playLanguage;
  const result: FactCheck = { findings: [], unverified: [], present: new Set(), contradicted: new Set() };

  const mismatch = (fact: Fact, span: Span, replacement: string) => {
    result.contradicted.add(fact.id);
    result.findings.push({
      ruleId: 'policy.fact-mismatch',
      span: { start: span.start, end: span.end },
      message: {
        key: `policy.fact-mismatch.${fact.type}`,
        params: { label: pick(fact.label, play), found: text.slice(span.start, span.end), expected: displayFact(fact, play) },
      },
      suggestion: { replacement },
      severity: fact.severity,
    });
  };
  // Two verified values equally near a wrong one: naming either could send the reader to the
  // wrong fact, so the finding names both and offers no replacement.
  const ambiguous = (facts: readonly Fact[], span: Span) => {
    for (const fact of facts) result.contradicted.add(fact.id);
    result.findings.push({
      ruleId: 'policy.fact-mismatch',
      span: { start: span.start, end: span.end },
      message: {
        key: `policy.fact-mismatch.ambiguous`,
        params: { found: text.slice(span.start, span.end), expected: facts.map((fact) => `${pick(fact.label, play)}: ${displayFact(fact, play)}`).join('; ') },
      },
      severity: facts.some((fact) => fact.severity === 'critical') ? 'critical' : facts.some((fact) => fact.severity === 'major') ? 'major' : 'minor',
    });
  };
  const unverified = (type: Fact['type'], span: Span) => {
    const finding: RawFinding = {
      ruleId: 'policy.fact-unverified',
      span: { start: span.start, end: span.end },
      message: { key: `policy.fact-unverified.${type}`, params: { found: text.slice(span.start, span.end) } },
    };
    result.findings.push(finding);
    result.unverified.push({ type, finding });
  };

  for (const phone of found.phones) {
    const { equal, close } = nearest(
      prepared.phones,
      ({ fact }) => comparePhone(phone.value, fact.value),
      ({ fact }) => Math.min(...phoneForms(fact.value).map((form) => editDistance(form, phone.value))),
    );
    if (equal) result.present.add(equal.fact.id);
    else if (prepared.known.phones.includes(phone.value)) continue;
    else if (close) mismatch(close.fact, phone, close.fact.value);
    else if (prepared.phones.length) unverified('phone', phone);
  }

  for (const date of found.dates) {
    const { equal, close, tied } = nearest(
      prepared.dates,
      ({ value }) => compareDate(date.value, value),
      ({ value }) => daysApart(date.value, value),
    );
    if (equal) result.present.add(equal.fact.id);
    else if (prepared.known.dates.some((known) => known.day === date.value.day && known.month === date.value.month)) continue;
    else if (tied.length > 1)
      ambiguous(
        tied.map(({ fact }) => fact),
        date,
      );
    else if (close) mismatch(close.fact, date, correctedDate(date, close.value, language));
    else if (prepared.dates.length) unverified('date', date);
  }

  for (const time of found.times) {
    const { equal, close } = nearest(
      prepared.times,
      ({ value }) => compareTime(time.value, value),
      ({ value }) => Math.abs(minutesOfDay(value) - minutesOfDay(time.value)),
    );
    // "до 10.05" reads as a clock time and as a date: where the sheet holds 10 May and no 10:05, it is the date.
    const asDate = equal
      ? undefined
      : prepared.dates.find(({ value }) => value.day === time.value.hours && value.month === time.value.minutes && /^\d{1,2}[./]\d{2}$/.test(time.text));
    if (asDate) {
      result.present.add(asDate.fact.id);
      continue;
    }
    if (equal) result.present.add(equal.fact.id);
    else if (prepared.known.times.has(minutesOfDay(time.value))) continue;
    else if (close) mismatch(close.fact, time, formatTime(close.value));
    else if (prepared.times.length) unverified('time', time);
  }

  for (const url of found.urls) {
    const { equal, close } = nearest(
      prepared.urls,
      ({ value }) => compareUrl(url.value, value),
      ({ value }) => editDistance(`${value.host}${value.path}`, `${url.value.host}${url.value.path}`),
    );
    if (equal) result.present.add(equal.fact.id);
    else if (prepared.known.urls.has(urlKey(url.value))) continue;
    else if (close) mismatch(close.fact, url, close.fact.value);
    else if (prepared.urls.length) unverified('url', url);
  }

  if (prepared.numbers.length) checkCounts(draft, found.numbers, prepared, result, mismatch, new Set(context.task.requires.facts));
  if (prepared.names.length) checkNames(draft, found.urls, prepared, result, mismatch);

  if (prepared.texts.length) {
    const draftStems = new Set(draft.tokens.map((token) => token.stem));
    for (const { fact, stemSets } of prepared.texts) {
      const covered = stemSets.some((set) => set.size > 0 && [...set].filter((s) => draftStems.has(s)).length >= Math.ceil(set.size * 0.6));
      if (covered) result.present.add(fact.id);
    }
  }
  return result;
}

function correctedDate(found: FoundDate, fact: Required<DateValue>, language: string): string {
  const value = { day: fact.day, month: fact.month, year: found.value.year === undefined ? undefined : fact.year };
  return formatDate(value, language, found.style, found.separator);
}

/** What ends the stretch of words a count's unit is looked for in: . ! ? ; and a new line. */
const SENTENCE_BREAKS = new Set(['.', '!', '?', ';', '\n'].map((c) => c.charCodeAt(0)));

/**
 * Where the draft's sentence breaks are, indexed once: whether one lies between two offsets is
 * then one lookup, so the words around every number are found in time linear in the draft.
 */
class SentenceBreaks {
  /** For each offset, the first break at or after it (the text's length when there is none). */
  private readonly next: Int32Array;

  constructor(text: string) {
    const n = text.length;
    this.next = new Int32Array(n + 1);
    this.next[n] = n;
    for (let i = n - 1; i >= 0; i -= 1) this.next[i] = SENTENCE_BREAKS.has(text.charCodeAt(i)) ? i : this.next[i + 1]!;
  }

  /** Whether a break lies in [from, to). */
  between(from: number, to: number): boolean {
    return from < to && this.next[from]! < to;
  }
}

/** The index of the first token for which `after` holds (tokens are in the order of the draft), or tokens.length. */
function firstTokenWhere(tokens: readonly Token[], after: (token: Token) => boolean): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (after(tokens[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The first few words after `end` in the same sentence. */
function wordsAfter(tokens: readonly Token[], breaks: SentenceBreaks, end: number, count: number): Token[] {
  const words: Token[] = [];
  for (let i = firstTokenWhere(tokens, (token) => token.start >= end); i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (breaks.between(end, token.start) || words.length >= count) break;
    words.push(token);
  }
  return words;
}

function wordsBefore(tokens: readonly Token[], breaks: SentenceBreaks, start: number, count: number): Token[] {
  const words: Token[] = [];
  for (let i = firstTokenWhere(tokens, (token) => token.end > start) - 1; i >= 0; i -= 1) {
    const token = tokens[i]!;
    if (breaks.between(token.end, start) || words.length >= count) break;
    words.push(token);
  }
  return words;
}

function checkCounts(
  draft: DraftAnalysis,
  numbers: DraftFacts['numbers'],
  prepared: PreparedFacts,
  result: FactCheck,
  mismatch: (fact: Fact, span: Span, replacement: string) => void,
  required: ReadonlySet<string>,
) {
  const { text, tokens, language } = draft;
  const breaks = new SentenceBreaks(text);
  for (const number of numbers) {
    const after = wordsAfter(tokens, breaks, number.end, UNIT_WINDOW);
    const before = wordsBefore(tokens, breaks, number.start, UNIT_WINDOW);
    const counts = (units: readonly UnitWord[], words: readonly Token[]) => words.some((word) => units.some((unit) => sameUnit(unit, word)));
    // What follows the number says what it counts: "48 hours" is not a count of 48 flights.
    const otherUnit = after[0] !== undefined && prepared.otherUnits.has(after[0].stem);
    const named = prepared.numbers.filter(({ units }) => counts(units, after));
    const equal = prepared.numbers.find(({ fact, units }) => {
      if (fact.value !== number.value) return false;
      return fact.value > SMALL_COUNT || counts(units, after) || counts(units, before);
    });
    if (equal) {
      result.present.add(equal.fact.id);
      continue;
    }
    if (prepared.known.numbers.has(number.value)) continue;
    // Unless it names what it counts, a year, a percentage or a hyphenated word ("100-летие", "3-й") is no count.
    if (!named.length && (number.percent || number.yearLike || number.compound)) continue;
    // A number in words is as often an idiom ("опять двадцать пять", "a thousand thanks"): it is a
    // wrong count only beside what it counts.
    if (!named.length && number.spelled) continue;
    const candidates = named.length ? named : otherUnit ? [] : prepared.numbers.filter(({ fact }) => fact.value > SMALL_COUNT);
    let best: (typeof candidates)[number] | undefined;
    for (const candidate of candidates) {
      if (!nearCount(number.value, candidate.fact.value, named.length > 0)) continue;
      if (!best || Math.abs(number.value - candidate.fact.value) < Math.abs(number.value - best.fact.value)) best = candidate;
    }
    // A count said of what a required fact counts ("5 injured" where the sheet says 7) is that
    // fact given wrongly, however far from it.
    if (!best) best = named.find(({ fact }) => required.has(fact.id) && fact.value !== number.value);
    if (best) mismatch(best.fact, number, formatNumber(best.fact.value, language));
  }
}

/**
 * Whether a written count is a verified one wrongly given: within half of it either way, or — when
 * the draft names what it counts ("21 films") — within a factor of two, or the same digits in
 * another order (21 for 12).
 */
function nearCount(found: number, fact: number, named: boolean): boolean {
  if (found === fact || fact === 0) return false;
  const sameDigits = (a: number, b: number) => String(a).length > 1 && [...String(a)].sort().join() === [...String(b)].sort().join();
  if (sameDigits(found, fact)) return true;
  if (named) return found >= fact / 2 && found <= fact * 2;
  return Math.abs(found - fact) <= Math.abs(fact) * NEAR_COUNT;
}

function checkNames(
  draft: DraftAnalysis,
  urls: readonly Span[],
  prepared: PreparedFacts,
  result: FactCheck,
  mismatch: (fact: Fact, span: Span, replacement: string) => void,
) {
  const { text, tokens, language } = draft;
  const entitySpans = new SpanIndex([...urls, ...draft.mentions, ...draft.hashtags]);
  const keys = tokens.map((token) => nameKey(token.folded));
  for (const match of prepared.nameForms.find(tokens)) result.present.add(match.value);
  for (const { fact, surnames } of prepared.names) {
    if (keys.some((key) => surnames.has(key))) result.present.add(fact.id);
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!/^\p{Lu}/u.test(token.text) || entitySpans.overlaps(token)) continue;
    const key = keys[i]!;
    if (prepared.knownNames.has(key) || prepared.names.some(({ surnames }) => surnames.has(key))) continue;
    const sentenceStart = i === 0 || /[.!?:\n]\s*$/.test(text.slice(tokens[i - 1]!.end, token.start));
    for (const { fact, surnames } of prepared.names) {
      const wrong = [...surnames].some((surname) => {
        if (surname.length < 4) return false;
        // A capitalised word opening a sentence is usually just a word: only a long surname is compared there.
        if (sentenceStart && surname.length < 6) return false;
        const allowed = surname.length >= 7 ? 2 : 1;
        const distance = editDistance(key, surname, allowed);
        // A wrong first letter is rarely a slip of the keyboard, and often another word ("Irena", "Arena").
        return distance >= 1 && distance <= allowed && key[0] === surname[0];
      });
      if (wrong) {
        const name = pick(fact.value, language);
        mismatch(fact, token, name.trim().split(/\s+/).pop() ?? name);
        break;
      }
    }
  }
}

/** Fact types whose any written value stands for one fact: a phone, a link, a date, a time. */
const SINGLE_VALUE_TYPES: ReadonlySet<Fact['type']> = new Set(['phone', 'url', 'date', 'time']);

function checkMissingFacts(check: FactCheck, context: GradingContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const play = context.playLanguage;
  const missing = context.task.requires.facts
    .filter((id) => !check.present.has(id) && !check.contradicted.has(id))
    .map((id) => context.scenario.facts.find((f) => f.id === id))
    .filter((fact): fact is Fact => fact !== undefined);
  for (const fact of missing) {
    // The task asks for the hotline, the draft gives another number: that number is the hotline
    // given wrongly (however far from it), not a missing fact beside a merely unverified one.
    const sameType = missing.filter((other) => other.type === fact.type);
    const given = SINGLE_VALUE_TYPES.has(fact.type) && sameType.length === 1 ? check.unverified.find((item) => item.type === fact.type) : undefined;
    if (given) {
      const found = String(given.finding.message.params?.found ?? '');
      Object.assign(given.finding, {
        ruleId: 'policy.fact-mismatch',
        message: { key: `policy.fact-mismatch.${fact.type}`, params: { label: pick(fact.label, play), found, expected: displayFact(fact, play) } },
        suggestion: { replacement: fact.type === 'date' ? displayFact(fact, play) : fact.type === 'time' ? fact.value : String(fact.value) },
        severity: fact.severity,
      });
      check.contradicted.add(fact.id);
      continue;
    }
    const value = displayFact(fact, play);
    findings.push({
      ruleId: 'policy.fact-missing',
      message: { key: 'policy.fact-missing.absent', params: { label: pick(fact.label, play), value } },
      suggestion: { message: { key: 'policy.fact-missing.suggestion', params: { value } } },
    });
  }
  return findings;
}

export const policyRules: RuleFamily = (draft, context) => {
  if (!draft.text.trim()) return [];
  const prepared = cached(context, `policy:${draft.language}`, () => prepare(context, draft.language));
  const found = draft.facts;
  // Words inside links and mentions are addresses, not statements: they cross no red line. A link
  // may still carry a key message ("see the official list at mfa.azuria.example").
  const addresses = [...found.urls, ...draft.mentions];
  const addressSpans = new SpanIndex(addresses);
  const tokens = addresses.length ? draft.tokens.filter((token) => !addressSpans.overlaps(token)) : draft.tokens;
  const facts = checkFacts(draft, found, prepared.facts, context);
  return [
    ...checkKeyMessages(draft, prepared, facts, context),
    ...checkRedLines(draft, tokens, prepared, context),
    ...checkTerminology(draft.text, tokens, prepared, draft.language),
    ...checkHashtags(draft, prepared, context),
    ...facts.findings,
    ...checkMissingFacts(facts, context),
  ];
};

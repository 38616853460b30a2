// Runtime: any (pure core). Tone: what a senior press officer circles in a draft before an official
// account publishes it — insults, sarcasm, labelling the other side, shouting, chat register,
// judgements where the target is neutral, alarm in a crisis, talking down, and a crisis message
// with no empathy at all. Sentiment is not tone: a good condolence reads "negative", a sarcastic
// reply "positive"; so each signal is looked for on its own, by stem, in the draft's language.
import type { Scenario } from '../pack/schema';
import type { DraftAnalysis, Entity, GradingContext, RawFinding, RuleFamily } from './analysis';
import { appendTo, cached, overlaps, SpanIndex } from './analysis';
import { TONE_EN } from './lexicons/tone-en';
import type { ToneCategory, ToneLexicon } from './lexicons/tone-lexicon';
import { TONE_RU } from './lexicons/tone-ru';
import { TONE_UK } from './lexicons/tone-uk';
import type { GradedLanguage, Token } from './text';
import { fold, isGradedLanguage, PhraseMatcher, tokenize } from './text';
import { isNegated, isRebuttal, reportedSpans, reportsClaim, sentences } from './scope';
import { DIMINUTIVES, FAMILIAR, findTonePatterns } from './tone-patterns';
import type { Span } from './types';

const LEXICONS: Readonly<Record<GradedLanguage, ToneLexicon>> = { en: TONE_EN, ru: TONE_RU, uk: TONE_UK };

/** Signals a negation in front of them undoes ("do not repost unconfirmed reports"); a label stays a label ("do not listen to these idiots"). */
const NEGATABLE: ReadonlySet<ToneCategory> = new Set(['panic']);

/** When several signals cover the same words, the graver one speaks. */
const PRIORITY: readonly ToneCategory[] = ['insult', 'blame', 'sarcasm', 'panic', 'evaluative', 'condescension', 'dismissive', 'slang', 'officialese'];

const RULE_OF: Readonly<Record<Exclude<ToneCategory, 'empathy' | 'warmth'>, string>> = {
  insult: 'tone.insult',
  sarcasm: 'tone.sarcasm',
  blame: 'tone.blame',
  panic: 'tone.panic',
  evaluative: 'tone.evaluative',
  slang: 'tone.register',
  officialese: 'tone.register',
  condescension: 'tone.condescension',
  dismissive: 'tone.condescension',
};

/** Signals reported under another signal's rule, with a message of their own. */
const MESSAGE_OF: Partial<Record<ToneCategory, string>> = { officialese: 'tone.register-officialese', dismissive: 'tone.condescension-dismissive' };

/** Task kinds that answer one person, where a registry letter's clichés read as a brush-off whatever the target. */
const ANSWER_KINDS: ReadonlySet<string> = new Set(['reply', 'direct-message']);

/** Task kinds that speak to people directly, where an empathetic target needs a sign of empathy. */
const EMPATHY_KINDS: ReadonlySet<string> = new Set(['post', 'reply', 'direct-message', 'mass-notification']);
/** Shorter drafts (a one-line acknowledgement) are not judged for missing empathy. */
const EMPATHY_MIN_WORDS = 8;
/** A warm post may carry a few emoji; more and it stops sounding like an institution. */
const WARM_MAX_EMOJI = 3;
/** Capitals in words this short may be an abbreviation nobody listed; they neither count nor break a run. */
const MIN_SHOUTED_LETTERS = 3;
/** A single word in capitals this long is shouting on its own: no abbreviation is that long. */
const LONG_SHOUTED_WORD = 7;

// ————— Compiled lexicons —————

interface Entry {
  category: ToneCategory;
  exception: boolean;
  /** The entry's words, folded. */
  words: string[];
  /** The entry as written in the lexicon, folded, without markers: the key of its replacement. */
  key: string;
  atSentenceStart: boolean;
  beforeBreak: boolean;
  exactForms: boolean;
  nearName: boolean;
}

interface CompiledLexicon {
  lexicon: ToneLexicon;
  matcher: PhraseMatcher<Entry>;
  quotedTerms: ReadonlySet<string>;
}

function parseEntry(raw: string, category: ToneCategory, exception: boolean, language: string): { text: string; entry: Entry } {
  let text = raw;
  let atSentenceStart = false;
  let exactForms = false;
  let nearName = false;
  for (;;) {
    if (text.startsWith('^')) atSentenceStart = true;
    else if (text.startsWith('=')) exactForms = true;
    else if (text.startsWith('@')) nearName = true;
    else break;
    text = text.slice(1);
  }
  const beforeBreak = text.endsWith('$');
  if (beforeBreak) text = text.slice(0, -1);
  const words = tokenize(text, language).map((token) => token.folded);
  return { text, entry: { category, exception, words, key: fold(text), atSentenceStart, beforeBreak, exactForms, nearName } };
}

const CATEGORIES: readonly ToneCategory[] = [
  'insult',
  'sarcasm',
  'blame',
  'panic',
  'evaluative',
  'slang',
  'officialese',
  'condescension',
  'dismissive',
  'empathy',
  'warmth',
];

function compile(language: GradedLanguage): CompiledLexicon {
  const lexicon = LEXICONS[language];
  const phrases: Array<{ text: string; value: Entry }> = [];
  for (const category of CATEGORIES) {
    for (const raw of lexicon[category]) {
      const { text, entry } = parseEntry(raw, category, false, language);
      phrases.push({ text, value: entry });
    }
    for (const raw of lexicon.exceptions[category] ?? []) {
      const { text, entry } = parseEntry(raw, category, true, language);
      phrases.push({ text, value: entry });
    }
  }
  return { lexicon, matcher: new PhraseMatcher(phrases, language), quotedTerms: new Set(lexicon.quotedTerms.map((term) => stemKey(term, language))) };
}

const compiled = new Map<GradedLanguage, CompiledLexicon>();
function compiledLexicon(language: GradedLanguage): CompiledLexicon {
  let result = compiled.get(language);
  if (!result) {
    result = compile(language);
    compiled.set(language, result);
  }
  return result;
}

/** Words of a phrase as stems, joined: how quoted words are compared with known terms. */
function stemKey(text: string, language: string): string {
  return tokenize(text, language)
    .map((token) => token.stem)
    .join(' ');
}

/**
 * English stemming also strips derivational endings ("positive" and "position" share "posit",
 * "friendly" and "friends" share "friend"): an English entry counts only in its inflected forms.
 */
function englishForms(word: string): Set<string> {
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`, `${word}'s`, `${word}s'`]);
  if (word.endsWith('e')) forms.add(`${word.slice(0, -1)}ing`);
  if (word.endsWith('y')) {
    forms.add(`${word.slice(0, -1)}ies`);
    forms.add(`${word.slice(0, -1)}ied`);
  }
  const last = word.at(-1);
  if (last && /[bdglmnprt]/.test(last)) {
    forms.add(`${word}${last}ed`);
    forms.add(`${word}${last}ing`);
  }
  return forms;
}

const englishFormCache = new Map<string, Set<string>>();
function isEnglishForm(keyword: string, word: string): boolean {
  let forms = englishFormCache.get(keyword);
  if (!forms) {
    forms = englishForms(keyword);
    englishFormCache.set(keyword, forms);
  }
  return forms.has(word);
}

// ————— Where a word stands —————

const SENTENCE_END = /[.!?…:;]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `index` begins a sentence (or a line): only openers, spaces or symbols stand before it. */
function atSentenceStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const char = text[i]!;
    if (char === '\n') return true;
    if (SENTENCE_END.test(char)) return true;
    if (WORD_CHAR.test(char) || char === ',') return false;
  }
  return true;
}

/** Whether punctuation, a symbol or the end follows `index` rather than another word. */
function beforeBreak(text: string, index: number): boolean {
  for (let i = index; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\u00a0') continue;
    return !WORD_CHAR.test(char);
  }
  return true;
}

function looksLikeName(text: string, token: Token | undefined): boolean {
  return token !== undefined && /^\p{Lu}/u.test(token.text) && /\p{Ll}/u.test(token.text) && !atSentenceStart(text, token.start);
}

/** "the Veland regime", "regime in Veland", "режим Веланда", "веландский режим". */
function nextToName(text: string, tokens: readonly Token[], first: number, count: number, lexicon: ToneLexicon): boolean {
  const before = tokens[first - 1];
  const after = tokens[first + count];
  if (looksLikeName(text, before) || looksLikeName(text, after)) return true;
  if (after && lexicon.namePrepositions.includes(after.folded) && looksLikeName(text, tokens[first + count + 1])) return true;
  return before !== undefined && lexicon.nameAdjective !== undefined && lexicon.nameAdjective.test(before.folded);
}

// ————— Lexicon hits —————

interface Hit extends Span {
  entry: Entry;
}

function lexiconHits(draft: DraftAnalysis, tokens: readonly Token[], lexicon: CompiledLexicon, active: ReadonlySet<ToneCategory>): Map<ToneCategory, Hit[]> {
  const { text, language } = draft;
  const found = new Map<ToneCategory, Hit[]>();
  const exceptions = new Map<ToneCategory, Span[]>();
  for (const match of lexicon.matcher.find(tokens)) {
    const entry = match.value;
    if (!active.has(entry.category)) continue;
    const first = match.tokenIndex;
    const count = entry.words.length;
    let fits = true;
    for (let k = 0; k < count && fits; k += 1) {
      const word = tokens[first + k]!.folded;
      if (entry.exactForms) fits = word === entry.words[k];
      else if (language === 'en') fits = isEnglishForm(entry.words[k]!, word);
    }
    if (!fits) continue;
    if (entry.atSentenceStart && !atSentenceStart(text, match.start)) continue;
    if (entry.beforeBreak && !beforeBreak(text, match.end)) continue;
    if (entry.nearName && !nextToName(text, tokens, first, count, lexicon.lexicon)) continue;
    const hit: Hit = { start: match.start, end: match.end, entry };
    if (entry.exception) appendTo(exceptions, entry.category, hit);
    else appendTo(found, entry.category, hit);
  }
  for (const [category, hits] of found) {
    const excepted = exceptions.get(category) ?? [];
    found.set(
      category,
      hits.filter((hit) => !excepted.some((span) => overlaps(span, hit))),
    );
  }
  return found;
}

/** One hit per stretch of words: the longest phrase wins within a signal, the graver signal across them. */
function settle(found: Map<ToneCategory, Hit[]>): Hit[] {
  const kept: Hit[] = [];
  for (const category of PRIORITY) {
    const hits = [...(found.get(category) ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
    for (const hit of hits) if (!kept.some((other) => overlaps(other, hit))) kept.push(hit);
  }
  return kept;
}

// ————— What the scenario itself names —————

interface ScenarioVocabulary {
  /** Words the scenario writes in capitals (its acronyms): not shouting. */
  capitals: ReadonlySet<string>;
  /** How the scenario writes its names, by folded form: for sentence-case replacements. */
  nameCasing: ReadonlyMap<string, string>;
  /** Its terms, as stem keys (one and two words): quoting them is not irony. */
  terms: ReadonlySet<string>;
}

const PLAIN_WORD = /[\p{L}\p{M}\p{N}]+/gu;

// The vocabulary depends on the scenario alone: read once per scenario and language, not per task.
const vocabularies = new WeakMap<Scenario, Map<string, ScenarioVocabulary>>();

function scenarioVocabulary(context: GradingContext, language: string): ScenarioVocabulary {
  let byLanguage = vocabularies.get(context.scenario);
  if (!byLanguage) {
    byLanguage = new Map();
    vocabularies.set(context.scenario, byLanguage);
  }
  const known = byLanguage.get(language);
  if (known) return known;
  const made = buildVocabulary(context, language);
  byLanguage.set(language, made);
  return made;
}

function buildVocabulary(context: GradingContext, language: string): ScenarioVocabulary {
  return (() => {
    const { scenario } = context;
    const everyLanguage = (value: Record<string, string> | undefined) => (value ? Object.values(value) : []);
    const names: string[] = [
      ...everyLanguage(scenario.title),
      ...everyLanguage(scenario.role.organisation),
      ...scenario.accounts.flatMap((account) => [...everyLanguage(account.name), account.handle]),
      ...scenario.personas.flatMap((persona) => everyLanguage(persona.name)),
      ...scenario.facts.flatMap((fact) => [
        ...everyLanguage(fact.label),
        ...(fact.type === 'name' ? [...everyLanguage(fact.value), ...Object.values(fact.aliases ?? {}).flat()] : []),
        ...(fact.type === 'text' ? everyLanguage(fact.value) : []),
      ]),
    ];
    const policyTexts: string[] = [
      ...scenario.policy.keyMessages.flatMap((message) => [...everyLanguage(message.wording), ...Object.values(message.keywords ?? {}).flat()]),
      ...scenario.policy.terminology.flatMap((term) => [...everyLanguage(term.preferred), ...Object.values(term.deprecated).flat()]),
      ...scenario.policy.hashtags.approved,
    ];
    const capitals = new Set<string>();
    const nameCasing = new Map<string, string>();
    for (const text of [...names, ...policyTexts]) {
      for (const [word] of text.matchAll(PLAIN_WORD)) {
        if (/\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word)) capitals.add(word);
      }
    }
    for (const text of names) {
      for (const [word] of text.matchAll(PLAIN_WORD)) {
        if (/^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word)) nameCasing.set(fold(word), word);
      }
    }
    const terms = new Set<string>();
    const ownLanguage = (value: Record<string, string | string[]> | undefined) => {
      const own = value?.[language];
      return own === undefined ? [] : Array.isArray(own) ? own : [own];
    };
    const termTexts = [
      ...scenario.policy.keyMessages.flatMap((message) => ownLanguage(message.keywords)),
      ...scenario.policy.terminology.flatMap((term) => [...ownLanguage(term.preferred), ...ownLanguage(term.deprecated)]),
      ...scenario.facts.flatMap((fact) => [
        ...ownLanguage(fact.label),
        ...(fact.type === 'name' ? [...ownLanguage(fact.value), ...ownLanguage(fact.aliases)] : []),
        ...(fact.type === 'text' ? ownLanguage(fact.value) : []),
      ]),
      ...scenario.accounts.flatMap((account) => ownLanguage(account.name)),
    ];
    for (const text of termTexts) {
      const stems = tokenize(text, language).map((token) => token.stem);
      stems.forEach((stem, index) => {
        terms.add(stem);
        if (index + 1 < stems.length) terms.add(`${stem} ${stems[index + 1]}`);
      });
    }
    return { capitals, nameCasing, terms };
  })();
}

// ————— Signals that are not words —————

/** One emoji as people see it: a flag, a keycap, or a pictograph with its modifiers and joins. */
const EMOJI =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*/gu;
/** Pictographic by Unicode, but typography: ©, ®, ™, and the double marks that shouting covers. */
const NOT_EMOJI = new Set(['©', '®', '™', '‼', '⁉']);
/** Faces and gestures that mock. */
const MOCKING_EMOJI = new Set(['🙄', '😏', '🤡', '🤦', '🥱', '😒', '🙃', '💅', '😂', '🤣']);
/**
 * Signposts an institution uses to lay out practical information (phone, place, date, warning,
 * link, flags): not a matter of register except in formal writing.
 */
const SIGNPOST_EMOJI = new Set([
  ...'📞☎📱📲📧✉📩📨📍📌🗓📅📆⏰⏱⏳⌛⚠ℹ➡⬅⬆⬇↗↘↙↖▶◀🔗✅☑✔🆘🏥🛂🛃✈🚌🚆🚑🏛🌐💻📝📄📋🔔📢📣🔴🟢🟡🟠🔵⚪⚫🏢🏨🗺🧭💬🔹🔸▪▫📰🎫💳🛫🛬🚗⛴🚢🆔🔍📊🗳🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛🕜🕝🕞🕟🕠🕡🕢🕣🕤🕥🕦🕧',
]);

interface Emoji extends Span {
  text: string;
  base: string;
}

function findEmoji(text: string): Emoji[] {
  const found: Emoji[] = [];
  for (const match of text.matchAll(EMOJI)) {
    const base = String.fromCodePoint(match[0].codePointAt(0)!);
    if (NOT_EMOJI.has(base) && !match[0].includes('\uFE0F')) continue;
    found.push({ text: match[0], base, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

const isSignpost = (emoji: Emoji) => SIGNPOST_EMOJI.has(emoji.base) || /^[\p{Regional_Indicator}#*0-9]/u.test(emoji.text);

/** Emoji next to each other (spaces between at most) as one group. */
function groupEmoji(text: string, emoji: readonly Emoji[]): Emoji[][] {
  const groups: Emoji[][] = [];
  for (const item of emoji) {
    const last = groups.at(-1);
    const previous = last?.at(-1);
    if (last && previous && text.slice(previous.end, item.start).trim() === '') last.push(item);
    else groups.push([item]);
  }
  return groups;
}

const STACKED_MARKS = /[!?！？]{2,}|[‼⁉]+/gu;
const IRONY_MARK = /(?:^|\s)(\/s)(?=$|[\s.,!?])/gu;
const QUOTED = /(^|[\s([—–-])([«“„"])([^«»“”„"\n]{1,40}?)([»”“"])(?=$|[\s.,;:!?)\]…—–-])/gu;
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '«': '»', '“': '”', '„': '“”', '"': '"' };
const QUOTABLE = /^\p{Ll}[\p{Ll}\p{M}'’ʼ-]*(?: [\p{Ll}\p{M}'’ʼ-]+)?$/u;

// ————— The rules —————

function lexiconFindings(hits: readonly Hit[], draft: DraftAnalysis, lexicon: ToneLexicon): RawFinding[] {
  return hits.map((hit) => {
    const { category } = hit.entry;
    const ruleId = RULE_OF[category as Exclude<ToneCategory, 'empathy' | 'warmth'>];
    const word = draft.text.slice(hit.start, hit.end);
    if (category === 'slang') {
      const replacement = lexicon.replacements[hit.entry.key];
      return {
        ruleId,
        span: { start: hit.start, end: hit.end },
        message: { key: 'tone.register', params: { word } },
        suggestion:
          replacement === undefined
            ? { message: { key: 'tone.register-advice' } }
            : { replacement: matchCase(word, replacement), message: { key: 'tone.register-advice' } },
      };
    }
    const param = category === 'sarcasm' ? 'phrase' : 'word';
    const key = MESSAGE_OF[category] ?? ruleId;
    return {
      ruleId,
      span: { start: hit.start, end: hit.end },
      message: { key, params: { [param]: word } },
      suggestion: { message: { key: `${key}-advice` } },
    };
  });
}

function matchCase(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

function sarcasmMarks(draft: DraftAnalysis, tokens: readonly Token[], lexicon: ToneLexicon, taken: Span[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const add = (span: Span, phrase: string) => {
    if (taken.some((other) => overlaps(other, span))) return;
    taken.push(span);
    findings.push({
      ruleId: 'tone.sarcasm',
      span,
      message: { key: 'tone.sarcasm', params: { phrase } },
      suggestion: { message: { key: 'tone.sarcasm-advice' } },
    });
  };
  for (const token of tokens) if (lexicon.laughter.test(token.folded)) add({ start: token.start, end: token.end }, token.text);
  for (const match of draft.text.matchAll(IRONY_MARK)) {
    const start = match.index + match[0].indexOf('/s');
    add({ start, end: start + 2 }, '/s');
  }
  return findings;
}

/** Words after which quotation marks hold a title or a name, not irony: "the letter «…»", "под названием «…»". */
const TITLE_NOUNS =
  /(?:letter|document|order|decree|article|post|message|statement|notice|titled|entitled|called|named|headline|письм\p{L}*|документ\p{L}*|приказ\p{L}*|указ\p{L}*|стать\p{L}*|заявлени\p{L}*|сообщени\p{L}*|уведомлени\p{L}*|названи\p{L}*|озаглавлен\p{L}*|заголов\p{L}*|лист\p{L}*|наказ\p{L}*|статт\p{L}*|заяв\p{L}*|повідомлен\p{L}*|назв\p{L}*)[\s\u00a0:,—–-]*$/iu;

function scareQuotes(
  draft: DraftAnalysis,
  tokens: readonly Token[],
  vocabulary: ScenarioVocabulary,
  lexicon: CompiledLexicon,
  entities: readonly Entity[],
): RawFinding[] {
  const findings: RawFinding[] = [];
  // Quotation marks in a sentence that reports a claim to rebut it quote the claim: they mock no one.
  // So do quotation marks in a sentence that reports what others say ("rumours about «hackers»").
  const rebuttals = new SpanIndex(
    sentences(draft.text, tokens)
      .filter((sentence) => isRebuttal(tokens, sentence.first, sentence.last) || reportsClaim(tokens, sentence.first, sentence.last))
      // A quotation mark just outside the sentence's words still belongs to it.
      .map((sentence) => ({ start: sentence.start - 1, end: sentence.end + 1 })),
  );
  const entitySpans = new SpanIndex(entities);
  for (const match of draft.text.matchAll(QUOTED)) {
    const [, lead, open, inner, close] = match as unknown as [string, string, string, string, string];
    if (!QUOTE_PAIRS[open]!.includes(close) || !QUOTABLE.test(inner)) continue;
    const start = match.index + lead.length;
    const span = { start, end: start + open.length + inner.length + close.length };
    if (entitySpans.overlaps(span)) continue;
    if (rebuttals.contains(span)) continue;
    if (TITLE_NOUNS.test(draft.text.slice(Math.max(0, start - 30), start))) continue;
    const key = stemKey(inner, draft.language);
    if (vocabulary.terms.has(key) || lexicon.quotedTerms.has(key)) continue;
    findings.push({
      ruleId: 'tone.sarcasm',
      span,
      message: { key: 'tone.sarcasm-quotes', params: { phrase: inner } },
      suggestion: { replacement: inner, message: { key: 'tone.sarcasm-quotes-advice' } },
    });
  }
  return findings;
}

function shouting(draft: DraftAnalysis, tokens: readonly Token[], vocabulary: ScenarioVocabulary): RawFinding[] {
  const { text } = draft;
  const allowed = (word: string) => ABBREVIATIONS.has(word.toUpperCase()) || vocabulary.capitals.has(word);
  const findings: RawFinding[] = [];
  let run: Token[] = [];
  let shouted = 0;
  const close = () => {
    // Two shouted words, or one long one ("OUTRAGEOUS:"), or a word raised for emphasis ("do NOT",
    // «УВАГА!»): abbreviations are short, or known, and no abbreviation is spelt like a negation.
    const alone = (token: Token) => EMPHASIS.has(token.text) || [...token.text.matchAll(/\p{L}/gu)].length >= LONG_SHOUTED_WORD;
    if (shouted >= 2 || (shouted === 1 && run.some((token) => isShouted(token, allowed) && alone(token)))) {
      const counted = run.filter((token) => isShouted(token, allowed));
      const start = counted[0]!.start;
      const end = counted.at(-1)!.end;
      const phrase = text.slice(start, end);
      findings.push({
        ruleId: 'tone.shouting',
        span: { start, end },
        message: { key: 'tone.shouting', params: { phrase } },
        suggestion: { replacement: sentenceCase(text, start, end, run, allowed, vocabulary), message: { key: 'tone.shouting-advice' } },
      });
    }
    run = [];
    shouted = 0;
  };
  for (const token of tokens) {
    if (/\p{Ll}/u.test(token.text)) {
      close();
      continue;
    }
    if (!/\p{Lu}/u.test(token.text)) continue;
    run.push(token);
    if (isShouted(token, allowed)) shouted += 1;
  }
  close();
  for (const match of text.matchAll(STACKED_MARKS)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (draft.urls.some((url) => overlaps(url, span))) continue;
    findings.push({
      ruleId: 'tone.shouting',
      span,
      message: { key: 'tone.shouting-marks', params: { marks: match[0] } },
      suggestion: { replacement: /[?？⁉]/u.test(match[0]) ? '?' : '!', message: { key: 'tone.shouting-marks-advice' } },
    });
  }
  return findings;
}

function isShouted(token: Token, allowed: (word: string) => boolean): boolean {
  if (EMPHASIS.has(token.text)) return true;
  return !/\p{N}/u.test(token.text) && [...token.text.matchAll(/\p{L}/gu)].length >= MIN_SHOUTED_LETTERS && !allowed(token.text);
}

/** The shouted words in sentence case, abbreviations and the scenario's names kept as written. */
function sentenceCase(
  text: string,
  start: number,
  end: number,
  run: readonly Token[],
  allowed: (word: string) => boolean,
  vocabulary: ScenarioVocabulary,
): string {
  let result = '';
  let cursor = start;
  for (const token of run) {
    if (token.end <= start || token.start >= end) continue;
    result += text.slice(cursor, token.start);
    const lower = token.text.toLowerCase();
    result += allowed(token.text) && token.text.length > 1 ? token.text : (vocabulary.nameCasing.get(fold(token.text)) ?? (lower === 'i' ? 'I' : lower));
    cursor = token.end;
  }
  result += text.slice(cursor, end);
  return atSentenceStart(text, start) ? result.charAt(0).toUpperCase() + result.slice(1) : result;
}

const ABBREVIATIONS: ReadonlySet<string> = new Set(Object.values(LEXICONS).flatMap((lexicon) => lexicon.abbreviations));
/** Negations and alarm calls, in capitals exactly as listed: shouting however short. */
const EMPHASIS: ReadonlySet<string> = new Set(Object.values(LEXICONS).flatMap((lexicon) => lexicon.emphasis));

function emojiFindings(draft: DraftAnalysis, target: string, taken: Span[]): RawFinding[] {
  const emoji = findEmoji(draft.text);
  const findings: RawFinding[] = [];
  const others: Emoji[] = [];
  for (const item of emoji) {
    if (MOCKING_EMOJI.has(item.base)) {
      taken.push(item);
      findings.push({
        ruleId: 'tone.sarcasm',
        span: { start: item.start, end: item.end },
        message: { key: 'tone.sarcasm', params: { phrase: item.text } },
        suggestion: { message: { key: 'tone.sarcasm-advice' } },
      });
    } else others.push(item);
  }
  if (target === 'warm') {
    if (emoji.length > WARM_MAX_EMOJI) {
      const extra = emoji.slice(WARM_MAX_EMOJI);
      findings.push({
        ruleId: 'tone.register',
        span: { start: extra[0]!.start, end: extra.at(-1)!.end },
        message: { key: 'tone.register-emoji-count', params: { count: emoji.length, max: WARM_MAX_EMOJI } },
        suggestion: { message: { key: 'tone.register-emoji-advice' } },
      });
    }
    return findings;
  }
  for (const group of groupEmoji(draft.text, others)) {
    if (target !== 'formal' && group.every(isSignpost)) continue;
    const span = { start: group[0]!.start, end: group.at(-1)!.end };
    findings.push({
      ruleId: 'tone.register',
      span,
      message: { key: 'tone.register-emoji', params: { emoji: draft.text.slice(span.start, span.end) } },
      suggestion: { replacement: '', message: { key: 'tone.register-emoji-advice' } },
    });
  }
  return findings;
}

/** "Ты" and diminutives: an official account speaking to its reader as to a friend. */
function familiarRegister(draft: DraftAnalysis, tokens: readonly Token[], taken: Span[]): RawFinding[] {
  const familiar = FAMILIAR[draft.language];
  const diminutives = DIMINUTIVES[draft.language];
  if (!familiar || !diminutives) return [];
  const findings: RawFinding[] = [];
  for (const token of tokens) {
    if (taken.some((span) => overlaps(span, token))) continue;
    const polite = familiar.get(token.folded);
    if (polite !== undefined) {
      findings.push({
        ruleId: 'tone.register',
        span: { start: token.start, end: token.end },
        message: { key: 'tone.register-familiar', params: { word: token.text } },
        suggestion: { message: { key: 'tone.register-familiar-advice', params: { polite } } },
      });
    } else if (diminutives.has(token.folded)) {
      findings.push({
        ruleId: 'tone.register',
        span: { start: token.start, end: token.end },
        message: { key: 'tone.register-diminutive', params: { word: token.text } },
        suggestion: { message: { key: 'tone.register-advice' } },
      });
    }
  }
  return findings;
}

/**
 * Whether the draft speaks to someone by name: one of the scenario's people set off by a comma, or
 * a name in the vocative at the very start ("Solomia, yes…") or closing a sentence ("Good question,
 * Oskar."). Named in passing ("residents of Tallvik") is not addressed.
 */
function addressesSomeone(text: string, tokens: readonly Token[], context: GradingContext): boolean {
  const names = cached(context, 'tone.persona-names', () => {
    const words = new Set<string>();
    for (const persona of context.scenario.personas)
      for (const name of Object.values(persona.name)) for (const token of tokenize(name, 'en')) if (token.folded.length >= 3) words.add(token.folded);
    return words;
  });
  return tokens.some((token, index) => {
    if (!/^\p{Lu}\p{Ll}/u.test(token.text)) return false;
    const commaAfter = /^\s*,/u.test(text.slice(token.end));
    const commaBefore = /,\s*$/u.test(text.slice(0, token.start));
    if (names.has(token.folded) && (commaAfter || commaBefore)) return true;
    if (index === 0 && commaAfter) return true;
    return commaBefore && /^\s*[.!?]/u.test(text.slice(token.end));
  });
}

export const toneRules: RuleFamily = (draft, context) => {
  if (!draft.text.trim()) return [];
  const target = context.scenario.policy.tone.target;
  const entities: Entity[] = [...draft.hashtags, ...draft.mentions, ...draft.urls];
  const tokens = entities.length ? draft.tokens.filter((token) => !entities.some((entity) => overlaps(entity, token))) : draft.tokens;
  const vocabulary = scenarioVocabulary(context, draft.language);
  const findings: RawFinding[] = [];
  const taken: Span[] = [];

  findings.push(...emojiFindings(draft, target, taken));
  findings.push(...shouting(draft, tokens, vocabulary));
  if (!isGradedLanguage(draft.language)) return findings;

  const lexicon = compiledLexicon(draft.language);
  const active = new Set<ToneCategory>(['insult', 'sarcasm', 'blame', 'slang', 'condescension', 'dismissive']);
  if (context.scenario.kind === 'crisis') active.add('panic');
  if (target === 'neutral') active.add('evaluative');
  // A notice board's clichés chill a warm or empathetic text, and answer a person like a registry;
  // a formal text may use them.
  if (target === 'warm' || target === 'empathetic' || (target !== 'formal' && ANSWER_KINDS.has(context.task.kind))) active.add('officialese');
  const words = tokens.filter((token) => /\p{L}/u.test(token.text)).length;
  const checksEmpathy = target === 'empathetic' && EMPATHY_KINDS.has(context.task.kind) && words >= EMPATHY_MIN_WORDS;
  if (checksEmpathy) active.add('empathy');
  // Where the target is warm, a text that greets, thanks, welcomes or invites nobody reads as a notice.
  const checksWarmth = target === 'warm' && EMPATHY_KINDS.has(context.task.kind) && words >= EMPATHY_MIN_WORDS;
  if (checksWarmth) active.add('warmth');

  const found = lexiconHits(draft, tokens, lexicon, active);
  // The words of a quoted or rebutted rumour («десятки погибших» "are false") are not the author's
  // alarm, and a negated label ("do not repost unconfirmed reports") is advice, not a label.
  const reported = new SpanIndex(reportedSpans(draft.text, tokens));
  const tokenAt = new Map(tokens.map((token, index) => [token.start, index]));
  for (const [category, list] of found) {
    if (category === 'empathy' || category === 'warmth') continue;
    found.set(
      category,
      list.filter((hit) => !reported.contains(hit) && !(NEGATABLE.has(category) && isNegated(draft.text, tokens, tokenAt.get(hit.start) ?? 0))),
    );
  }
  const hits = settle(found);
  taken.push(...hits);
  findings.push(...lexiconFindings(hits, draft, lexicon.lexicon));
  findings.push(...sarcasmMarks(draft, tokens, lexicon.lexicon, taken));
  findings.push(...scareQuotes(draft, tokens, vocabulary, lexicon, entities));
  for (const match of findTonePatterns(draft.text, tokens, draft.language, taken)) {
    taken.push(match);
    findings.push({
      ruleId: match.kind === 'reproach' ? 'tone.condescension' : 'tone.sarcasm',
      span: { start: match.start, end: match.end },
      message: { key: `tone.sarcasm-${match.kind}`, params: { phrase: draft.text.slice(match.start, match.end) } },
      suggestion: { message: { key: match.kind === 'reproach' ? 'tone.condescension-advice' : 'tone.sarcasm-advice' } },
    });
  }
  findings.push(...familiarRegister(draft, tokens, taken));

  if (checksEmpathy && !found.get('empathy')?.length) {
    findings.push({
      ruleId: 'tone.empathy-missing',
      message: { key: 'tone.empathy-missing' },
      suggestion: { message: { key: 'tone.empathy-missing-advice' } },
    });
  }
  // An exclamation is the simplest warmth there is ("We are open!"); stacked marks are shouting, found above.
  if (checksWarmth && !found.get('warmth')?.length && !/[!！]/u.test(draft.text)) {
    // An answer to one person that neither names them nor greets or thanks them is a notice pinned
    // under their question: graver than a plain post.
    const unaddressed = ANSWER_KINDS.has(context.task.kind) && !draft.mentions.length && !addressesSomeone(draft.text, tokens, context);
    findings.push({
      ruleId: unaddressed ? 'tone.reply-unaddressed' : 'tone.warmth-missing',
      message: { key: unaddressed ? 'tone.reply-unaddressed' : 'tone.warmth-missing' },
      suggestion: { message: { key: unaddressed ? 'tone.reply-unaddressed-advice' : 'tone.warmth-missing-advice' } },
    });
  }
  return findings;
};

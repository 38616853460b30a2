// Runtime: any (pure core). A report to headquarters: an internal note on what the public says,
// graded against the facts the simulation knew when it was written (core/engine/monitoring.ts).
//
// Tone: formal and internal whatever the scenario's tone target — the tone rules run with the
// target "formal" (emoji, familiar register, sarcasm, blame… as for any formal text), and a note to
// the ministry has no exclamation marks and does not speak to the public ("dear followers", "stay
// safe", "subscribe"), nor editorialises: no intensified judgements ("overwhelmingly hostile") and
// no advice in the writer's voice ("I strongly recommend"): `tone.report-register`.
//
// Policy: each fact the task asks for is stated, and stated right (`policy.report-fact-missing`,
// `policy.report-fact-wrong`). What counts, per language (en, ru, uk):
// - replies: a number next to a word for replies (en reply/comment/response/reaction, ru ответ/
//   комментарий/отклик/реакция/реплика, uk відповідь/коментар/відгук/реакція/репліка: within four
//   words after it or three before, in the same clause). Right: the total exactly, or within 10 % (at least 1) after
//   "about", "around", "nearly", "some", "over" (ru около, примерно, почти, порядка, более, свыше;
//   uk близько, приблизно, майже, понад, більше). A reply number that is neither the total nor any
//   account's or mood's own count is wrong. With no replies at all, "no replies" (ru нет, ни одного;
//   uk немає, жодної) or 0 is right.
// - moods: the dominant mood (any of them on a tie) named by its word: supportive (support, approving,
//   positive, favourable, welcoming; поддерж-, одобр-, позитив-, положительн-, доброжелат-; підтрим-,
//   схвал-, позитив-, доброзичл-), grateful (grateful, thanks, gratitude; благодар-, признател-; вдяч-, подяк-),
//   confused (confused, question, puzzled, unclear; недоум-, вопрос-, растерян-, непонима-; розгуб-,
//   питан-, запитан-, незрозум-), critical (critical, criticism, complaint, negative; критич-,
//   критик-, недовол-, негатив-, претензи-; критич-, критик-, невдовол-, негатив-, претензі-),
//   hostile (hostile, abusive, aggressive, trolls; враждеб-, агресс-, оскорб-, тролл-; ворож-,
//   агрес-, образ-, трол-). Moods named without the dominant one: wrong. None named: missing.
// - accounts: the busiest account (any of them on a tie) named by its handle, by a word of its name
//   no other account's name has, or by its platform when no other account is on that platform
//   (X, Twitter, Telegram, VK, Facebook… in Latin or Cyrillic letters); where the report says which
//   is busiest (busiest, most active; активн-; найактивн-), the account named beside those words in
//   that sentence — the last before them, else the first after. Others named but not the busiest: wrong.
// - most-shared: in a sentence that speaks of sharing (share, repost, forward, spread; репост,
//   поделил-, распростран-, разошёл-, переслал-; репост, поділ-, пошир-, переслал-), the item's author named
//   (name or handle) or its subject (three words of five letters or more of its text). The author
//   of another shared item named there instead: wrong.
// Nothing with no replies can be wrong about moods or accounts, and nothing shared leaves nothing to
// state: those asks are then not checked. A draft graded without the facts (none known) is graded
// on everything else.
//
// The fact rules of any draft still apply (red lines, terms, the fact sheet's phones, dates and
// links), except that the report's own figures — counts and the time of the monitoring — are not
// "unverified facts" nor read as a wrong number or time of the fact sheet.
//
// Platform: an internal note has the length of one — its words between the task's min and max —
// and none of a post's hashtags, @mentions or links (`platform.report-length`,
// `platform.report-post-markup`); the platform's character limit does not apply to it. The
// language rules apply as to any draft.
import type { Localized, ReportAsk } from '../pack/schema';
import { REACTION_MOODS, REPORT_ASKS, REPORT_WORDS } from '../pack/schema';
import type { DraftAnalysis, GradingContext, RawFinding, RuleFamily } from './analysis';
import { overlapsAny } from './analysis';
import { platformRules } from './platform-fit';
import { policyRules } from './policy';
import { sentences } from './scope';
import type { Token } from './text';
import { fold, tokenize } from './text';
import { toneRules } from './tone';

export type ReportMood = (typeof REACTION_MOODS)[number];

/** The item shared most, as the simulation knew it. */
export interface SharedItem {
  source: 'inject' | 'trainee';
  id: string;
  shares: number;
  /** The persona who wrote it (an inject); null for the trainee's own publication. */
  personaId: string | null;
  /** The account whose feed it reached, or the account it was published on. */
  accountId: string;
  /** Who wrote it, as the feed shows them (name in the play language, handle without @); null when unknown. */
  author: { name: string; handle: string } | null;
  /** Its text in the play language. */
  text: string;
}

/** What the simulation knows at a moment of the public's reaction: see core/engine/monitoring.ts for how it is counted. */
export interface MonitoringFacts {
  /** The simulated minute. */
  at: number;
  /** Audience replies to the trainee's public publications so far. */
  replies: number;
  /** Replies by trainee account (every account, 0 included). */
  byAccount: Record<string, number>;
  byMood: Record<ReportMood, number>;
  /** The accounts with the most replies (more than one on a tie; none without replies). */
  busiest: string[];
  /** The moods with the most replies (more than one on a tie; none without replies). */
  dominantMoods: ReportMood[];
  mostShared: SharedItem | null;
}

/** What a report task asks for, with the defaults filled in. */
export function reportSpec(task: Pick<GradingContext['task'], 'report'>): { asks: ReportAsk[]; words: { min: number; max: number } } {
  return {
    asks: task.report ? [...new Set(task.report.asks)] : [...REPORT_ASKS],
    words: task.report?.words ?? { ...REPORT_WORDS },
  };
}

type Language = 'en' | 'ru' | 'uk';
const languageOf = (draft: DraftAnalysis): Language => (draft.language === 'ru' || draft.language === 'uk' ? draft.language : 'en');

const REPLY_WORDS: Record<Language, RegExp> = {
  en: /^(?:repl(?:y|ies)|comments?|responses?|reactions?)$/,
  ru: /^(?:ответ|коммент|отклик|реакци|реплик)/,
  uk: /^(?:відповід|комент|відгук|реакці|реплік)/,
};
const TOTAL: Record<Language, RegExp> = {
  en: /^(?:total|all|altogether|overall)$/,
  ru: /^(?:всего|итого|общей|общее|целом)$/,
  uk: /^(?:усього|всього|загалом|разом)$/,
};
/** Words saying which account is the busiest: the account named beside them is the one the report calls busiest. */
const BUSIEST: Record<Language, RegExp> = {
  en: /^(?:busiest|active)$/,
  ru: /^активн/,
  uk: /^(?:активн|найактивн)/,
};
const APPROXIMATELY: Record<Language, RegExp> = {
  en: /^(?:about|around|approximately|roughly|nearly|almost|some|over|circa)$/,
  ru: /^(?:около|примерно|почти|порядка|более|свыше|приблизительно)$/,
  uk: /^(?:близько|приблизно|майже|понад|більше|орієнтовно)$/,
};
const NONE: Record<Language, RegExp> = {
  en: /^(?:no|none|zero)$/,
  ru: /^(?:нет|ни|ноль|никаких)$/,
  uk: /^(?:немає|нема|жодної|жодних|жодного|нуль|ні)$/,
};
const SHARE_WORDS: Record<Language, RegExp> = {
  en: /^(?:shar|repost|forward|retweet|spread)/,
  ru: /^(?:репост|поделил|распростран|разош|разлет|переслал|пересыл|расшар)/,
  uk: /^(?:репост|поділ|пошир|переслал|пересил)/,
};
const MOOD_WORDS: Record<ReportMood, Record<Language, RegExp>> = {
  supportive: {
    en: /^(?:support|approv|positiv|favou?rab|welcom)/,
    ru: /^(?:поддерж|одобр|позитив|положительн|доброжелат)/,
    uk: /^(?:підтрим|схвал|позитив|доброзичл)/,
  },
  grateful: { en: /^(?:grate|thank|gratitude)/, ru: /^(?:благодар|признател)/, uk: /^(?:вдяч|подяк)/ },
  confused: { en: /^(?:confus|question|puzzl|unclear)/, ru: /^(?:недоум|вопрос|растерян|непонима)/, uk: /^(?:розгуб|питан|запитан|незрозум)/ },
  critical: { en: /^(?:critic|complain|negativ)/, ru: /^(?:критич|критик|недовол|негатив|претензи)/, uk: /^(?:критич|критик|невдовол|негатив|претензі)/ },
  hostile: { en: /^(?:hostil|abus|aggress|troll)/, ru: /^(?:враждеб|агресс|оскорб|тролл)/, uk: /^(?:ворож|агрес|образ|трол)/ },
};
/** Each platform as people write it, in Latin and Cyrillic letters (folded, word starts). */
const PLATFORM_WORDS: Record<string, RegExp> = {
  x: /^(?:x|twitter|твиттер|твіттер|твітер)$/,
  facebook: /^(?:facebook|фейсбук)/,
  vk: /^(?:vk|vkontakte|вк|вконтакт)/,
  telegram: /^(?:telegram|телеграм)/,
  weibo: /^(?:weibo|вейбо)/,
  youtube: /^(?:youtube|ютуб)/,
  instagram: /^(?:instagram|инстаграм|інстаграм)/,
  threads: /^threads$/,
  mastodon: /^(?:mastodon|мастодон)/,
  bluesky: /^(?:bluesky|блюскай)/,
  linkedin: /^(?:linkedin|линкедин|лінкедін)/,
};
const PUBLIC_ADDRESS: Record<Language, RegExp> = {
  en: /\b(?:dear (?:followers|friends|citizens|all)|stay safe|follow us|subscribe|please share|thank you for your patience)\b/giu,
  ru: /(?<![\p{L}])(?:дорогие (?:друзья|подписчики|соотечественники)|уважаемые подписчики|подписывайтесь|берегите себя|делитесь (?:этим|постом))(?![\p{L}])/giu,
  uk: /(?<![\p{L}])(?:дорогі (?:друзі|підписники|співвітчизники)|шановні підписники|підписуйтеся|бережіть себе|поширюйте)(?![\p{L}])/giu,
};

/**
 * An intensifier before the word it strengthens ("overwhelmingly hostile", «крайне негативно»): the
 * writer's judgement, where a monitoring note states what was said and how often. Before a quantity
 * ("very few replies") it is a count, and left alone.
 */
const EDITORIAL: Record<Language, RegExp> = {
  en: /\b(?:overwhelmingly|extremely|hugely|massively|utterly|absolutely|incredibly|deeply|very)\s+(?!(?:few|many|much|little|small|large)\b)\p{L}[\p{L}-]*/giu,
  ru: /(?<![\p{L}])(?:крайне|чрезвычайно|невероятно|абсолютно|совершенно|очень)\s+(?!(?:мало|много|немного|немало)(?![\p{L}]))\p{L}+/giu,
  uk: /(?<![\p{L}])(?:вкрай|надзвичайно|неймовірно|абсолютно|цілковито|дуже)\s+(?!(?:мало|багато|небагато|чимало)(?![\p{L}]))\p{L}+/giu,
};

/** Advice to the ministry in the writer's own voice ("I strongly recommend", «рекомендуем»): a monitoring note reports. */
const ADVICE: Record<Language, RegExp> = {
  en: /\b(?:I|we)\s+(?:would\s+)?(?:strongly\s+)?(?:recommend|urge|advise|suggest)\b/giu,
  ru: /(?<![\p{L}])(?:(?:я|мы)\s+)?(?:настоятельно\s+)?(?:рекомендую|рекомендуем|советую|советуем|предлагаю|предлагаем|призываю)(?![\p{L}])/giu,
  uk: /(?<![\p{L}])(?:(?:я|ми)\s+)?(?:наполегливо\s+)?(?:рекомендую|рекомендуємо|раджу|радимо|пропоную|пропонуємо|закликаю)(?![\p{L}])/giu,
};

/** The tokens of the draft that are words (letters or digits). */
const wordTokens = (draft: DraftAnalysis) => draft.tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text));

/** Stems of a name's words of four letters or more. */
function nameWords(name: string): string[] {
  return fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4)
    .map((word) => word.slice(0, 5));
}

const allNames = (name: Localized): string[] => Object.values(name);

/** Whether a token starts with one of these word starts (names are matched by their first letters, so inflected forms count). */

interface Count {
  value: number;
  approximate: boolean;
  start: number;
  end: number;
  text: string;
}

/** Numbers the draft gives as counts of replies. */
function replyCounts(draft: DraftAnalysis, tokens: readonly Token[], language: Language): Count[] {
  const counts: Count[] = [];
  const dateOrTime = [...draft.facts.dates, ...draft.facts.times, ...draft.facts.phones];
  const numbers = draft.facts.numbers.filter((number) => !(number.yearLike || number.percent || number.compound || overlapsAny(number, dateOrTime)));
  const isReply = (token: Token) => REPLY_WORDS[language].test(token.folded);
  const isTotal = (token: Token) => TOTAL[language].test(token.folded);
  // Within the same clause: "500 books. Comments were moderated" does not count 500 comments.
  const sameClause = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    !/[.!?;\n]/u.test(a.end <= b.start ? draft.text.slice(a.end, b.start) : draft.text.slice(b.end, a.start));
  const indexAfter = (offset: number) => {
    const found = tokens.findIndex((token) => token.start >= offset);
    return found === -1 ? tokens.length : found;
  };
  // A reply word right after a number ("12 replies") is that number's: it does not also count the next one.
  const claimed = new Set<Token>();
  for (const number of numbers) {
    const index = indexAfter(number.end);
    const next = tokens.slice(index, index + 4).find((token) => isReply(token) && sameClause(number, token));
    if (next) claimed.add(next);
  }
  numbers.forEach((number, order) => {
    const index = indexAfter(number.end);
    const previous = order > 0 ? numbers[order - 1]!.end : 0;
    // "12 replies"; "Replies: 7", "replies to our posts — 7" (the first number after a reply word no
    // number has); "Replies under both accounts as of 1:10: 12 in total" (a total, in a sentence about replies).
    const after = tokens.slice(index, index + 4).some((token) => isReply(token) && sameClause(number, token));
    const before = tokens
      .slice(Math.max(0, index - 6), index)
      .some((token) => token.end <= number.start && token.start >= previous && isReply(token) && !claimed.has(token) && sameClause(token, number));
    const total =
      tokens.slice(index, index + 2).some(isTotal) || tokens.slice(Math.max(0, index - 3), index).some((token) => token.end <= number.start && isTotal(token));
    const sentence = sentenceOf(draft.text, number);
    const totalOfReplies = total && tokens.some((token) => token.start >= sentence.start && token.end <= sentence.end && isReply(token));
    if (!after && !before && !totalOfReplies) return;
    const words = tokens.filter((token) => token.end <= number.start).slice(-2);
    counts.push({ ...number, approximate: words.some((token) => APPROXIMATELY[language].test(token.folded)) });
  });
  return counts;
}

/** The sentence around a span: from the full stop, question or exclamation mark before it to the next one. */
function sentenceOf(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const head = text.slice(0, span.start);
  const stop = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('\n'));
  const rest = /[.!?](?:\s|$)|\n/u.exec(text.slice(span.end));
  return { start: stop === -1 ? 0 : stop + 1, end: rest ? span.end + rest.index : text.length };
}

const near = (count: Count, value: number): boolean =>
  count.value === value || (count.approximate && Math.abs(count.value - value) <= Math.max(1, Math.round(value * 0.1)));

function checkReplies(draft: DraftAnalysis, facts: MonitoringFacts, tokens: readonly Token[], language: Language): RawFinding | null {
  const counts = replyCounts(draft, tokens, language);
  if (facts.replies === 0) {
    const said =
      counts.some((count) => count.value === 0) ||
      tokens.some(
        (token, index) => NONE[language].test(token.folded) && tokens.slice(index + 1, index + 4).some((next) => REPLY_WORDS[language].test(next.folded)),
      );
    if (said) return null;
  } else if (counts.some((count) => near(count, facts.replies))) return null;
  const parts = new Set([...Object.values(facts.byAccount), ...Object.values(facts.byMood)]);
  const wrong = counts.find((count) => !parts.has(count.value) && !near(count, facts.replies));
  if (wrong)
    return {
      ruleId: 'policy.report-fact-wrong',
      span: { start: wrong.start, end: wrong.end },
      message: { key: 'policy.report-fact-wrong.replies', params: { stated: wrong.text, actual: facts.replies } },
      severity: 'major',
    };
  return { ruleId: 'policy.report-fact-missing', message: { key: 'policy.report-fact-missing.replies', params: { actual: facts.replies } } };
}

function checkMoods(facts: MonitoringFacts, tokens: readonly Token[], language: Language): RawFinding | null {
  if (facts.replies === 0 || facts.dominantMoods.length === 0) return null;
  const named = REACTION_MOODS.filter((mood) => tokens.some((token) => MOOD_WORDS[mood][language].test(token.folded)));
  if (facts.dominantMoods.some((mood) => named.includes(mood))) return null;
  // The message names one mood of each side (the catalogue words it in the reader's language).
  const actual = facts.dominantMoods[0]!;
  if (named.length > 0)
    return {
      ruleId: 'policy.report-fact-wrong',
      message: { key: 'policy.report-fact-wrong.moods', params: { stated: named[0]!, actual } },
      severity: 'major',
    };
  return { ruleId: 'policy.report-fact-missing', message: { key: 'policy.report-fact-missing.moods', params: { actual } } };
}

/** The indices of the tokens that name an account: its handle, its platform (when no other account is on it), a word of its own name. */
function mentionsOf(text: string, context: GradingContext, accountId: string, tokens: readonly Token[]): number[] {
  const { accounts } = context.scenario;
  const account = accounts.find((candidate) => candidate.id === accountId);
  if (!account) return [];
  const handle = fold(account.handle.replace(/^@/, ''));
  const folded = fold(text);
  const platform = accounts.filter((other) => other.platform === account.platform).length === 1 ? PLATFORM_WORDS[account.platform] : undefined;
  const others = new Set(accounts.filter((other) => other.id !== account.id).flatMap((other) => allNames(other.name).flatMap((name) => nameWords(name))));
  const own = allNames(account.name)
    .flatMap((name) => nameWords(name))
    .filter((word) => !others.has(word));
  const found: number[] = [];
  tokens.forEach((token, index) => {
    const inHandle = handle.length > 0 && folded.slice(token.start, token.start + handle.length) === handle;
    // "генконсульства" names the Consulate General as surely as "консульство" does.
    if (inHandle || platform?.test(token.folded) || own.some((word) => token.folded.includes(word))) found.push(index);
  });
  return found;
}

function checkAccounts(draft: DraftAnalysis, context: GradingContext, facts: MonitoringFacts, tokens: readonly Token[], language: Language): RawFinding | null {
  if (facts.busiest.length === 0) return null;
  const ids = context.scenario.accounts.map((account) => account.id);
  const mentions = new Map(ids.map((id) => [id, mentionsOf(draft.text, context, id, tokens)]));
  // Where the report says which account is the busiest, the account named beside those words in
  // that sentence is the one it means; else any account named.
  const stated = new Set<string>();
  for (const match of draft.text.matchAll(/[^.!?\n]+/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    tokens.forEach((token, index) => {
      if (token.start < start || token.end > end || !BUSIEST[language].test(token.folded)) return;
      // The account named last before those words ("…all on X, which is the busiest"), else the first after
      // them ("The busiest is the Telegram channel").
      let nearest: { id: string; distance: number } | null = null;
      for (const [id, at] of mentions)
        for (const position of at) {
          const mention = tokens[position]!;
          if (mention.start < start || mention.end > end) continue;
          const distance = position < index ? index - position : 10_000 + position - index;
          if (!nearest || distance < nearest.distance) nearest = { id, distance };
        }
      if (nearest) stated.add(nearest.id);
    });
  }
  const named = (id: string) => (stated.size > 0 ? stated.has(id) : (mentions.get(id)?.length ?? 0) > 0);
  if (facts.busiest.some(named)) return null;
  const handle = (id: string) => context.scenario.accounts.find((account) => account.id === id)?.handle ?? id;
  const actual = facts.busiest.map(handle).join(', ');
  const others = context.scenario.accounts.filter((account) => !facts.busiest.includes(account.id) && named(account.id));
  if (others.length > 0)
    return {
      ruleId: 'policy.report-fact-wrong',
      message: { key: 'policy.report-fact-wrong.accounts', params: { stated: others.map((account) => account.handle).join(', '), actual } },
      severity: 'major',
    };
  return { ruleId: 'policy.report-fact-missing', message: { key: 'policy.report-fact-missing.accounts', params: { actual } } };
}

/** Stems of an item's words of five letters or more, for recognising its subject. */
const subjectWords = (text: string): string[] => [
  ...new Set(
    fold(text)
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length >= 5)
      .map((word) => word.slice(0, 5)),
  ),
];

function authorNamed(author: SharedItem['author'], tokens: readonly Token[], text: string): boolean {
  if (!author) return false;
  if (fold(text).includes(fold(author.handle.replace(/^@/, '')))) return true;
  const name = fold(author.name);
  return name.length > 0 && fold(text).includes(name)
    ? true
    : nameWords(author.name).length > 0 && nameWords(author.name).every((word) => tokens.some((token) => token.folded.startsWith(word)));
}

function checkMostShared(draft: DraftAnalysis, context: GradingContext, facts: MonitoringFacts, language: Language): RawFinding | null {
  const item = facts.mostShared;
  if (!item) return null;
  const actual = item.author ? item.author.name : item.text.slice(0, 60);
  const spoken = sentences(draft.text, draft.tokens)
    .map((sentence) => ({ tokens: draft.tokens.slice(sentence.first, sentence.last + 1), text: draft.text.slice(sentence.start, sentence.end) }))
    .filter((sentence) => sentence.tokens.some((token) => SHARE_WORDS[language].test(token.folded)));
  const subject = subjectWords(item.text);
  for (const sentence of spoken) {
    if (authorNamed(item.author, sentence.tokens, sentence.text)) return null;
    if (subject.filter((word) => sentence.tokens.some((token) => token.folded.startsWith(word))).length >= 3) return null;
  }
  // Another author named where sharing is spoken of: the wrong item.
  const personas = context.scenario.personas.filter((persona) => persona.id !== item.personaId);
  for (const sentence of spoken) {
    const other = personas.find((persona) =>
      authorNamed({ name: persona.name[context.playLanguage] ?? Object.values(persona.name)[0] ?? '', handle: persona.handle }, sentence.tokens, sentence.text),
    );
    if (other)
      return {
        ruleId: 'policy.report-fact-wrong',
        message: { key: 'policy.report-fact-wrong.most-shared', params: { stated: other.name[context.playLanguage] ?? other.handle, actual } },
        severity: 'major',
      };
  }
  return { ruleId: 'policy.report-fact-missing', message: { key: 'policy.report-fact-missing.most-shared', params: { actual } } };
}

/** The report's statements of fact, checked against what the simulation knew. */
export function reportFactFindings(draft: DraftAnalysis, context: GradingContext): RawFinding[] {
  const facts = context.monitoring;
  if (!facts || !draft.text.trim()) return [];
  const language = languageOf(draft);
  const tokens = wordTokens(draft);
  const findings: RawFinding[] = [];
  for (const ask of reportSpec(context.task).asks) {
    const finding =
      ask === 'replies'
        ? checkReplies(draft, facts, tokens, language)
        : ask === 'moods'
          ? checkMoods(facts, tokens, language)
          : ask === 'accounts'
            ? checkAccounts(draft, context, facts, tokens, language)
            : checkMostShared(draft, context, facts, language);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The context with the scenario's tone target set to formal: a note to the ministry is formal whatever the public hears. */
function formalContext(context: GradingContext): GradingContext {
  const { scenario } = context;
  if (scenario.policy.tone.target === 'formal') return context;
  return { ...context, scenario: { ...scenario, policy: { ...scenario.policy, tone: { ...scenario.policy.tone, target: 'formal' } } } };
}

const reportTone: RuleFamily = (draft, context) => {
  const findings = toneRules(draft, formalContext(context));
  if (!draft.text.trim()) return findings;
  for (const match of draft.text.matchAll(/!+/gu))
    findings.push({
      ruleId: 'tone.report-register',
      span: { start: match.index, end: match.index + match[0].length },
      message: { key: 'tone.report-register.exclamation' },
    });
  for (const match of draft.text.matchAll(PUBLIC_ADDRESS[languageOf(draft)]))
    findings.push({
      ruleId: 'tone.report-register',
      span: { start: match.index, end: match.index + match[0].length },
      message: { key: 'tone.report-register.public', params: { phrase: match[0] } },
    });
  for (const [pattern, key] of [
    [EDITORIAL, 'tone.report-register.editorial'],
    [ADVICE, 'tone.report-register.advice'],
  ] as const)
    for (const match of draft.text.matchAll(pattern[languageOf(draft)]))
      findings.push({
        ruleId: 'tone.report-register',
        span: { start: match.index, end: match.index + match[0].length },
        message: { key, params: { phrase: match[0] } },
      });
  return findings;
};

/**
 * A report's figures (counts, the time of the monitoring) are the monitoring's, not public claims to
 * verify against the fact sheet: the fact rules do not call them unverified, nor read a count or a
 * time as a wrong fact of the sheet. A phone, date or link of the sheet stated wrong is still wrong.
 */
const isFigureFinding = (finding: RawFinding, draft: DraftAnalysis): boolean =>
  finding.ruleId === 'policy.fact-unverified' ||
  (finding.ruleId === 'policy.fact-mismatch' &&
    /\.(?:number|time)$/.test(finding.message.key) &&
    finding.span !== undefined &&
    overlapsAny(finding.span, [...draft.facts.numbers, ...draft.facts.times]));

const reportPolicy: RuleFamily = (draft, context) => {
  const findings = policyRules(draft, context).filter((finding) => !isFigureFinding(finding, draft));
  return [...findings, ...reportFactFindings(draft, context)];
};

/** What the platform rules say of any draft and still say of a report: it is empty, or not in the language expected. */
const LANGUAGE_RULES = new Set(['platform.empty', 'platform.wrong-language', 'platform.language-unsupported']);

const reportPlatform: RuleFamily = (draft, context) => {
  const findings = platformRules(draft, context).filter((finding) => LANGUAGE_RULES.has(finding.ruleId));
  if (!draft.text.trim()) return findings;
  const { min, max } = reportSpec(context.task).words;
  const count = wordTokens(draft).length;
  if (count < min) findings.push({ ruleId: 'platform.report-length', message: { key: 'platform.report-length.short', params: { count, min } } });
  else if (count > max) findings.push({ ruleId: 'platform.report-length', message: { key: 'platform.report-length.long', params: { count, max } } });
  const markup = [
    ...draft.hashtags.map((entity) => ({ entity, kind: 'hashtag' })),
    ...draft.mentions.map((entity) => ({ entity, kind: 'mention' })),
    ...draft.urls.map((entity) => ({ entity, kind: 'link' })),
  ].sort((a, b) => a.entity.start - b.entity.start);
  for (const { entity, kind } of markup)
    findings.push({
      ruleId: 'platform.report-post-markup',
      span: { start: entity.start, end: entity.end },
      message: { key: `platform.report-post-markup.${kind}`, params: { stated: entity.text } },
    });
  return findings;
};

/** The rule families a report is graded by, in place of a post's. */
export const REPORT_FAMILIES: readonly RuleFamily[] = [reportTone, reportPolicy, reportPlatform];

/** The number of words of a text as a report's length rule counts them (for the composer's counter). */
export const reportWordCount = (text: string): number => tokenize(text, '').filter((token) => /[\p{L}\p{N}]/u.test(token.text)).length;

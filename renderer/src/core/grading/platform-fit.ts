// Runtime: any (pure core). Platform fit: length as each platform counts it (X through
// twitter-text's weighted length, fed in bounded pieces: see bounded-twitter-text.ts), hashtags, links, direct-message norms, threads, the feed's fold,
// and the audience's language.
import type { PlatformRules } from './platforms';
import type { DraftAnalysis, Entity, GradingContext, RawFinding, RuleFamily } from './analysis';
import { overlapsAny } from './analysis';
import { extractEntitiesBounded, weightedLengthBounded } from './bounded-twitter-text';
import { isGradedLanguage } from './text';
import type { PlatformMetrics } from './types';

/** Any explicit web address: authors use fictional domains that twitter-text does not link. */
const EXPLICIT_URL = /https?:\/\/[^\s<>"'«»“”]+[^\s<>"'«»“”.,;:!?)\]]/giu;
/** Stand-in that twitter-text counts as one link (23), as X counts every link. */
const LINK_STAND_IN = 'https://t.co/attache';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Hashtags, mentions and links with their spans (UTF-16 offsets). */
export function extractEntities(text: string): Pick<DraftAnalysis, 'hashtags' | 'mentions' | 'urls'> {
  const urls: Entity[] = [];
  for (const match of text.matchAll(EXPLICIT_URL)) urls.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  const hashtags: Entity[] = [];
  const mentions: Entity[] = [];
  for (const entity of extractEntitiesBounded(text)) {
    const [start, end] = entity.indices;
    const found = { text: text.slice(start, end), start, end };
    if ('url' in entity) {
      if (!overlapsAny(found, urls)) urls.push(found);
    } else if ('hashtag' in entity) {
      if (!overlapsAny(found, urls)) hashtags.push(found);
    } else if ('screenName' in entity) {
      if (!overlapsAny(found, urls)) mentions.push(found);
    }
  }
  urls.sort((a, b) => a.start - b.start);
  return { hashtags, mentions, urls };
}

function xWeightedLength(text: string): number {
  return weightedLengthBounded(text.replace(EXPLICIT_URL, LINK_STAND_IN));
}

/** Length of `text` as the platform counts it. */
export function platformLength(text: string, counting: PlatformRules['counting']): number {
  switch (counting) {
    case 'weighted':
      return xWeightedLength(text);
    case 'graphemes': {
      let n = 0;
      for (const _ of segmenter.segment(text)) n += 1;
      return n;
    }
    case 'utf16':
      return text.length;
    case 'characters':
      return [...text].length;
  }
}

/** Backs off a cut that would leave a high surrogate at the end: never split a surrogate pair. */
function wholeCodePoints(text: string, cut: number): number {
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}

/** The UTF-16 offset just past the first `limit` code points of `text` (its end when it has fewer). */
function afterCodePoints(text: string, limit: number): number {
  let offset = 0;
  for (let count = 1; offset < text.length && count <= limit; count += 1) offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  return offset;
}

/** The UTF-16 offset where `text` stops fitting `limit`: everything from here on is over. */
export function overflowStart(text: string, limit: number, counting: PlatformRules['counting']): number {
  // Code units and code points are counted by walking the text once; twitter-text's weights and
  // grapheme clusters depend on what follows, so for them each candidate prefix is counted.
  if (counting === 'utf16') return wholeCodePoints(text, Math.max(0, Math.min(Math.floor(limit), text.length)));
  if (counting === 'characters') return wholeCodePoints(text, afterCodePoints(text, limit));
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (platformLength(text.slice(0, mid), counting) <= limit) low = mid;
    else high = mid - 1;
  }
  return wholeCodePoints(text, low);
}

/** Where the feed folds `text` behind "See more" at `foldAt` characters; null when it all shows. */
export function foldStart(text: string, foldAt: number): number | null {
  const cut = afterCodePoints(text, foldAt);
  return cut < text.length ? wholeCodePoints(text, cut) : null;
}

/** A thread's parts: paragraphs separated by blank lines. */
export function threadParts(text: string): Entity[] {
  const parts: Entity[] = [];
  const separator = /\n[ \t]*\n+/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    parts.push({ text: text.slice(start, match.index), start, end: match.index });
    start = match.index + match[0].length;
  }
  parts.push({ text: text.slice(start), start, end: text.length });
  return parts.filter((part) => part.text.trim().length > 0);
}

export const isMessageKind = (kind: string) => kind === 'direct-message' || kind === 'mass-notification';

/**
 * The draft as its platform counts it, and for a thread each part with its length: counted once
 * per draft, for the platform rules and the Grade's metrics alike.
 */
export function measure(
  draft: Pick<DraftAnalysis, 'text' | 'hashtags' | 'mentions' | 'urls'>,
  context: GradingContext,
): Pick<DraftAnalysis, 'metrics' | 'parts'> {
  const { platform } = context;
  const metrics: PlatformMetrics = {
    platform: context.account.platform,
    length: platformLength(draft.text, platform.counting),
    limit: isMessageKind(context.task.kind) ? platform.messageMaxLength : platform.maxLength,
    counting: platform.counting,
    hashtags: draft.hashtags.length,
    links: draft.urls.length,
    mentions: draft.mentions.length,
  };
  if (context.task.kind !== 'thread') return { metrics, parts: [] };
  const parts = threadParts(draft.text).map((part) => ({ ...part, length: platformLength(part.text, platform.counting) }));
  metrics.parts = parts.map((part) => part.length);
  return { metrics, parts };
}

/** Folds at least this far in hold a whole opening paragraph. */
const LONG_FOLD = 200;

/**
 * Platforms where a post is a video published with a title, and the longest title they take
 * (YouTube: 100 characters). Their post's first line is read as the title.
 */
const TITLE_LIMITS: Readonly<Partial<Record<string, number>>> = { youtube: 100 };

export const platformRules: RuleFamily = (draft, context) => {
  const findings: RawFinding[] = [];
  const { platform, task } = context;
  const text = draft.text;
  if (!text.trim()) return [{ ruleId: 'platform.empty', message: { key: 'platform.empty' } }];

  if (task.kind === 'thread') {
    draft.parts.forEach((part, index) => {
      const { length } = part;
      if (length > platform.maxLength) {
        findings.push({
          ruleId: 'platform.thread-part-too-long',
          span: { start: part.start + overflowStart(part.text, platform.maxLength, platform.counting), end: part.end },
          message: { key: 'platform.thread-part-too-long', params: { part: index + 1, length, limit: platform.maxLength } },
          suggestion: { message: { key: 'platform.thread-part-too-long.suggestion' } },
        });
      }
    });
  } else {
    const limit = isMessageKind(task.kind) ? platform.messageMaxLength : platform.maxLength;
    const { length } = draft.metrics;
    if (length > limit) {
      const parts = Math.ceil(length / (limit - 8));
      findings.push({
        ruleId: 'platform.too-long',
        span: { start: overflowStart(text, limit, platform.counting), end: text.length },
        message: { key: 'platform.too-long', params: { length, limit, over: length - limit } },
        suggestion: {
          message:
            limit <= 500 && task.kind === 'post'
              ? { key: 'platform.too-long.thread', params: { parts } }
              : { key: 'platform.too-long.shorten', params: { count: length - limit } },
        },
      });
    }
  }

  const replyLimit = platform.replyMaxLength;
  if (task.kind === 'reply' && replyLimit !== undefined && draft.metrics.length > replyLimit && draft.metrics.length <= draft.metrics.limit) {
    // Fits the platform, yet no comment thread reads it: one finding, over the part past the norm.
    findings.push({
      ruleId: 'platform.reply-too-long',
      span: { start: overflowStart(text, replyLimit, platform.counting), end: text.length },
      message: { key: 'platform.reply-too-long', params: { length: draft.metrics.length, limit: replyLimit } },
      suggestion: { message: { key: 'platform.reply-too-long.suggestion' } },
    });
  }

  const isMessage = isMessageKind(task.kind);
  if (isMessage) {
    for (const hashtag of draft.hashtags) {
      findings.push({
        ruleId: 'platform.hashtag-in-message',
        span: { start: hashtag.start, end: hashtag.end },
        message: { key: 'platform.hashtag-in-message', params: { hashtag: hashtag.text } },
      });
    }
  } else {
    // A pile of hashtags is one mistake: one finding over the ones past the norm.
    const extra = draft.hashtags.slice(platform.maxHashtags);
    if (extra.length) {
      findings.push({
        ruleId: 'platform.too-many-hashtags',
        span: { start: extra[0]!.start, end: extra.at(-1)!.end },
        message: { key: 'platform.too-many-hashtags', params: { count: draft.hashtags.length, max: platform.maxHashtags, platform: context.account.platform } },
      });
    }
  }
  const maxLinks = task.kind === 'thread' ? platform.maxLinks * Math.max(1, draft.parts.length) : platform.maxLinks;
  draft.urls.slice(maxLinks).forEach((url) => {
    findings.push({
      ruleId: 'platform.too-many-links',
      span: { start: url.start, end: url.end },
      message: { key: 'platform.too-many-links', params: { count: draft.urls.length, max: maxLinks, platform: context.account.platform } },
    });
  });

  if (platform.foldAt !== undefined && !isMessage) {
    const fold = foldStart(text, platform.foldAt);
    if (fold !== null) {
      // Practical facts (phones, links, dates, times) all hidden behind "See more": most readers never see them.
      const { phones, urls, dates, times } = draft.facts;
      const essentials = [...phones, ...urls, ...dates, ...times];
      // A short fold (Instagram's 125, Weibo's 140) cuts nearly every caption and readers expect to
      // tap; a long one (Facebook's 477) hides only what a long preamble pushes down.
      // An opening with figures or a link of its own (a list of questions and answers) is no preamble.
      const opening = text.slice(0, fold);
      const preamble = !/\p{N}/u.test(opening) && !draft.urls.some((url) => url.start < fold);
      if (platform.foldAt >= LONG_FOLD && preamble && essentials.length >= 2 && essentials.every((fact) => fact.start >= fold)) {
        findings.push({
          ruleId: 'platform.essentials-below-fold',
          span: { start: fold, end: text.length },
          message: { key: 'platform.essentials-below-fold', params: { fold: platform.foldAt } },
          suggestion: { message: { key: 'platform.essentials-below-fold.suggestion' } },
        });
      } else {
        findings.push({
          ruleId: 'platform.below-fold',
          span: { start: fold, end: text.length },
          message: { key: 'platform.below-fold', params: { fold: platform.foldAt } },
        });
      }
    }
  }

  const titleLimit = TITLE_LIMITS[context.account.platform];
  if (titleLimit !== undefined && task.kind === 'post') {
    // A video is published with a title: the first line, set apart from the description by a line
    // break. A first line longer than any title can be means none was written.
    const lineEnd = text.indexOf('\n');
    const firstLine = (lineEnd === -1 ? text : text.slice(0, lineEnd)).trim();
    const length = [...firstLine].length;
    if (lineEnd === -1 || length > titleLimit) {
      findings.push({
        ruleId: 'platform.title-missing',
        span: { start: 0, end: lineEnd === -1 ? text.length : lineEnd },
        message: { key: lineEnd === -1 ? 'platform.title-missing' : 'platform.title-missing.long', params: { limit: titleLimit, length } },
        suggestion: { message: { key: 'platform.title-missing.suggestion', params: { limit: titleLimit } } },
      });
    }
  }

  const expected = context.expectedLanguage;
  if (draft.detectedLanguage && draft.detectedLanguage !== expected) {
    findings.push({
      ruleId: 'platform.wrong-language',
      message: { key: 'platform.wrong-language', params: { expected: expected, detected: draft.detectedLanguage } },
      suggestion: { message: { key: 'platform.wrong-language.suggestion', params: { expected: expected } } },
    });
  }
  const gradedIn = draft.detectedLanguage ?? expected;
  if (!isGradedLanguage(gradedIn)) {
    findings.push({ ruleId: 'platform.language-unsupported', message: { key: 'platform.language-unsupported', params: { language: gradedIn } } });
  }
  return findings;
};

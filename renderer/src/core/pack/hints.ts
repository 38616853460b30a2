// Runtime: any (pure core). "Did you mean" for a misspelt id, field or value, at a bounded cost: a
// name is compared with at most DiagnosticLimits.hintCandidates known names (its neighbours in
// sorted order when there are more), and at most DiagnosticLimits.hints hints are computed for a
// whole pack; later problems get a plain hint. Known names are sorted once per set, not per problem.
import { closest, distance } from 'fastest-levenshtein';
import type { DiagnosticLimits } from './limits';
import { DIAGNOSTIC_LIMITS } from './limits';
import type { Said } from './message';
import { list, quote, say } from './message';

/** Known names, sorted once, for hints and lookups. */
export class KnownNames {
  readonly sorted: readonly string[];
  private readonly names: ReadonlySet<string>;

  constructor(names: Iterable<string>) {
    this.names = new Set(names);
    this.sorted = [...this.names].sort();
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  get size(): number {
    return this.sorted.length;
  }

  /** At most `max` names around where `value` would sort: the names sharing most of its beginning. */
  neighbours(value: string, max: number): readonly string[] {
    if (this.sorted.length <= max) return this.sorted;
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    const start = Math.max(0, Math.min(low - Math.floor(max / 2), this.sorted.length - max));
    return this.sorted.slice(start, start + max);
  }
}

/**
 * Names people use for a value the format calls otherwise: a platform's old name or short form, a
 * common synonym of a kind, tone or level. Edit distance cannot find these ("twitter" is nowhere
 * near "x"); a synonym is offered only when its value is one the field takes.
 */
export const SYNONYMS: Readonly<Record<string, string>> = Object.freeze({
  // platforms
  twitter: 'x',
  'x.com': 'x',
  'twitter.com': 'x',
  fb: 'facebook',
  meta: 'facebook',
  'facebook.com': 'facebook',
  vkontakte: 'vk',
  'v-kontakte': 'vk',
  'vk.com': 'vk',
  вконтакте: 'vk',
  вк: 'vk',
  tg: 'telegram',
  'telegram.org': 'telegram',
  't.me': 'telegram',
  ig: 'instagram',
  insta: 'instagram',
  'instagram.com': 'instagram',
  yt: 'youtube',
  'you-tube': 'youtube',
  'youtube.com': 'youtube',
  'sina-weibo': 'weibo',
  sina: 'weibo',
  sinaweibo: 'weibo',
  微博: 'weibo',
  bsky: 'bluesky',
  'bsky.app': 'bluesky',
  'blue-sky': 'bluesky',
  masto: 'mastodon',
  fediverse: 'mastodon',
  'linked-in': 'linkedin',
  li: 'linkedin',
  'threads.net': 'threads',
  // inject types and task kinds
  tweet: 'post',
  status: 'post',
  comment: 'reply',
  answer: 'reply',
  dm: 'direct-message',
  pm: 'direct-message',
  'private-message': 'direct-message',
  message: 'direct-message',
  article: 'news',
  'news-article': 'news',
  trending: 'trend',
  hashtag: 'trend',
  hq: 'hq-request',
  headquarters: 'hq-request',
  'sms-blast': 'mass-notification',
  sms: 'mass-notification',
  notification: 'mass-notification',
  alert: 'mass-notification',
  // scenario kinds, tones, moods, outcomes, severities, levels
  emergency: 'crisis',
  incident: 'crisis',
  campaign: 'outreach',
  promotion: 'outreach',
  empathic: 'empathetic',
  sympathetic: 'empathetic',
  calm: 'calm-firm',
  firm: 'calm-firm',
  friendly: 'warm',
  official: 'formal',
  positive: 'supportive',
  thankful: 'grateful',
  negative: 'critical',
  angry: 'hostile',
  aggressive: 'hostile',
  pass: 'passed',
  success: 'passed',
  fail: 'failed',
  failure: 'failed',
  timeout: 'missed',
  late: 'missed',
  low: 'minor',
  medium: 'major',
  high: 'major',
  severe: 'critical',
  blocker: 'critical',
  warn: 'warning',
  info: 'suggestion',
  hint: 'suggestion',
  disabled: 'off',
  none: 'off',
});

/** How close a misspelling may be to count as one: two edits, or a third of the word. */
function isNear(word: string, candidate: string): boolean {
  return distance(word, candidate) <= Math.max(2, Math.floor(word.length / 3));
}

/** Shares the hint budget of one load among everything that words a problem. */
export class Hints {
  private readonly limits: Pick<DiagnosticLimits, 'hints' | 'hintCandidates'>;
  private spent = 0;

  constructor(limits: Partial<Pick<DiagnosticLimits, 'hints' | 'hintCandidates'>> = {}) {
    this.limits = { hints: limits.hints ?? DIAGNOSTIC_LIMITS.hints, hintCandidates: limits.hintCandidates ?? DIAGNOSTIC_LIMITS.hintCandidates };
  }

  /** Hints computed so far. */
  get computed(): number {
    return this.spent;
  }

  private take(): boolean {
    if (this.spent >= this.limits.hints) return false;
    this.spent += 1;
    return true;
  }

  /** The known name `word` was probably meant to be; undefined when none is near or the budget is spent. */
  nearest(word: string, known: KnownNames): string | undefined {
    if (!known.size || typeof word !== 'string') return undefined;
    // A known name in other letters ("X", "Facebook") or a synonym ("twitter") costs no search.
    const lower = word.trim().toLowerCase();
    if (lower !== word && known.has(lower)) return lower;
    const synonym = Object.hasOwn(SYNONYMS, lower) ? SYNONYMS[lower] : undefined;
    if (synonym !== undefined && known.has(synonym)) return synonym;
    if (!this.take()) return undefined;
    const candidates = known.neighbours(word, this.limits.hintCandidates);
    const best = closest(word.slice(0, 200), candidates as string[]);
    return isNear(word, best) ? best : undefined;
  }

  /**
   * The hint for a reference to an id that does not exist: the id probably meant, else some of
   * the known ones; `what` names the kind ("persona") for when nothing can be said.
   */
  forReference(word: string, known: KnownNames, what: Said): Said {
    if (!known.size) return say`no ${what} is defined yet`;
    if (this.spent >= this.limits.hints) return say`use the id of a ${what} defined in the pack`;
    const near = this.nearest(word, known);
    if (near) return say`did you mean ${quote(near)}?`;
    return say`known: ${list(known.neighbours(word, 5), { maxItems: 5, maxChars: 80 })}`;
  }

  /** The hint for a name outside a fixed set: the nearest, or the set itself (bounded). */
  forChoice(word: unknown, options: readonly string[]): Said {
    const near = typeof word === 'string' ? this.nearest(word, new KnownNames(options.slice(0, this.limits.hintCandidates))) : undefined;
    return near ? say`did you mean ${quote(near)}?` : say`write one of: ${list(options, { maxItems: 12, maxChars: 100 })}`;
  }
}

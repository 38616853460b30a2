// Runtime: any (pure core). The simulated audience: how many people a published item reaches, how
// they like and share it over the next two hours, and who replies in what mood. The aim is a feed
// that feels like the platform and answers the quality of the draft — not a model of real traffic.
//
// The model, in order:
// - Reach. Organic reach is a platform's share of the account's followers who see an item (a Telegram
//   channel post is viewed by a third of its subscribers, an X post by a few per cent), times the
//   quality of the draft — the mean of the three axis scores, squared, so a weak draft travels much
//   less than a strong one and a draft in the wrong language hardly at all — times the kind (a
//   thread travels a little further than a post, a reply much less far), with ±15 % seeded noise.
//   A direct message and a mass notification are delivered, not discovered: their reach is the
//   number of recipients, at once, and nobody can like or share them.
// - Engagement. Likes are a platform's rate per view that grows with quality; shares are a
//   platform's fraction of likes, also growing with quality; both carry their own noise.
// - Time. Everything grows along a saturating curve, 1 − e^(−t/τ) normalised to two hours, with a
//   platform's τ (X is fast, YouTube slow): most of it arrives in the first 30–60 minutes. The plan
//   holds totals at 1, 3, 7, 15, 30, 60 and 120 minutes, clipped to the horizon.
// - Replies. Their number grows with the logarithm of reach (a weak draft draws more replies per
//   view: people argue), up to 8; a direct message gets one answer from its recipient. Each reply's
//   mood is drawn from a mix set by the grade: a good draft is met mostly with support and thanks,
//   poor tone with criticism and hostility, poor policy (wrong or missing facts) with confusion and
//   criticism, the wrong language with confusion. The text comes from the scenario's pool for that
//   mood — the nearest mood with a fitting reply when that pool has none. The mood only chooses the
//   words: the feed shows no label for it (the debrief counts the moods).
// - The story. A reply may be tied to a moment: to an inject (said only once it has arrived), to a
//   task (said only under the publication made for it) or to a window of time. A reply drawn for a
//   minute takes only entries that fit that minute and that item, the most closely tied first, so
//   a thank-you for help asked at 1:35 never arrives at 0:14. No entry is used twice in an attempt
//   and no line is said twice: when nothing fitting is left, there are fewer replies.
// - Who. A reply comes from the pack's persona its entry names, from the recipient of a direct
//   message, or else from a plausible member of the public generated from the seed (crowd.ts).
//
// Every random draw comes from streams seeded by deriveSeed(seed, itemId, …), so the plan for one
// item depends only on its input (which names the replies already heard), not on the order of draws.
import type { Account, Localized, Scenario, TaskKind } from '../pack/schema';
import { REACTION_MOODS, offsetMinutes } from '../pack/schema';
import { platformDescriptor } from '../platforms/descriptors';
import { crowdAuthor } from './crowd';
import { createRandom, deriveSeed } from './random';
import type { Random } from './random';

export type Mood = (typeof REACTION_MOODS)[number];

export interface ReactionGrade {
  /** Axis scores, 0–100. */
  tone: number;
  policy: number;
  platform: number;
  passed: boolean;
  /** The draft is not in the language the account's audience reads. */
  wrongLanguage: boolean;
}

export interface ReactionInput {
  /** The attempt's seed. */
  seed: number;
  scenario: Scenario;
  accountId: string;
  itemId: string;
  kind: TaskKind;
  /** Simulated minute of publication. */
  publishedAt: number;
  grade: ReactionGrade;
  /** The language the scenario is played in: replies are in it, unless the account's audience reads another. */
  playLanguage: string;
  /** How many simulated minutes after publication the plan covers. */
  horizonMinutes: number;
  /** For a direct message: the persona it was sent to, who is the one to answer. */
  recipientId?: string;
  /** The task the item was published for, if any: replies tied to that task may answer it. */
  taskId?: string | null;
  /**
   * The minute each inject arrived, or will arrive where that is already known (scheduled ones):
   * a reply tied to an inject is said only after it.
   */
  arrivals?: Readonly<Record<string, number>>;
  /** The replies earlier items drew: their entries are not used again, nor their words said again. */
  heard?: ReadonlyArray<Pick<AudienceReply, 'entry' | 'text'>>;
}

/** Someone who is not one of the pack's personas: a name and a handle as the platform shows them. */
export interface ReplyAuthor {
  name: string;
  /** Without the leading @. */
  handle: string;
}

export interface AudienceReply {
  id: string;
  /** Which entry of the scenario's pools it is: `mood/index`. */
  entry: string;
  personaId?: string;
  /** Set when no persona answers. */
  author?: ReplyAuthor;
  mood: Mood;
  text: string;
}

export interface ReactionEvent {
  /** Absolute simulated minute. */
  at: number;
  /** Totals at that minute. */
  likes: number;
  shares: number;
  reach: number;
  reply?: AudienceReply;
}

export interface ReactionPlan {
  itemId: string;
  /** Reach at the end of the plan. */
  reach: number;
  /** In order of `at`; totals never decrease. */
  events: ReactionEvent[];
}

export interface ReactionTotals {
  likes: number;
  shares: number;
  reach: number;
  replies: number;
}

/** Minutes after publication at which the plan records totals. */
const STEPS = [1, 3, 7, 15, 30, 60, 120] as const;
/** The window over which the growth curve reaches its full value. */
const WINDOW = 120;
const NOISE = 0.15;
const MAX_REPLIES = 8;

/** How far each kind travels compared with an ordinary post. */
const KIND_REACH: Record<'post' | 'reply' | 'thread', number> = { post: 1, thread: 1.15, reply: 0.35 };

/** Where to look when a mood's pool is empty: the moods nearest in spirit first. */
const MOOD_FALLBACK: Record<Mood, readonly Mood[]> = {
  supportive: ['grateful', 'confused', 'critical', 'hostile'],
  grateful: ['supportive', 'confused', 'critical', 'hostile'],
  confused: ['critical', 'grateful', 'supportive', 'hostile'],
  critical: ['hostile', 'confused', 'grateful', 'supportive'],
  hostile: ['critical', 'confused', 'grateful', 'supportive'],
};

const isPrivate = (kind: TaskKind): boolean => kind === 'direct-message' || kind === 'mass-notification';
const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
const noise = (random: Random): number => 1 + (random.next() * 2 - 1) * NOISE;

/** The draft's overall quality in [0, 1]: what the audience feels, before it is squared into reach. */
function quality(grade: ReactionGrade): number {
  const mean = clamp01((grade.tone + grade.policy + grade.platform) / 300);
  // An audience that cannot read the draft cannot appreciate it.
  return grade.wrongLanguage ? mean * 0.5 : mean;
}

/** The fraction of the final totals reached `elapsed` minutes after publication. */
function growth(elapsed: number, tau: number): number {
  if (elapsed <= 0) return 0;
  if (elapsed >= WINDOW) return 1;
  return (1 - Math.exp(-elapsed / tau)) / (1 - Math.exp(-WINDOW / tau));
}

/** The inverse of `growth`: the minute by which a fraction `share` has arrived. */
function minuteOf(share: number, tau: number): number {
  return -tau * Math.log(1 - share * (1 - Math.exp(-WINDOW / tau)));
}

/** Relative weight of each mood in the replies to a draft with this grade. */
export function moodWeights(grade: ReactionGrade, scenario: Pick<Scenario, 'kind' | 'policy'>): Record<Mood, number> {
  const tone = clamp01(grade.tone / 100);
  const policy = clamp01(grade.policy / 100);
  const platform = clamp01(grade.platform / 100);
  const goodwill = tone * policy;
  // In a crisis people are anxious: more questions and more anger at the same draft. An audience
  // that expects warmth or empathy takes a cold or rude tone harder.
  const crisis = scenario.kind === 'crisis' ? 0.3 : 0;
  const toneSensitivity = scenario.policy.tone.target === 'empathetic' || scenario.policy.tone.target === 'warm' ? 1.5 : 1;
  return {
    supportive: 3 * goodwill * (grade.passed ? 1.3 : 1),
    grateful: 2 * goodwill * platform,
    confused: 0.3 + crisis + 2 * (1 - policy) + 0.5 * (1 - platform) + (grade.wrongLanguage ? 4 : 0),
    critical: 0.3 + crisis + 1.5 * (1 - tone) * toneSensitivity + 1.5 * (1 - policy),
    hostile: 0.1 + crisis / 2 + 3 * (1 - tone) ** 2 * toneSensitivity,
  };
}

function weightedMood(weights: Record<Mood, number>, random: Random): Mood {
  const total = REACTION_MOODS.reduce((sum, mood) => sum + weights[mood], 0);
  let threshold = random.next() * total;
  for (const mood of REACTION_MOODS) {
    threshold -= weights[mood];
    if (threshold < 0) return mood;
  }
  return REACTION_MOODS[REACTION_MOODS.length - 1] as Mood;
}

interface PoolEntry {
  mood: Mood;
  index: number;
  persona?: string;
  text: string;
  /** The language of `text`: a generated author is named in it. */
  language: string;
  inject?: string;
  task?: string;
  from?: number;
  until?: number;
}

function textIn(text: Localized, languages: readonly (string | undefined)[]): { text: string; language: string } | undefined {
  for (const language of languages) {
    if (language && text[language]) return { text: text[language], language };
  }
  const found = Object.entries(text).find(([, value]) => value.length > 0);
  return found && { text: found[1], language: found[0] };
}

/** Words compared as a reader would: case, spacing and line breaks aside. */
const wordsOf = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** How closely an entry is tied to the story: a reply written for this very moment is said before a general one. */
const closeness = (entry: PoolEntry): number =>
  (entry.task !== undefined ? 4 : 0) + (entry.inject !== undefined ? 2 : 0) + (entry.from !== undefined || entry.until !== undefined ? 1 : 0);

/** The scenario's replies per mood, with their text in the play language. */
function replyPools(scenario: Scenario, account: Account, playLanguage: string, recipientId: string | undefined): Map<Mood, PoolEntry[]> {
  const pools = new Map<Mood, PoolEntry[]>();
  for (const mood of REACTION_MOODS) {
    const entries: PoolEntry[] = [];
    for (const [index, reply] of (scenario.audience.replies[mood] ?? []).entries()) {
      // An account with an audience of its own language is answered in that language, as it would be.
      const text = textIn(reply.text, [account.audienceLanguage, playLanguage, scenario.languages?.[0]]);
      if (text === undefined) continue;
      entries.push({
        mood,
        index,
        persona: reply.persona,
        ...text,
        inject: reply.inject,
        task: reply.task,
        from: reply.from === undefined ? undefined : offsetMinutes(reply.from),
        until: reply.until === undefined ? undefined : offsetMinutes(reply.until),
      });
    }
    // A direct message is answered by its recipient: lines written for someone else would not fit.
    const fitting = recipientId ? entries.filter((entry) => !entry.persona || entry.persona === recipientId) : entries;
    pools.set(mood, fitting.length > 0 ? fitting : entries);
  }
  return pools;
}

const entryKey = (entry: PoolEntry): string => `${entry.mood}/${entry.index}`;

function replyCount(kind: TaskKind, reach: number, quality: number, random: Random): number {
  if (kind === 'direct-message') return 1;
  // A notification lands in many inboxes but few people write back to one.
  const audience = kind === 'mass-notification' ? reach / 4 : reach;
  const expected = Math.log2(1 + audience / 150) * (1 + 0.5 * (1 - quality));
  return Math.min(MAX_REPLIES, Math.floor(expected + random.next()));
}

function drawReplies(input: ReactionInput, account: Account, reach: number, itemQuality: number, tau: number): { minute: number; reply: AudienceReply }[] {
  const recipientId = input.kind === 'direct-message' ? input.recipientId : undefined;
  const pools = replyPools(input.scenario, account, input.playLanguage, recipientId);
  const available = REACTION_MOODS.reduce((sum, mood) => sum + (pools.get(mood)?.length ?? 0), 0);
  if (available === 0 || input.horizonMinutes <= 0) return [];

  const random = createRandom(deriveSeed(input.seed, input.itemId, 'replies'));
  const count = Math.min(replyCount(input.kind, reach, itemQuality, random), available);
  const weights = moodWeights(input.grade, input.scenario);
  const used = new Set((input.heard ?? []).map((reply) => reply.entry));
  const said = new Set((input.heard ?? []).map((reply) => wordsOf(reply.text)));
  const arrivals = input.arrivals ?? {};
  const taskId = input.taskId ?? null;
  const drawn: { minute: number; entry: PoolEntry }[] = [];
  for (let index = 0; index < count; index++) {
    // Replies arrive as views do: drawn along the same curve, at whole minutes within the horizon.
    const minute = Math.min(input.horizonMinutes, Math.max(1, Math.ceil(minuteOf(random.next(), tau))));
    const at = input.publishedAt + minute;
    const fits = (entry: PoolEntry): boolean =>
      !used.has(entryKey(entry)) &&
      !said.has(wordsOf(entry.text)) &&
      (entry.task === undefined || entry.task === taskId) &&
      (entry.inject === undefined || (arrivals[entry.inject] !== undefined && arrivals[entry.inject]! <= at)) &&
      (entry.from === undefined || entry.from <= at) &&
      (entry.until === undefined || at <= entry.until);
    const fitting = (mood: Mood) => (pools.get(mood) ?? []).filter(fits);
    const wanted = weightedMood(weights, random);
    const order = [wanted, ...MOOD_FALLBACK[wanted]];
    // The recipient of a direct message answers in words written for them when the pack has some in
    // the mood drawn or the one nearest to it (thanks for support), before words written for anyone.
    const own =
      recipientId === undefined ? undefined : order.slice(0, 2).find((candidate) => fitting(candidate).some((entry) => entry.persona === recipientId));
    const mood = own ?? order.find((candidate) => fitting(candidate).length > 0);
    // Nothing left that fits this moment: one reply fewer rather than a line out of place or heard before.
    if (!mood) continue;
    const candidates = fitting(mood);
    // The recipient of a direct message answers in their own words first, when the pack wrote them some.
    const rank = (entry: PoolEntry) => closeness(entry) + (recipientId !== undefined && entry.persona === recipientId ? 8 : 0);
    const closest = Math.max(...candidates.map(rank));
    const entry = random.pick(candidates.filter((candidate) => rank(candidate) === closest));
    used.add(entryKey(entry));
    said.add(wordsOf(entry.text));
    drawn.push({ minute, entry });
  }

  drawn.sort((left, right) => left.minute - right.minute);
  return drawn.map(({ minute, entry }, index) => {
    const id = `${input.itemId}-reply-${index + 1}`;
    // The recipient of a direct message answers it; elsewhere the entry's persona, or someone from the crowd.
    const personaId = recipientId ?? entry.persona;
    return {
      minute,
      reply: {
        id,
        entry: entryKey(entry),
        ...(personaId ? { personaId } : { author: crowdAuthor(input.seed, id, entry.language) }),
        mood: entry.mood,
        text: entry.text,
      },
    };
  });
}

/** What the audience will do with one published item, from publication to the horizon. */
export function simulateReaction(input: ReactionInput): ReactionPlan {
  const { scenario, kind, grade, publishedAt, horizonMinutes } = input;
  if (!Number.isFinite(publishedAt) || !Number.isFinite(horizonMinutes) || horizonMinutes < 0) {
    throw new RangeError(`a reaction needs a finite publication minute and horizon >= 0, got ${publishedAt} and ${horizonMinutes}`);
  }
  const account = scenario.accounts.find((candidate) => candidate.id === input.accountId);
  if (!account) throw new RangeError(`scenario ${scenario.id} has no account ${input.accountId}`);

  // A platform's rates of reach, likes and shares, and its pace, are part of its descriptor.
  const profile = platformDescriptor(account.platform).audience;
  const itemQuality = quality(grade);
  const random = createRandom(deriveSeed(input.seed, input.itemId, 'reach'));

  let fullReach: number;
  let fullLikes = 0;
  let fullShares = 0;
  if (isPrivate(kind)) {
    // Delivered at once to every recipient; the curve does not apply.
    fullReach = kind === 'direct-message' ? 1 : account.audience.followers;
  } else {
    const kindFactor = KIND_REACH[kind as keyof typeof KIND_REACH];
    fullReach = account.audience.followers * profile.organicReach * (0.2 + itemQuality ** 2) * kindFactor * noise(random);
    fullLikes = fullReach * profile.likeRate * (0.15 + 1.35 * itemQuality ** 2) * noise(random);
    fullShares = fullLikes * profile.shareRatio * (0.4 + 0.8 * itemQuality) * noise(random);
  }

  const totalsAfter = (elapsed: number): Omit<ReactionEvent, 'at' | 'reply'> => {
    if (isPrivate(kind)) return { likes: 0, shares: 0, reach: elapsed > 0 ? fullReach : 0 };
    const share = growth(elapsed, profile.tau);
    return { likes: Math.round(fullLikes * share), shares: Math.round(fullShares * share), reach: Math.round(fullReach * share) };
  };

  const steps: number[] = STEPS.filter((step) => step <= horizonMinutes);
  // A horizon between two steps still ends on a total for the horizon itself.
  if (horizonMinutes > 0 && horizonMinutes < WINDOW && steps[steps.length - 1] !== horizonMinutes) steps.push(horizonMinutes);

  const finalReach = totalsAfter(horizonMinutes).reach;
  const replies = drawReplies(input, account, isPrivate(kind) ? fullReach : finalReach, itemQuality, profile.tau);

  const events: ReactionEvent[] = [
    ...steps.map((step) => ({ at: publishedAt + step, ...totalsAfter(step) })),
    ...replies.map(({ minute, reply }) => ({ at: publishedAt + minute, ...totalsAfter(minute), reply })),
  ];
  // Stable: at the same minute, the totals come before the replies, and replies keep their order.
  events.sort((left, right) => left.at - right.at);

  return { itemId: input.itemId, reach: finalReach, events };
}

/** The totals a feed shows for the item at a simulated minute. */
export function summarizeAt(plan: ReactionPlan, minute: number): ReactionTotals {
  const totals: ReactionTotals = { likes: 0, shares: 0, reach: 0, replies: 0 };
  for (const event of plan.events) {
    if (event.at > minute) break;
    totals.likes = event.likes;
    totals.shares = event.shares;
    totals.reach = event.reach;
    if (event.reply) totals.replies += 1;
  }
  return totals;
}

// Runtime: Node (tests). The simulated audience on the built-in library's scenarios.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { REACTION_MOODS } from '../pack/schema';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { simulateReaction, summarizeAt } from './audience';
import type { Mood, ReactionGrade, ReactionInput, ReactionPlan } from './audience';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack;
if (!pack) throw new Error('the core library does not load');
const scenarioById = (id: string): Scenario => {
  const found = pack.scenarios.find((scenario) => scenario.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};
const tiedCriticism = scenarioById('answering-criticism');
// The mix of moods, reach and counts are measured on the scenario's lines freed of their ties (every
// line fits every moment); the ties have tests of their own below.
const criticism: Scenario = {
  ...tiedCriticism,
  audience: {
    replies: Object.fromEntries(
      Object.entries(tiedCriticism.audience.replies).map(([mood, replies]) => [
        mood,
        (replies ?? []).map(({ persona, text }) => (persona === undefined ? { text } : { persona, text })),
      ]),
    ),
  },
};
const xAccount = criticism.accounts.find((account) => account.platform === 'x');
if (!xAccount) throw new Error('answering-criticism has no X account');

const GOOD: ReactionGrade = { tone: 92, policy: 90, platform: 88, passed: true, wrongLanguage: false };
const POOR: ReactionGrade = { tone: 35, policy: 40, platform: 45, passed: false, wrongLanguage: false };
const POOR_TONE: ReactionGrade = { tone: 20, policy: 85, platform: 80, passed: false, wrongLanguage: false };
const POOR_POLICY: ReactionGrade = { tone: 85, policy: 25, platform: 80, passed: false, wrongLanguage: false };
const WRONG_LANGUAGE: ReactionGrade = { tone: 80, policy: 80, platform: 80, passed: false, wrongLanguage: true };

const input = (overrides: Partial<ReactionInput> = {}): ReactionInput => ({
  seed: 1234,
  scenario: criticism,
  accountId: xAccount.id,
  itemId: 'pub-1',
  kind: 'post',
  publishedAt: 20,
  grade: GOOD,
  playLanguage: 'en',
  horizonMinutes: 120,
  ...overrides,
});

const SEEDS = Array.from({ length: 50 }, (_, index) => index + 1);
const replies = (plan: ReactionPlan) => plan.events.flatMap((event) => (event.reply ? [event.reply] : []));
const final = (plan: ReactionPlan) => summarizeAt(plan, Number.POSITIVE_INFINITY);
const moodsOver = (overrides: Partial<ReactionInput>): Record<Mood, number> => {
  const counts: Record<Mood, number> = { supportive: 0, grateful: 0, confused: 0, critical: 0, hostile: 0 };
  for (const seed of SEEDS) for (const reply of replies(simulateReaction(input({ seed, ...overrides })))) counts[reply.mood] += 1;
  return counts;
};
const total = (counts: Record<Mood, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const withReplies = (scenario: Scenario, replies: Scenario['audience']['replies']): Scenario => ({ ...scenario, audience: { replies } });

describe('simulateReaction', () => {
  it('gives exactly the same plan for the same input, and other numbers for another seed', () => {
    expect(simulateReaction(input())).toEqual(simulateReaction(input()));
    const other = simulateReaction(input({ seed: 99 }));
    expect(final(other)).not.toEqual(final(simulateReaction(input())));
  });

  it('plans an item independently of the other items published', () => {
    const alone = simulateReaction(input({ itemId: 'pub-2' }));
    simulateReaction(input({ itemId: 'pub-1' }));
    expect(simulateReaction(input({ itemId: 'pub-2' }))).toEqual(alone);
    expect(final(simulateReaction(input({ itemId: 'pub-3' })))).not.toEqual(final(alone));
  });

  it('keeps events within the horizon, in time order, with totals that never fall', () => {
    for (const horizonMinutes of [0, 5, 45, 120, 300]) {
      for (const seed of SEEDS.slice(0, 10)) {
        const plan = simulateReaction(input({ seed, horizonMinutes, grade: seed % 2 ? GOOD : POOR }));
        let previous = { at: 20, likes: 0, shares: 0, reach: 0 };
        for (const event of plan.events) {
          expect(event.at).toBeGreaterThanOrEqual(20);
          expect(event.at).toBeLessThanOrEqual(20 + horizonMinutes);
          expect(event.at).toBeGreaterThanOrEqual(previous.at);
          expect(event.likes).toBeGreaterThanOrEqual(previous.likes);
          expect(event.shares).toBeGreaterThanOrEqual(previous.shares);
          expect(event.reach).toBeGreaterThanOrEqual(previous.reach);
          previous = event;
        }
        expect(plan.reach).toBe(plan.events.at(-1)?.reach ?? 0);
      }
    }
  });

  it('grows fast at first and saturates: most of the reach arrives within the first hour', () => {
    const plan = simulateReaction(input());
    expect(summarizeAt(plan, 20 + 30).reach).toBeGreaterThan(plan.reach * 0.6);
    expect(summarizeAt(plan, 20 + 3).reach).toBeLessThan(plan.reach * 0.4);
    expect(summarizeAt(plan, 20 + 60).reach).toBeGreaterThan(plan.reach * 0.9);
  });

  it('ends the totals on the horizon itself when it falls between two steps', () => {
    const plan = simulateReaction(input({ horizonMinutes: 45 }));
    expect(plan.events.filter((event) => !event.reply).map((event) => event.at)).toEqual([21, 23, 27, 35, 50, 65]);
  });

  it('scales reach with the account and the platform: Telegram channels are read, X posts scroll by', () => {
    const quake = scenarioById('earthquake-consular');
    const telegram = quake.accounts.find((account) => account.platform === 'telegram');
    const other = quake.accounts.find((account) => account.platform !== 'telegram');
    if (!telegram || !other) throw new Error('earthquake-consular needs a Telegram and another account');
    const share = (accountId: string, followers: number) =>
      mean(SEEDS.map((seed) => simulateReaction(input({ seed, scenario: quake, accountId, playLanguage: 'ru' })).reach)) / followers;
    expect(share(telegram.id, telegram.audience.followers)).toBeGreaterThan(2 * share(other.id, other.audience.followers));
  });

  it('rewards a good draft with more reach, likes and shares than a poor one', () => {
    const averages = (grade: ReactionGrade) => {
      const totals = SEEDS.map((seed) => final(simulateReaction(input({ seed, grade }))));
      return { reach: mean(totals.map((t) => t.reach)), likes: mean(totals.map((t) => t.likes)), shares: mean(totals.map((t) => t.shares)) };
    };
    const good = averages(GOOD);
    const poor = averages(POOR);
    expect(good.reach).toBeGreaterThan(1.5 * poor.reach);
    expect(good.likes).toBeGreaterThan(3 * poor.likes);
    expect(good.shares).toBeGreaterThan(poor.shares);
    expect(good.likes / good.reach).toBeGreaterThan(poor.likes / poor.reach);
  });

  it('meets a good draft mostly with support and thanks', () => {
    const counts = moodsOver({ grade: GOOD });
    expect(total(counts)).toBeGreaterThan(50);
    expect(counts.supportive + counts.grateful).toBeGreaterThan(total(counts) / 2);
    const poor = moodsOver({ grade: POOR });
    expect((counts.supportive + counts.grateful) / total(counts)).toBeGreaterThan((poor.supportive + poor.grateful) / total(poor) + 0.3);
  });

  it('meets poor tone mostly with criticism and hostility', () => {
    const counts = moodsOver({ grade: POOR_TONE });
    expect(counts.critical + counts.hostile).toBeGreaterThan(total(counts) / 2);
    expect(counts.hostile).toBeGreaterThan(0);
  });

  it('meets poor policy mostly with confusion and criticism', () => {
    const counts = moodsOver({ grade: POOR_POLICY });
    expect(counts.confused + counts.critical).toBeGreaterThan(total(counts) / 2);
    expect(counts.confused).toBeGreaterThan(moodsOver({ grade: GOOD }).confused);
  });

  it('meets the wrong language with confusion', () => {
    const counts = moodsOver({ grade: WRONG_LANGUAGE });
    expect(counts.confused).toBeGreaterThan(0);
    expect(counts.confused).toBeGreaterThan(Math.max(counts.supportive, counts.grateful, counts.critical, counts.hostile));
  });

  it('gives more replies to a wider reach, never more than eight, never one pool entry twice', () => {
    const small = { ...xAccount, audience: { ...xAccount.audience, followers: 800 } };
    const huge = { ...xAccount, audience: { ...xAccount.audience, followers: 5_000_000 } };
    const count = (account: typeof xAccount) =>
      SEEDS.map((seed) => replies(simulateReaction(input({ seed, scenario: { ...criticism, accounts: [account] } }))).length);
    const few = count(small);
    const many = count(huge);
    expect(mean(many)).toBeGreaterThan(mean(few) + 2);
    expect(Math.max(...many)).toBeLessThanOrEqual(8);
    for (const seed of SEEDS) {
      const texts = replies(simulateReaction(input({ seed, grade: POOR, scenario: { ...criticism, accounts: [huge] } }))).map((reply) => reply.text);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('takes reply texts from the scenario pools, in the play language, with ids from the item', () => {
    const poolTexts = (language: string, mood: Mood) => (criticism.audience.replies[mood] ?? []).map((reply) => reply.text[language]);
    let seen = 0;
    for (const seed of SEEDS.slice(0, 20)) {
      const plan = simulateReaction(input({ seed, grade: seed % 2 ? GOOD : POOR_TONE, playLanguage: 'ru' }));
      for (const [index, reply] of replies(plan).entries()) {
        expect(poolTexts('ru', reply.mood)).toContain(reply.text);
        expect(reply.id).toBe(`pub-1-reply-${index + 1}`);
        const entry = (criticism.audience.replies[reply.mood] ?? []).find((candidate) => candidate.text.ru === reply.text);
        expect(reply.personaId).toBe(entry?.persona);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('falls back to the nearest mood that has replies when a pool is missing', () => {
    const onlyCritical = withReplies(criticism, { critical: criticism.audience.replies.critical });
    const counts: Record<string, number> = {};
    for (const seed of SEEDS) {
      for (const reply of replies(simulateReaction(input({ seed, scenario: onlyCritical })))) counts[reply.mood] = (counts[reply.mood] ?? 0) + 1;
    }
    expect(Object.keys(counts)).toEqual(['critical']);

    const noHostile = withReplies(criticism, { ...criticism.audience.replies, hostile: [] });
    const hostileTexts = (criticism.audience.replies.hostile ?? []).map((reply) => reply.text.en);
    const fallen = SEEDS.flatMap((seed) => replies(simulateReaction(input({ seed, scenario: noHostile, grade: POOR_TONE }))));
    expect(fallen.length).toBeGreaterThan(0);
    expect(fallen.some((reply) => reply.mood === 'hostile' || hostileTexts.includes(reply.text))).toBe(false);
    expect(fallen.filter((reply) => reply.mood === 'critical').length).toBeGreaterThan(fallen.length / 3);
  });

  it('never uses an entry heard earlier in the attempt, nor says its words again: fewer replies instead', () => {
    const heard = SEEDS.slice(0, 5).flatMap((seed) => replies(simulateReaction(input({ seed, grade: GOOD, itemId: `pub-${seed}` }))));
    expect(heard.length).toBeGreaterThan(4);
    const heardEntries = new Set(heard.map((reply) => reply.entry));
    const heardWords = new Set(heard.map((reply) => reply.text));
    let fewer = false;
    for (const seed of SEEDS) {
      const fresh = simulateReaction(input({ seed, grade: GOOD, itemId: 'pub-9' }));
      const next = simulateReaction(input({ seed, grade: GOOD, itemId: 'pub-9', heard }));
      for (const reply of replies(next)) {
        expect(heardEntries.has(reply.entry), reply.entry).toBe(false);
        expect(heardWords.has(reply.text), reply.text).toBe(false);
      }
      if (replies(next).length < replies(fresh).length) fewer = true;
    }
    expect(fewer).toBe(true);
  });

  it('says nothing when every line has been heard', () => {
    const all = REACTION_MOODS.flatMap((mood) =>
      (criticism.audience.replies[mood] ?? []).map((reply, index) => ({ entry: `${mood}/${index}`, text: reply.text.en! })),
    );
    for (const seed of SEEDS.slice(0, 10)) expect(replies(simulateReaction(input({ seed, heard: all })))).toEqual([]);
  });

  it('plans no replies when the scenario has none, but still counts reach and likes', () => {
    const silent = withReplies(criticism, {});
    for (const seed of SEEDS.slice(0, 10)) {
      const plan = simulateReaction(input({ seed, scenario: silent }));
      expect(replies(plan)).toEqual([]);
      expect(plan.reach).toBeGreaterThan(0);
      expect(final(plan).likes).toBeGreaterThan(0);
    }
  });

  it('delivers a direct message to one person who answers privately, without likes or shares', () => {
    const task = criticism.tasks.find((candidate) => candidate.kind === 'direct-message');
    if (!task?.recipient) throw new Error('answering-criticism has no direct-message task');
    for (const seed of SEEDS.slice(0, 10)) {
      const plan = simulateReaction(input({ seed, kind: 'direct-message', accountId: task.account, recipientId: task.recipient }));
      expect(plan.reach).toBe(1);
      expect(plan.events.every((event) => event.likes === 0 && event.shares === 0)).toBe(true);
      const answers = replies(plan);
      expect(answers).toHaveLength(1);
      expect(answers[0]?.personaId).toBe(task.recipient);
    }
  });

  it('delivers a mass notification to every follower at once, without likes or shares', () => {
    const flights = scenarioById('flights-suspended');
    const task = flights.tasks.find((candidate) => candidate.kind === 'mass-notification');
    const account = flights.accounts.find((candidate) => candidate.id === task?.account);
    if (!task || !account) throw new Error('flights-suspended has no mass-notification task');
    const plan = simulateReaction(input({ scenario: flights, kind: 'mass-notification', accountId: account.id, playLanguage: 'ru' }));
    expect(plan.reach).toBe(account.audience.followers);
    expect(plan.events[0]?.reach).toBe(account.audience.followers);
    expect(plan.events.every((event) => event.likes === 0 && event.shares === 0)).toBe(true);
    expect(replies(plan).length).toBeGreaterThan(0);
  });

  it('answers an account with a fixed audience language in that language, whatever the play language', () => {
    const bilingual = scenarioById('chairmanship-bilingual');
    const ukrainian = bilingual.accounts.find((account) => account.audienceLanguage === 'uk');
    if (!ukrainian) throw new Error('chairmanship-bilingual has no Ukrainian account');
    const ukTexts = new Set(REACTION_MOODS.flatMap((mood) => (bilingual.audience.replies[mood] ?? []).map((reply) => reply.text.uk)));
    const answers = SEEDS.slice(0, 10).flatMap((seed) =>
      replies(simulateReaction(input({ seed, scenario: bilingual, accountId: ukrainian.id, playLanguage: 'en' }))),
    );
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(ukTexts.has(answer.text), answer.text).toBe(true);
  });

  it('refuses an unknown account and a negative horizon', () => {
    expect(() => simulateReaction(input({ accountId: 'nowhere' }))).toThrow(RangeError);
    expect(() => simulateReaction(input({ horizonMinutes: -1 }))).toThrow(RangeError);
  });
});

describe('summarizeAt', () => {
  const plan = simulateReaction(input());

  it('shows zeros before publication and just after it', () => {
    expect(summarizeAt(plan, 0)).toEqual({ likes: 0, shares: 0, reach: 0, replies: 0 });
    expect(summarizeAt(plan, 20)).toEqual({ likes: 0, shares: 0, reach: 0, replies: 0 });
  });

  it('shows the final totals after the horizon', () => {
    const last = plan.events.at(-1);
    expect(summarizeAt(plan, 20 + 120 + 500)).toEqual({
      likes: last?.likes,
      shares: last?.shares,
      reach: plan.reach,
      replies: replies(plan).length,
    });
  });

  it('moves in between: counts at a minute include everything up to it', () => {
    const middle = summarizeAt(plan, 20 + 15);
    expect(middle.reach).toBeGreaterThan(0);
    expect(middle.reach).toBeLessThan(plan.reach);
    expect(middle.replies).toBe(plan.events.filter((event) => event.reply && event.at <= 35).length);
  });
});

describe('replies that belong to the story', () => {
  const tied = withReplies(criticism, {
    supportive: [
      { text: { en: 'General support.' } },
      { text: { en: 'Now that Kai has posted again, thanks for the facts.' }, inject: 'kai-follow-up' },
      { text: { en: 'Thanks for answering the MP.' }, task: 'reply-to-mp' },
      { text: { en: 'Late-afternoon thanks.' }, from: '1:00', until: '1:30' },
    ],
    grateful: [{ text: { en: 'Grateful, whenever.' } }, { text: { en: 'Thank you, Irena here.' }, persona: 'citizen-irena', task: 'reply-to-mp' }],
  });
  const lines = (overrides: Partial<ReactionInput>) =>
    SEEDS.flatMap((seed) => replies(simulateReaction(input({ seed, scenario: tied, ...overrides }))).map((reply) => ({ seed, reply })));
  const eventsOf = (overrides: Partial<ReactionInput>) =>
    SEEDS.flatMap((seed) => simulateReaction(input({ seed, scenario: tied, ...overrides })).events.filter((event) => event.reply));

  it('says a line tied to an inject only once that inject has arrived', () => {
    const before = eventsOf({ publishedAt: 60, horizonMinutes: 90, arrivals: { 'kai-follow-up': 80 } });
    const kai = before.filter((event) => event.reply!.text.startsWith('Now that Kai'));
    expect(kai.length).toBeGreaterThan(0);
    for (const event of kai) expect(event.at).toBeGreaterThanOrEqual(80);
    // An inject that has not arrived and is not scheduled (a branch's, not fired) is never spoken of.
    expect(eventsOf({ publishedAt: 60, horizonMinutes: 90, arrivals: {} }).some((event) => event.reply!.text.startsWith('Now that Kai'))).toBe(false);
  });

  it('says a line tied to a task only under the publication made for that task', () => {
    const mp = (text: string) => text === 'Thanks for answering the MP.' || text === 'Thank you, Irena here.';
    expect(lines({ taskId: null }).some(({ reply }) => mp(reply.text))).toBe(false);
    expect(lines({ taskId: 'clarifying-post' }).some(({ reply }) => mp(reply.text))).toBe(false);
    const under = lines({ taskId: 'reply-to-mp' });
    // Written for this very publication, it comes before a general line of its mood.
    expect(under.filter(({ reply }) => mp(reply.text)).length).toBeGreaterThan(SEEDS.length / 2);
  });

  it('says a line tied to a window only within it', () => {
    const windowed = eventsOf({ publishedAt: 40, horizonMinutes: 110 }).filter((event) => event.reply!.text === 'Late-afternoon thanks.');
    expect(windowed.length).toBeGreaterThan(0);
    for (const event of windowed) {
      expect(event.at).toBeGreaterThanOrEqual(60);
      expect(event.at).toBeLessThanOrEqual(90);
    }
    expect(eventsOf({ publishedAt: 100, horizonMinutes: 50 }).some((event) => event.reply!.text === 'Late-afternoon thanks.')).toBe(false);
  });

  it('never uses one entry twice on an item', () => {
    for (const seed of SEEDS) {
      const entries = replies(simulateReaction(input({ seed, scenario: tied, taskId: 'reply-to-mp' }))).map((reply) => reply.entry);
      expect(new Set(entries).size).toBe(entries.length);
    }
  });

  it('has no persona repeat a line on two platforms of the attempt', () => {
    const facebook = criticism.accounts.find((account) => account.platform === 'facebook');
    if (!facebook) throw new Error('answering-criticism has no Facebook account');
    for (const seed of SEEDS) {
      const onX = replies(simulateReaction(input({ seed, itemId: 'pub-1', grade: POOR_TONE })));
      const onFacebook = replies(simulateReaction(input({ seed, itemId: 'pub-2', accountId: facebook.id, grade: POOR_TONE, publishedAt: 60, heard: onX })));
      const said = new Set(onX.map((reply) => `${reply.personaId ?? reply.author?.handle}\u0000${reply.text}`));
      for (const reply of onFacebook) {
        expect(said.has(`${reply.personaId ?? reply.author?.handle}\u0000${reply.text}`), reply.text).toBe(false);
        expect(onX.some((earlier) => earlier.text === reply.text)).toBe(false);
      }
    }
  });

  it('names a generated member of the public for a line no persona speaks, the same for the same seed', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const first = replies(simulateReaction(input({ seed })));
      const again = replies(simulateReaction(input({ seed })));
      expect(again).toEqual(first);
      for (const reply of first) {
        if (reply.personaId) expect(reply.author).toBeUndefined();
        else expect(reply.author?.name).toMatch(/^\p{Lu}\p{L}+ \p{Lu}/u);
      }
    }
    const authors = SEEDS.flatMap((seed) => replies(simulateReaction(input({ seed, grade: POOR })))).flatMap((reply) =>
      reply.author ? [reply.author.handle] : [],
    );
    expect(new Set(authors).size).toBeGreaterThan(authors.length / 2);
  });

  it('names generated people in the language the audience reads', () => {
    const bilingual = scenarioById('chairmanship-bilingual');
    const ukrainian = bilingual.accounts.find((account) => account.audienceLanguage === 'uk')!;
    const authors = SEEDS.slice(0, 20).flatMap((seed) =>
      replies(simulateReaction(input({ seed, scenario: bilingual, accountId: ukrainian.id, playLanguage: 'en', grade: POOR }))).flatMap((reply) =>
        reply.author ? [reply.author] : [],
      ),
    );
    expect(authors.length).toBeGreaterThan(0);
    for (const author of authors) {
      expect(author.name).toMatch(/^[А-ЯІЇЄҐ]/u);
      expect(author.handle).toMatch(/^[a-z0-9_]+$/);
    }
  });

  it('has the recipient of a direct message answer it, in lines written for them first', () => {
    const withOwn = withReplies(criticism, {
      grateful: [{ text: { en: 'Thanks, noted for tomorrow.' }, persona: 'lise-amundal', task: 'journalist-dm' }, { text: { en: 'Thanks.' } }],
      critical: [{ text: { en: 'Why so late?' } }],
    });
    for (const seed of SEEDS.slice(0, 20)) {
      const answers = replies(
        simulateReaction(
          input({ seed, scenario: withOwn, kind: 'direct-message', accountId: 'embassy-fb', recipientId: 'lise-amundal', taskId: 'journalist-dm' }),
        ),
      );
      expect(answers).toHaveLength(1);
      expect(answers[0]!.personaId).toBe('lise-amundal');
      expect(answers[0]!.author).toBeUndefined();
      if (answers[0]!.mood === 'grateful') expect(answers[0]!.text).toBe('Thanks, noted for tomorrow.');
    }
  });
});

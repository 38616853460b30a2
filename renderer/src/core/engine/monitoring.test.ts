// Runtime: node (Vitest). What the simulation knows of the public's reaction, counted from a play
// of the report fixture scenario (core/grading/__fixtures__/report), and the reference play's facts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { REACTION_MOODS } from '../pack/schema';
import { monitoringFacts } from './monitoring';
import { REFERENCE_SEED, referenceMonitoring } from './reference-monitoring';
import type { EngineInput, FeedPublication, TimelineState } from './timeline';
import { advanceTo, initialTimeline, publish, start } from './timeline';

const { pack } = loadPack(readFolder(path.join(import.meta.dirname, '..', 'grading', '__fixtures__', 'report')), { appVersion: '0.1.0' });
const scenario = pack!.scenarios[0]!;
const input: EngineInput = { scenario, playLanguage: 'en', manifest: pack!.manifest, seed: 7 };
const model = (taskId: string) => scenario.tasks.find((task) => task.id === taskId)!.modelAnswer.en!;

/** Both posts published with their model answers, then the clock run to `minute`. */
function played(minute: number): TimelineState {
  let state = start(input, initialTimeline(input));
  state = advanceTo(input, state, 5);
  state = publish(input, state, { accountId: 'embassy-x', kind: 'post', text: model('ferry-post'), taskId: 'ferry-post', replyTo: null });
  state = advanceTo(input, state, 10);
  state = publish(input, state, { accountId: 'consulate-telegram', kind: 'post', text: model('ferry-telegram'), taskId: 'ferry-telegram', replyTo: null });
  return advanceTo(input, state, minute);
}

describe('monitoringFacts', () => {
  it('counts the replies that have arrived to the trainee’s publications, by account and by mood', () => {
    const state = played(60);
    const facts = monitoringFacts(input, state);
    const replies = state.feed.filter((item) => item.source === 'audience' && item.at <= 60);
    expect(facts.at).toBe(60);
    expect(facts.replies).toBe(replies.length);
    expect(facts.replies).toBeGreaterThan(0);
    expect(Object.values(facts.byAccount).reduce((sum, count) => sum + count, 0)).toBe(facts.replies);
    expect(Object.values(facts.byMood).reduce((sum, count) => sum + count, 0)).toBe(facts.replies);
    for (const mood of REACTION_MOODS) expect(facts.byMood[mood]).toBe(replies.filter((item) => item.source === 'audience' && item.mood === mood).length);
    const top = Math.max(...Object.values(facts.byAccount));
    expect(facts.busiest).toEqual(Object.keys(facts.byAccount).filter((id) => facts.byAccount[id] === top));
    const topMood = Math.max(...Object.values(facts.byMood));
    expect(facts.dominantMoods).toEqual(REACTION_MOODS.filter((mood) => facts.byMood[mood] === topMood));
  });

  it('grows with time and knows nothing of replies still to come', () => {
    const early = monitoringFacts(input, played(12));
    const late = monitoringFacts(input, played(60));
    expect(early.replies).toBeLessThanOrEqual(late.replies);
    // Just published: nobody has answered yet.
    const justPublished = publish(input, advanceTo(input, start(input, initialTimeline(input)), 5), {
      accountId: 'embassy-x',
      kind: 'post',
      text: model('ferry-post'),
      taskId: 'ferry-post',
      replyTo: null,
    });
    const none = monitoringFacts(input, justPublished);
    expect(none.replies).toBe(0);
    expect(none.busiest).toEqual([]);
    expect(none.dominantMoods).toEqual([]);
  });

  it('names the most shared public item with its author; a request from headquarters is not public', () => {
    const facts = monitoringFacts(input, played(60));
    // hq-asks (9,000 shares) arrives at 0:50 but reaches the trainee alone; the news has 4,100.
    expect(facts.mostShared).toMatchObject({ source: 'inject', id: 'ferry-news', shares: 4100, personaId: 'harbour-news' });
    expect(facts.mostShared?.author).toEqual({ name: 'Harbour News', handle: 'harbour_news' });
    expect(monitoringFacts({ ...input, playLanguage: 'ru' }, played(60)).mostShared?.author?.name).toBe('Портовые новости');
    const beforeAnything = monitoringFacts(input, start(input, initialTimeline(input)));
    expect(beforeAnything.mostShared).toBeNull();
  });

  it('does not count the answer to a direct message: it is private correspondence', () => {
    let state = played(60);
    const before = monitoringFacts(input, state).replies;
    state = publish(input, state, {
      accountId: 'embassy-x',
      kind: 'direct-message',
      text: 'We are here to help; call +99 123 456 789.',
      taskId: null,
      replyTo: 'rumour',
    });
    state = advanceTo(input, state, 70);
    const after = monitoringFacts(input, state);
    const publicReplies = state.feed.filter(
      (item) => item.source === 'audience' && state.feed.some((parent) => parent.source === 'trainee' && parent.id === item.replyTo && parent.kind === 'post'),
    );
    const dm = state.feed.find((item) => item.source === 'trainee' && item.kind === 'direct-message')!;
    expect(state.feed.some((item) => item.source === 'audience' && item.replyTo === dm.id)).toBe(true);
    expect(after.replies).toBe(publicReplies.length);
    expect(after.replies).toBeGreaterThanOrEqual(before);
  });
});

describe('a report published', () => {
  const state = advanceTo(input, played(60), 60);
  const sent = publish(input, state, {
    accountId: 'embassy-x',
    kind: 'report',
    text: 'To the Press Department: 4 replies so far, mostly critical.',
    taskId: 'mood-report',
    replyTo: null,
  });
  const report = sent.feed.at(-1) as FeedPublication;

  it('keeps the facts it was graded against, frozen with it', () => {
    expect(report.kind).toBe('report');
    expect(report.monitoring).toEqual(monitoringFacts(input, state));
    // Later replies change what the simulation knows, not what the report was graded against.
    const later = advanceTo(input, sent, 110);
    expect((later.feed.find((item) => item.id === report.id) as FeedPublication).monitoring).toEqual(report.monitoring);
  });

  it('draws no reaction from the public, and counts for no one as a reply', () => {
    const later = advanceTo(input, sent, 110);
    expect(later.reactions[report.id]).toEqual({ itemId: report.id, reach: 0, events: [] });
    expect(later.feed.some((item) => item.source === 'audience' && item.replyTo === report.id)).toBe(false);
  });

  it('is graded as a report: one line is too short for an internal note', () => {
    expect(report.grade.findings.map((finding) => finding.ruleId)).toContain('platform.report-length');
  });
});

describe('referenceMonitoring', () => {
  it('is what the simulation knows when the task opens in the model play with seed 1', () => {
    const facts = referenceMonitoring(input, 'mood-report');
    expect(facts?.at).toBe(60);
    expect(facts).toEqual(referenceMonitoring({ ...input, seed: 99 }, 'mood-report'));
    expect(REFERENCE_SEED).toBe(1);
    expect(facts!.replies).toBeGreaterThan(0);
  });

  it('is null for a task that never opens in that play', () => {
    expect(referenceMonitoring(input, 'no-such-task')).toBeNull();
  });
});

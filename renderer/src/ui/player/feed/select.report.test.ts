// Runtime: Node (Vitest). A report to headquarters is private: never in an account's public feed,
// always in the inbox, in the conversation with the headquarters that asked for it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineInput, TimelineState } from '../../../core/engine/timeline';
import { advanceTo, initialTimeline, publish, start } from '../../../core/engine/timeline';
import { loadPack } from '../../../core/pack/load';
import { readFolder } from '../../../test/packs';
import { feedItemsFor, inboxConversations, inboxItemsFor } from './select';

const { pack } = loadPack(readFolder(path.join(import.meta.dirname, '..', '..', '..', 'core', 'grading', '__fixtures__', 'report')), { appVersion: '0.1.0' });
const scenario = pack!.scenarios[0]!;
const input: EngineInput = { scenario, playLanguage: 'en', manifest: pack!.manifest, seed: 3 };
const REPORT = 'To the Press Department. Monitoring as of 1:00: the replies are mostly critical of the late announcement.';

/** The ferry post published, then a report sent at `minute` (after headquarters asked at 0:50, or before). */
function reported(minute: number, taskId: string | null): TimelineState {
  let state = advanceTo(input, start(input, initialTimeline(input)), 5);
  state = publish(input, state, { accountId: 'embassy-x', kind: 'post', text: scenario.tasks[0]!.modelAnswer.en!, taskId: 'ferry-post', replyTo: null });
  state = advanceTo(input, state, minute);
  return advanceTo(input, publish(input, state, { accountId: 'embassy-x', kind: 'report', text: REPORT, taskId, replyTo: null }), 110);
}

describe('a report to headquarters', () => {
  const state = reported(60, 'mood-report');
  const report = state.feed.find((item) => item.source === 'trainee' && item.kind === 'report')!;

  it('is in no public feed, and in the inbox', () => {
    for (const account of scenario.accounts) expect(feedItemsFor(state, account.id).map((item) => item.id)).not.toContain(report.id);
    expect(feedItemsFor(state, 'embassy-x').some((item) => item.source === 'trainee' && item.kind === 'post')).toBe(true);
    expect(inboxItemsFor(state).map((item) => item.id)).toContain(report.id);
  });

  it('sits in the conversation of the headquarters that asked, after their request', () => {
    const conversations = inboxConversations(inboxItemsFor(state), scenario);
    const withReport = conversations.find((conversation) => conversation.items.some((item) => item.id === report.id))!;
    expect(withReport).toMatchObject({ key: 'persona:hq', personaId: 'hq', headquarters: true, accountId: 'embassy-x' });
    expect(withReport.items.map((item) => item.id)).toEqual(['hq-asks', report.id]);
  });

  it('sent before headquarters wrote, still makes a headquarters conversation of its account', () => {
    const early = reported(20, null);
    const conversations = inboxConversations(inboxItemsFor(early), scenario);
    const own = conversations.find((conversation) => conversation.items.some((item) => item.source === 'trainee' && item.kind === 'report'))!;
    expect(own).toMatchObject({ key: 'headquarters:embassy-x', headquarters: true, accountId: 'embassy-x' });
  });
});

// Runtime: Node (tests). Played through the engine, the library's audience keeps to the story: no
// reply speaks of an inject before it arrived, of a task under another publication, or outside its
// window, and no line is heard twice in an attempt.
import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { offsetMinutes } from '../pack/schema';
import { advanceTo, moderate, publish, requestClearance } from './timeline';
import { actionsNow } from './autoplay';
import { modelAnswerFor } from './outcome';
import type { EngineInput, FeedAudienceReply, FeedPublication, TimelineState } from './timeline';
import { initialTimeline } from './timeline';

const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const scenarioById = (id: string): Scenario => library.scenarios.find((scenario) => scenario.id === id)!;

/**
 * Plays a scenario: an own publication on every account every 20 minutes, and each task answered when it
 * opens as the scripted player answers it (autoplay's actionsNow: the model answer, sent for clearance
 * first where headquarters clears it; a moderation task moderated on its stream, not answered with text).
 */
function play(scenario: Scenario, seed: number): TimelineState {
  const input: EngineInput = { scenario, playLanguage: 'en', manifest: library.manifest, seed };
  let state = advanceTo(input, initialTimeline(input), 0);
  const duration = offsetMinutes(scenario.duration);
  for (let minute = 0; minute < duration && !state.ended; minute += 1) {
    state = advanceTo(input, state, minute);
    if (state.ended) break;
    for (const event of actionsNow(input, state, (task) => modelAnswerFor(scenario, task, 'en'))) {
      if (event.type === 'PUBLISH') state = publish(input, state, event.draft);
      else if (event.type === 'CLEARANCE.REQUEST') state = requestClearance(input, state, event.draft);
      else if (event.type === 'MODERATE') state = moderate(input, state, event.commentId, event.action);
    }
    if (minute % 20 === 1) {
      for (const account of scenario.accounts) {
        state = publish(input, state, {
          accountId: account.id,
          kind: 'post',
          text: 'We are following the situation and will post updates here.',
          taskId: null,
          replyTo: null,
        });
      }
    }
  }
  return advanceTo(input, state, duration);
}

describe('the audience in a played scenario', () => {
  it.each(library.scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s: every reply keeps to its ties, and none is heard twice',
    (_id, scenario) => {
      let tied = 0;
      for (const seed of [1, 2, 3]) {
        const state = play(scenario, seed);
        const replies = state.feed.filter((item): item is FeedAudienceReply => item.source === 'audience');
        expect(replies.length).toBeGreaterThan(0);
        const texts = replies.map((reply) => reply.text);
        expect(new Set(texts).size, 'a line heard twice').toBe(texts.length);
        for (const reply of replies) {
          const entry = Object.entries(scenario.audience.replies)
            .flatMap(([, entries]) => entries ?? [])
            .find((candidate) => Object.values(candidate.text).includes(reply.text))!;
          const publication = state.feed.find((item): item is FeedPublication => item.source === 'trainee' && item.id === reply.replyTo)!;
          expect(publication.at).toBeLessThanOrEqual(reply.at);
          if (entry.inject !== undefined) {
            const arrived = state.feed.find((item) => item.source === 'inject' && item.id === entry.inject);
            expect(arrived, `${reply.text} before ${entry.inject}`).toBeDefined();
            expect(arrived!.at).toBeLessThanOrEqual(reply.at);
          }
          if (entry.task !== undefined) expect(publication.taskId, reply.text).toBe(entry.task);
          if (entry.from !== undefined) expect(reply.at).toBeGreaterThanOrEqual(offsetMinutes(entry.from));
          if (entry.until !== undefined) expect(reply.at).toBeLessThanOrEqual(offsetMinutes(entry.until));
          if (entry.inject !== undefined || entry.task !== undefined || entry.from !== undefined) tied += 1;
          expect(reply.personaId !== null || reply.author !== null).toBe(true);
        }
      }
      expect(tied, 'no tied line was ever heard').toBeGreaterThan(0);
    },
  );

  it('never thanks for help under a publication made before the task that asks for it (earthquake: Irena at 1:35)', () => {
    const scenario = scenarioById('earthquake-consular');
    const thanks = scenario.audience.replies.grateful!.find((entry) => entry.persona === 'citizen-irena')!;
    expect(thanks.task).toBe('reply-irena');
    let heard = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const state = play(scenario, seed);
      const answer = state.feed.find((item): item is FeedPublication => item.source === 'trainee' && item.taskId === 'reply-irena')!;
      for (const reply of state.feed.filter((item): item is FeedAudienceReply => item.source === 'audience' && item.text === thanks.text.en)) {
        expect(reply.replyTo).toBe(answer.id);
        expect(reply.at).toBeGreaterThan(offsetMinutes('1:35'));
        heard += 1;
      }
    }
    expect(heard).toBeGreaterThan(0);
  });
});

describe('a direct message outside any task', () => {
  it('is answered by the author of the message it answers, not by a stranger', () => {
    const scenario = scenarioById('flights-suspended');
    for (const seed of [1, 2, 3, 4, 5]) {
      const input: EngineInput = { scenario, playLanguage: 'en', manifest: library.manifest, seed };
      let state = advanceTo(input, initialTimeline(input), offsetMinutes('1:10'));
      expect(state.feed.some((item) => item.id === 'lina-insulin')).toBe(true);
      state = publish(input, state, {
        accountId: 'embassy-vk',
        kind: 'direct-message',
        text: 'Lina, we are sorry. Please call our hotline +99 21 555 0183 now: the consul will help you get insulin today.',
        taskId: null,
        replyTo: 'lina-insulin',
      });
      const answers = state.pendingReplies.filter((reply) => reply.replyTo === `pub-${state.publications}`);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({ personaId: 'tourist-lina', author: null });
    }
  });
});

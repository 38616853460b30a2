// Runtime: any (pure core). What the simulation knows of the public's reaction at a moment — the
// facts a report to headquarters is graded against (core/grading/report.ts).
//
// The rules, so that a scenario writer can state them in a model answer:
// - Replies are the audience's replies to the trainee's own public publications (posts, replies,
//   threads) that have arrived by then, each with the mood it was drawn for. The answer of a
//   direct message's recipient is private correspondence, not the public's word, and does not
//   count; a report itself draws none. The injects of the scenario (others' posts and comments)
//   are not replies to the missions: they carry no mood and are not counted as replies.
// - The busiest account is the trainee account with the most replies (every account on a tie;
//   none when there are no replies). The dominant mood likewise (every mood on a tie).
// - The most shared item is, among the public injects that have reached the trainee's accounts
//   (not direct messages or requests from headquarters) and the trainee's own public
//   publications, the one with the most shares by then: an inject's `engagement.shares`, a
//   publication's planned shares so far (audience.ts summarizeAt). None when nothing is shared;
//   the earliest on a tie. Its author is the inject's persona, or, for a publication, the account.
import type { Localized, TaskKind } from '../pack/schema';
import { REACTION_MOODS } from '../pack/schema';
import type { MonitoringFacts, SharedItem } from '../grading/report';
import { summarizeAt } from './audience';
import type { Mood } from './audience';
import type { EngineInput, TimelineState } from './timeline';

export type { MonitoringFacts, SharedItem };

/** Publications the public does not see: their answers are private, and they cannot be shared. */
const PRIVATE_KINDS: ReadonlySet<TaskKind> = new Set(['direct-message', 'mass-notification', 'report']);
/** Injects that reach the trainee alone. */
const PRIVATE_INJECTS: ReadonlySet<string> = new Set(['direct-message', 'hq-request']);

const inLanguage = (text: Localized, language: string): string => text[language] ?? Object.values(text)[0] ?? '';

/** Those keys of `counts` with the highest count above zero, in the order given. */
function leaders<K extends string>(keys: readonly K[], counts: Readonly<Record<K, number>>): K[] {
  const top = Math.max(0, ...keys.map((key) => counts[key]));
  return top === 0 ? [] : keys.filter((key) => counts[key] === top);
}

/** What the simulation knows at `state.time` of the public's reaction to the trainee's accounts. */
export function monitoringFacts(input: EngineInput, state: TimelineState): MonitoringFacts {
  const { scenario, playLanguage } = input;
  const now = state.time;
  const accountIds = scenario.accounts.map((account) => account.id);
  const byAccount = Object.fromEntries(accountIds.map((id) => [id, 0])) as Record<string, number>;
  const byMood = Object.fromEntries(REACTION_MOODS.map((mood) => [mood, 0])) as Record<Mood, number>;
  const publicPublications = new Set<string>();
  for (const item of state.feed) if (item.source === 'trainee' && !PRIVATE_KINDS.has(item.kind)) publicPublications.add(item.id);

  let replies = 0;
  for (const item of state.feed) {
    if (item.source !== 'audience' || item.at > now || !publicPublications.has(item.replyTo)) continue;
    replies += 1;
    byAccount[item.accountId] = (byAccount[item.accountId] ?? 0) + 1;
    byMood[item.mood] += 1;
  }

  // Who wrote an item, as the feed shows them: a scenario persona (pack-wide ones are not in the
  // engine's input: their items are then known by their subject alone), or the trainee's account.
  const personaAuthor = (id: string): SharedItem['author'] => {
    const persona = scenario.personas.find((candidate) => candidate.id === id);
    return persona ? { name: inLanguage(persona.name, playLanguage), handle: persona.handle.replace(/^@/, '') } : null;
  };
  const accountAuthor = (id: string): SharedItem['author'] => {
    const account = scenario.accounts.find((candidate) => candidate.id === id);
    return account ? { name: inLanguage(account.name, playLanguage), handle: account.handle.replace(/^@/, '') } : null;
  };
  let mostShared: SharedItem | null = null;
  const consider = (candidate: SharedItem) => {
    if (candidate.shares > 0 && (mostShared === null || candidate.shares > mostShared.shares)) mostShared = candidate;
  };
  for (const item of state.feed) {
    if (item.at > now) continue;
    if (item.source === 'inject' && !PRIVATE_INJECTS.has(item.inject.type))
      consider({
        source: 'inject',
        id: item.id,
        shares: item.inject.engagement?.shares ?? 0,
        personaId: item.inject.persona,
        accountId: item.inject.account,
        author: personaAuthor(item.inject.persona),
        text: inLanguage(item.inject.text, playLanguage),
      });
    else if (item.source === 'trainee' && publicPublications.has(item.id)) {
      const plan = state.reactions[item.id];
      consider({
        source: 'trainee',
        id: item.id,
        shares: plan ? summarizeAt(plan, now).shares : 0,
        personaId: null,
        accountId: item.accountId,
        author: accountAuthor(item.accountId),
        text: item.text,
      });
    }
  }

  return {
    at: now,
    replies,
    byAccount,
    byMood,
    busiest: leaders(accountIds, byAccount),
    dominantMoods: leaders(REACTION_MOODS, byMood),
    mostShared,
  };
}

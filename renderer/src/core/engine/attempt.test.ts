// Runtime: Node (tests). An attempt saved by the machine before replies had authors (version 2):
// its snapshot is refused for its version, with no migration, and its log replays to the state of today.
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { MACHINE_VERSION, currentVersions, persistSnapshot, replay, restoreSnapshot } from './attempt';
import type { EngineEvent } from './machine';
import { createScenarioMachine } from './machine';
import type { FeedAudienceReply } from './timeline';

const minimal = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const scenario = minimal.scenarios[0]!;
const machine = createScenarioMachine({ scenario, playLanguage: 'en', manifest: minimal.manifest, seed: 7 });
const GOOD = 'We understand your worry. Stay calm: our hotline +99 123 456 789 is open around the clock.';
const log: EngineEvent[] = [
  { type: 'START' },
  { type: 'CLOCK.TICK', minutes: 5 },
  { type: 'PUBLISH', draft: { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null } },
  { type: 'CLOCK.TICK', minutes: 54 },
];

describe('an attempt saved under machine version 2', () => {
  it('is version 4 now', () => {
    expect(MACHINE_VERSION).toBe(4);
  });

  it('has its snapshot refused for its version, and its log replays with authors on the replies', () => {
    const today = replay(machine, log);
    const replies = today.context.timeline.feed.filter((item): item is FeedAudienceReply => item.source === 'audience');
    expect(replies.length).toBeGreaterThan(0);
    // What version 2 saved: the same state, its replies without an author.
    const persisted = JSON.parse(JSON.stringify(persistSnapshot(machine, today))) as { context: { timeline: { feed: Array<Record<string, unknown>> } } };
    for (const item of persisted.context.timeline.feed) if (item.source === 'audience') delete item.author;
    const current = currentVersions('minimal', minimal.manifest.version, scenario.id, 'en', 7);
    const restored = restoreSnapshot(machine, { versions: { ...current, machineVersion: 2 }, snapshot: persisted }, current);
    expect(restored).toMatchObject({ snapshot: null, cause: 'versions' });
    expect(restored.refusal).toContain('machineVersion 2 → 4');

    const replayed = replay(machine, log);
    expect(replayed.context).toEqual(today.context);
    for (const reply of replayed.context.timeline.feed.filter((item): item is FeedAudienceReply => item.source === 'audience')) {
      expect(reply.personaId !== null || reply.author !== null).toBe(true);
    }
  });

  it('would be read as damaged if it claimed the current version', () => {
    const persisted = JSON.parse(JSON.stringify(persistSnapshot(machine, replay(machine, log)))) as {
      context: { timeline: { feed: Array<Record<string, unknown>> } };
    };
    for (const item of persisted.context.timeline.feed) if (item.source === 'audience') delete item.author;
    const current = currentVersions('minimal', minimal.manifest.version, scenario.id, 'en', 7);
    expect(restoreSnapshot(machine, { versions: current, snapshot: persisted }, current)).toMatchObject({ snapshot: null, cause: 'unreadable' });
  });
});

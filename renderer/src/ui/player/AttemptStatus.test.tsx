// Runtime: Node (Vitest, happy-dom). What a damaged log is said to be, in every language: each reason
// the validator gives, with the parameters it really gives, reads as a whole sentence — no key left
// untranslated, no "undefined", "NaN" or "[object Object]", nothing overlong.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../../../electron/contract/api';
import { EVENT_LOG_LIMITS, EVENT_LOG_REASON_KEYS, validateEventLog } from '../../core/engine/event-log';
import { createI18n } from '../../i18n';
import type { Translate } from '../../i18n/grading-message';
import { loadBuiltinLibrary } from '../../library/builtin';
import { findScenario } from '../../library/library';
import { TEST_APP_INFO } from '../../test/app';
import { describeLogDamage } from './AttemptStatus';
import type { LogDamage } from './session';

const scenario = findScenario(loadBuiltinLibrary(TEST_APP_INFO.version), 'core-library', 'flights-suspended')!.scenario;
const account = scenario.accounts[0]!.id;
const draft = { accountId: account, kind: 'post', text: 'We are on it.', taskId: null, replyTo: null };

/** One damaged log for each reason, the bad event third. */
const BAD_EVENTS: unknown[] = [
  undefined,
  'PUBLISH',
  { minutes: 1 },
  { type: 'REWIND' },
  { type: 'PUBLISH' },
  { type: 'FINISH', at: 3 },
  { type: 'CLOCK.SET_SPEED', speed: 3 },
  { type: 'PUBLISH', draft: { ...draft, text: undefined } },
  { type: 'PUBLISH', draft: { ...draft, text: 'a'.repeat(EVENT_LOG_LIMITS.textLength + 1) } },
  { type: 'CLOCK.TICK', minutes: -1 },
  { type: 'START' },
  { type: 'PUBLISH', draft: { ...draft, accountId: 'elsewhere' } },
  { type: 'PUBLISH', draft: { ...draft, taskId: 'no-such-task' } },
  { type: 'PUBLISH', draft: { ...draft, replyTo: 'pub-9' } },
  // Live streams brought moderation, and with it a reason of its own: a comment the scenario never streams.
  { type: 'MODERATE', commentId: 'c-ghost', action: 'hide' },
];

function damages(): LogDamage[] {
  const logs: unknown[][] = [
    ...BAD_EVENTS.map((event) => [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 35 }, event]),
    [{ type: 'CLOCK.NEXT' }],
    [{ type: 'START' }, { type: 'FINISH' }, { type: 'CLOCK.NEXT' }],
    [{ type: 'START' }, ...Array.from({ length: EVENT_LOG_LIMITS.events }, () => ({ type: 'CLOCK.SET_SPEED', speed: 2 }))],
  ];
  return logs.map((log) => {
    const result = validateEventLog(log, scenario);
    if (result.ok) throw new Error(`not refused: ${JSON.stringify(log).slice(0, 100)}`);
    return { position: result.position, total: log.length, eventType: result.eventType, at: 35, reason: result.reason };
  });
}

describe('a damaged log in words', () => {
  const all = damages();

  it('covers every reason the validator can give', () => {
    expect(new Set(all.map((damage) => damage.reason.key))).toEqual(new Set(EVENT_LOG_REASON_KEYS));
  });

  it.each(SUPPORTED_LANGUAGES)('reads as a sentence in %s for every reason', async (language) => {
    const i18n = await createI18n(language);
    const t = i18n.getFixedT(language, 'player') as unknown as Translate;
    for (const damage of all) {
      const text = describeLogDamage(t, damage);
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]|\{\{|eventLog\.|damaged\./);
      expect(text.length).toBeLessThan(300);
      expect(text).toContain(new Intl.NumberFormat(language).format(damage.position));
    }
  });

  it('says where and what in English as a trainee would read it', async () => {
    const i18n = await createI18n('en');
    const t = i18n.getFixedT('en', 'player') as unknown as Translate;
    const [missing, , , unknownType] = all;
    expect(describeLogDamage(t, missing!)).toBe('Event 3 of 3 (at 0:35) is missing from the log.');
    expect(describeLogDamage(t, unknownType!)).toBe('Event 3 of 3 (at 0:35) is of a kind Attaché does not know (“REWIND”).');
    const tooLong = all.find((damage) => damage.reason.key === 'eventLog.textTooLong')!;
    expect(describeLogDamage(t, tooLong)).toBe(
      'Event 3 of 3 (publish at 0:35) has a text longer than a log may hold (200,001 characters; the limit is 200,000).',
    );
    const tooMany = all.find((damage) => damage.reason.key === 'eventLog.tooMany')!;
    expect(describeLogDamage(t, tooMany)).toBe('Event 20,001 of 20,001 (at 0:35) is past the 20,000 events a log may hold.');
  });
});

// Runtime: Node (tests). The master events list import: column detection, reading cells, the plan
// (injects, personas, tasks, unreadable rows) and the one batch edit that applies it.
import { describe, expect, it } from 'vitest';
import { applyEdit, DocumentEditError, readAt } from './document';
import { quotaRowDocument, SCENARIO_FILE } from './__fixtures__/mel/scenario';
import {
  cellText,
  DEFAULT_RESPONSE_WINDOW,
  detectMapping,
  headerSignature,
  IdAllocator,
  isMelMapping,
  isRememberedMappings,
  melEdit,
  melTargetOf,
  planMelImport,
  readAction,
  readChannel,
  readTime,
  rememberMapping,
  REMEMBERED_MAPPINGS_MAX,
  scenarioFilesOf,
  slugify,
  type MelCell,
  type MelOptions,
} from './mel';

const EN_HEADERS = ['Time (T+)', 'From', 'Channel', 'To', 'Message', 'Expected action'];
const RU_HEADERS = ['Время', 'Персона', 'Канал', 'Аккаунт', 'Текст', 'Ожидаемое действие'];

/** The rows of __fixtures__/mel/events-en.csv, as the CSV reader gives them. */
const EN_ROWS: MelCell[][] = [
  EN_HEADERS,
  ['0:00', '@BertilRavnMP', 'X', 'embassy-x', 'Azuria has slashed the quota for our boats, from Monday.', 'Reply within 40 minutes: correct the figure'],
  ['00:05', 'MFA Press Department', 'HQ request', 'embassy-x', 'Agreed line: we understand the concern; the rules apply equally.', 'none'],
  ['T+0:12', 'Coastline Kai', 'Twitter', null, 'Azuria just BANNED our boats. #HandsOffOurFish', '-'],
  ['15', 'Lise Amundal', 'DM', 'embassy-fb', 'Could the embassy give us a comment on the record?', 'DM back with an on-the-record comment'],
  ['0:20', 'Coastline Kai', 'Facebook post', null, 'Still waiting for Azuria to explain. Tick tock.', 'Post a clarification on the Facebook page'],
  ['soon', 'Someone', 'X', 'embassy-x', 'A row whose time cannot be read', 'none'],
  ['0:30', 'Someone', 'Tiktok', 'embassy-x', 'A row on a channel the pack does not have', 'none'],
  ['0:35', 'Someone', 'X', 'embassy-tg', 'A row for an account the scenario does not have', 'none'],
  ['0:40', 'Someone', 'X', 'embassy-x', null, 'none'],
  ['0:45', null, 'news', null, 'A row without a persona', 'none'],
];

const TITLES: Record<string, string> = {
  reply: 'Reply to',
  post: 'Post after',
  'direct-message': 'Message',
  thread: 'Thread after',
  'mass-notification': 'Notify after',
};
const options = (overrides: Partial<MelOptions> = {}): MelOptions => ({
  language: 'en',
  responseWindow: DEFAULT_RESPONSE_WINDOW,
  mapping: detectMapping(EN_HEADERS),
  taskTitle: (kind, persona) => `${TITLES[kind]} ${persona}`,
  ...overrides,
});

describe('column detection', () => {
  it('finds every column from English header names, whatever their order', () => {
    expect(detectMapping(EN_HEADERS)).toEqual({ time: 0, persona: 1, channel: 2, account: 3, text: 4, action: 5 });
    expect(detectMapping(['Expected action', 'Text', 'Account', 'Platform', 'Sender', 'T+'])).toEqual({
      time: 5,
      persona: 4,
      channel: 3,
      account: 2,
      text: 1,
      action: 0,
    });
  });

  it('finds them from Russian header names', () => {
    expect(detectMapping(RU_HEADERS)).toEqual({ time: 0, persona: 1, channel: 2, account: 3, text: 4, action: 5 });
    expect(detectMapping(['Т+', 'От кого', 'Платформа', 'Кому', 'Сообщение', 'Действие'])).toEqual({
      time: 0,
      persona: 1,
      channel: 2,
      account: 3,
      text: 4,
      action: 5,
    });
  });

  it('finds them from Ukrainian header names', () => {
    expect(detectMapping(['Час', 'Від кого', 'Канал', 'Акаунт', 'Текст', 'Очікувана дія'])).toEqual({
      time: 0,
      persona: 1,
      channel: 2,
      account: 3,
      text: 4,
      action: 5,
    });
  });

  it('matches a header that contains a known name, and gives each column to one field only', () => {
    expect(detectMapping(['#', 'Message text', 'Notes', 'Time of inject'])).toMatchObject({ text: 1, time: 3, persona: null, action: null });
    const mapping = detectMapping(['Text', 'Text']);
    expect(mapping.text).toBe(0);
    expect(Object.values(mapping).filter((column) => column === 1)).toHaveLength(0);
  });

  it('remembers mappings by header signature, bounded, and trusts only well-formed ones', () => {
    expect(headerSignature(['Time (T+)', ' From '])).toBe(headerSignature(['time', 'FROM']));
    const mapping = detectMapping(EN_HEADERS);
    expect(isMelMapping(mapping, 6)).toBe(true);
    expect(isMelMapping(mapping, 5)).toBe(false);
    expect(isMelMapping({ ...mapping, text: 0 })).toBe(false);
    expect(isMelMapping({ ...mapping, extra: 1 })).toBe(false);
    let remembered = {};
    for (let index = 0; index < REMEMBERED_MAPPINGS_MAX + 5; index += 1) remembered = rememberMapping(remembered, `sheet-${index}`, mapping);
    expect(Object.keys(remembered)).toHaveLength(REMEMBERED_MAPPINGS_MAX);
    expect(Object.keys(remembered)[0]).toBe('sheet-5');
    expect(isRememberedMappings(remembered)).toBe(true);
    expect(isRememberedMappings({ a: { ...mapping, time: -1 } })).toBe(false);
  });
});

describe('reading cells', () => {
  it.each([
    ['0:05', 5],
    ['00:05', 5],
    ['5', 5],
    ['T+0:05', 5],
    ['t+5', 5],
    ['Т+1:30', 90],
    ['+0:05', 5],
    ['0:05:00', 5],
    ['1h05', 65],
    ['12 min', 12],
    ['0.45', 45],
  ])('reads the time %s as %i minutes', (cell, minutes) => {
    expect(readTime(cell, null)).toEqual({ minutes });
  });

  it('reads spreadsheet times and date-times', () => {
    expect(readTime({ serial: 5 / 1440 }, null)).toEqual({ minutes: 5 });
    expect(readTime({ serial: 0.0034722222 }, null)).toEqual({ minutes: 5 });
    // 24 June 2026 10:05, in a column that starts at 10:00 that day.
    const start = 46197 + 600 / 1440;
    expect(readTime({ serial: 46197 + 605 / 1440 }, start)).toEqual({ minutes: 5 });
    expect(readTime(7, null)).toEqual({ minutes: 7 });
  });

  it.each([
    ['soon', 'time-unreadable'],
    ['0:75', 'time-unreadable'],
    ['0:05:30', 'time-seconds'],
    ['120:00', 'time-unreadable'],
    ['9999', 'time-too-late'],
  ])('refuses the time %s (%s)', (cell, problem) => {
    expect(readTime(cell, null)).toEqual({ problem });
  });
  it('shows spreadsheet times and date-times as the spreadsheet does', () => {
    expect(cellText({ serial: 5 / 1440 })).toBe('0:05');
    expect(cellText({ serial: 20.5 / 1440 })).toBe('0:20:30');
    expect(cellText({ serial: 46197 + 605 / 1440 })).toBe('2026-06-24 10:05');
    expect(cellText({ serial: 46197 + 65 / 1440 })).toBe('2026-06-24 01:05');
    expect(cellText(' 5 ')).toBe('5');
  });

  it('refuses a fractional number of minutes and an empty time', () => {
    expect(readTime(2.5, null)).toEqual({ problem: 'time-unreadable' });
    expect(readTime(null, null)).toEqual({ problem: 'time-unreadable' });
    expect(readTime({ serial: 30.5 / 1440 }, null)).toEqual({ problem: 'time-seconds' });
  });

  it('reads channels as inject types, platforms or both', () => {
    expect(readChannel('DM')).toEqual({ type: 'direct-message', platform: null });
    expect(readChannel('Twitter')).toEqual({ type: 'post', platform: 'x' });
    expect(readChannel('Telegram DM')).toEqual({ type: 'direct-message', platform: 'telegram' });
    expect(readChannel('reply x')).toEqual({ type: 'reply', platform: 'x' });
    expect(readChannel('новость')).toEqual({ type: 'news', platform: null });
    expect(readChannel('новина')).toEqual({ type: 'news', platform: null });
    expect(readChannel('Фейсбук допис')).toEqual({ type: 'post', platform: 'facebook' });
    expect(readChannel('ПП')).toEqual({ type: 'direct-message', platform: null });
    expect(readChannel('доручення Центру')).toEqual({ type: 'hq-request', platform: null });
    expect(readChannel('hq-request')).toEqual({ type: 'hq-request', platform: null });
    // The names the validator knows for a platform (core/pack/hints.ts) read as that platform.
    expect(readChannel('VKontakte')).toEqual({ type: 'post', platform: 'vk' });
    expect(readChannel('bsky reply')).toEqual({ type: 'reply', platform: 'bluesky' });
    expect(readChannel('YouTube.com')).toEqual({ type: 'post', platform: 'youtube' });
    expect(readChannel(null)).toEqual({ type: 'post', platform: null });
    const unknown = readChannel('facebok');
    expect(unknown).toMatchObject({ problem: 'channel-unknown' });
    expect('suggestions' in unknown && unknown.suggestions[0]).toBe('facebook');
  });

  it.each([
    ['Reply within 40 minutes', 'reply'],
    ['Post a clarification', 'post'],
    ['DM back with a comment', 'direct-message'],
    ['Answer by private message', 'direct-message'],
    ['Write a thread', 'thread'],
    ['Notify citizens by SMS', 'mass-notification'],
    ['Ответить в течение 40 минут', 'reply'],
    ['Опубликовать разъяснение', 'post'],
    ['Ответить в личные сообщения', 'direct-message'],
    ['Рассылка гражданам', 'mass-notification'],
    ['none', null],
    ['No response needed', null],
    ['-', null],
    ['принять к сведению', null],
    ['Відповісти протягом 40 хвилин', 'reply'],
    ['Опублікувати роз’яснення', 'post'],
    ['Відповісти в особисті повідомлення', 'direct-message'],
    ['Написати тред', 'thread'],
    ['Розсилка громадянам', 'mass-notification'],
    ['взяти до відома', null],
    ['', null],
  ])('reads the expected action "%s" as %s', (cell, kind) => {
    expect(readAction(cell)).toEqual({ kind });
  });

  it('refuses an action it cannot read, listing the kinds', () => {
    expect(readAction('Dance')).toEqual({
      problem: 'action-unknown',
      suggestions: ['post', 'reply', 'thread', 'direct-message', 'mass-notification', 'moderation', 'report', 'none'],
    });
  });

  it('makes ids from Latin and Cyrillic names', () => {
    expect(slugify('Coastline Kai')).toBe('coastline-kai');
    expect(slugify('Бертиль Равн')).toBe('bertil-ravn');
    expect(slugify('Міра Холт')).toBe('mira-kholt');
    expect(slugify('!!!')).toBe('');
  });
});

describe('the plan', () => {
  const target = melTargetOf(quotaRowDocument(), SCENARIO_FILE);

  it('reads what the scenario has', () => {
    expect(scenarioFilesOf(quotaRowDocument())).toEqual([SCENARIO_FILE]);
    expect(target.languages).toEqual(['en', 'ru']);
    expect(target.accounts.map((account) => `${account.id}:${account.platform}`)).toEqual(['embassy-x:x', 'embassy-fb:facebook']);
    expect(target.personas.map((persona) => persona.id)).toEqual(['hq-press', 'mp-ravn']);
    expect([...target.takenIds]).toEqual(['hq-press', 'mp-ravn', 'mp-ravn-000']);
  });

  it('plans injects, personas and tasks from the good rows and lists every bad one with why', () => {
    const plan = planMelImport(EN_ROWS, target, options());
    expect(plan.rows).toBe(10);
    expect(plan.missingLanguages).toEqual(['ru']);
    expect(plan.injects.map(({ id, at, type, persona, account, row }) => ({ id, at, type, persona, account, row }))).toEqual([
      // mp-ravn-000 is taken by the scenario's own inject at 0:00.
      { id: 'mp-ravn-000-2', at: '0:00', type: 'post', persona: 'mp-ravn', account: 'embassy-x', row: 2 },
      { id: 'hq-press-005', at: '0:05', type: 'hq-request', persona: 'hq-press', account: 'embassy-x', row: 3 },
      { id: 'coastline-kai-012', at: '0:12', type: 'post', persona: 'coastline-kai', account: 'embassy-x', row: 4 },
      { id: 'lise-amundal-015', at: '0:15', type: 'direct-message', persona: 'lise-amundal', account: 'embassy-fb', row: 5 },
      { id: 'coastline-kai-020', at: '0:20', type: 'post', persona: 'coastline-kai', account: 'embassy-fb', row: 6 },
    ]);
    expect(plan.injects[0]!.text).toEqual({ en: 'Azuria has slashed the quota for our boats, from Monday.' });
    expect(plan.personas).toEqual([
      { id: 'coastline-kai', name: { en: 'Coastline Kai' }, handle: '@coastline_kai', role: 'citizen', verified: false, row: 4 },
      { id: 'lise-amundal', name: { en: 'Lise Amundal' }, handle: '@lise_amundal', role: 'citizen', verified: false, row: 5 },
    ]);
    expect(plan.tasks).toEqual([
      {
        id: 'reply-mp-ravn-000',
        kind: 'reply',
        account: 'embassy-x',
        replyTo: 'mp-ravn-000-2',
        opensAt: '0:00',
        due: '0:30',
        title: { en: 'Reply to Bertil Ravn MP' },
        brief: { en: 'Reply within 40 minutes: correct the figure' },
        passMark: { tone: 70, policy: 70, platform: 70 },
        modelAnswer: {},
        row: 2,
      },
      expect.objectContaining({
        id: 'direct-message-lise-amundal-015',
        kind: 'direct-message',
        recipient: 'lise-amundal',
        opensAt: '0:15',
        due: '0:45',
        row: 5,
      }),
      expect.objectContaining({ id: 'post-coastline-kai-020', kind: 'post', account: 'embassy-fb', title: { en: 'Post after Coastline Kai' }, row: 6 }),
    ]);
    expect(plan.problems).toEqual([
      { row: 7, field: 'time', value: 'soon', code: 'time-unreadable', suggestions: [] },
      { row: 8, field: 'channel', value: 'Tiktok', code: 'channel-unknown', suggestions: expect.any(Array) },
      { row: 9, field: 'account', value: 'embassy-tg', code: 'account-unknown', suggestions: ['embassy-fb', 'embassy-x'] },
      { row: 10, field: 'text', value: '', code: 'text-empty', suggestions: [] },
      { row: 11, field: 'account', value: '', code: 'account-missing', suggestions: ['embassy-x', 'embassy-fb'] },
      { row: 11, field: 'persona', value: '', code: 'persona-empty', suggestions: [] },
    ]);
  });

  it('gives the same ids every time (idempotent) and none an existing id', () => {
    const first = planMelImport(EN_ROWS, target, options());
    const second = planMelImport(EN_ROWS, target, options());
    expect(second).toEqual(first);
    const all = [...first.injects, ...first.tasks, ...first.personas].map((item) => item.id);
    expect(new Set(all).size).toBe(all.length);
    for (const id of target.takenIds) expect(all).not.toContain(id);
  });

  it("says when the scenario has no account on the channel's platform, or none at all", () => {
    const rows: MelCell[][] = [EN_HEADERS, ['0:05', 'Coastline Kai', 'Telegram', null, 'Hello', 'none']];
    expect(planMelImport(rows, target, options()).problems).toEqual([
      { row: 2, field: 'account', value: '', code: 'account-platform', suggestions: ['embassy-x', 'embassy-fb'] },
    ]);
    expect(planMelImport(rows, { ...target, accounts: [] }, options()).problems).toEqual([
      { row: 2, field: 'account', value: '', code: 'account-none', suggestions: [] },
    ]);
    // An account named that matches nothing near: every account is offered.
    const named: MelCell[][] = [EN_HEADERS, ['0:05', 'Coastline Kai', 'post', 'the ministry', 'Hello', 'none']];
    expect(planMelImport(named, target, options()).problems[0]).toMatchObject({ code: 'account-unknown', suggestions: ['embassy-x', 'embassy-fb'] });
  });

  it('says which column is missing from the mapping for every row', () => {
    const plan = planMelImport(EN_ROWS.slice(0, 3), target, options({ mapping: { ...detectMapping(EN_HEADERS), text: null } }));
    expect(plan.injects).toEqual([]);
    expect(plan.problems.map(({ row, code }) => `${row}:${code}`)).toEqual(['2:text-missing', '3:text-missing']);
  });

  it('imports Russian texts as Russian, English then missing', () => {
    const rows: MelCell[][] = [RU_HEADERS, ['0:00', 'Бертиль Равн', 'пост', 'embassy-x', 'Азурия урезала квоту.', 'Ответить в течение 40 минут']];
    const plan = planMelImport(rows, target, options({ language: 'ru', mapping: detectMapping(RU_HEADERS) }));
    expect(plan.missingLanguages).toEqual(['en']);
    expect(plan.injects[0]).toMatchObject({ persona: 'mp-ravn', text: { ru: 'Азурия урезала квоту.' } });
    expect(plan.tasks[0]).toMatchObject({ kind: 'reply', title: { ru: 'Reply to Бертиль Равн' }, brief: { ru: 'Ответить в течение 40 минут' } });
  });

  it('counts date-times from the earliest in the column and chooses the role from the channel', () => {
    const day = 46197;
    const rows: MelCell[][] = [
      EN_HEADERS,
      [{ serial: day + 620 / 1440 }, 'Nordposten', 'news', 'embassy-fb', 'A story.', null],
      [{ serial: day + 600 / 1440 }, 'Trending', 'trend', 'embassy-x', '#HandsOffOurFish', null],
    ];
    const plan = planMelImport(rows, target, options());
    expect(plan.injects.map((inject) => inject.at)).toEqual(['0:20', '0:00']);
    expect(plan.personas.map((persona) => persona.role)).toEqual(['media', 'media']);
    expect(plan.tasks).toEqual([]);
  });

  it('applies as one batch edit: personas, injects and tasks in the scenario file, comments kept', () => {
    const doc = quotaRowDocument();
    const plan = planMelImport(EN_ROWS, target, options());
    const edit = melEdit(plan, doc, SCENARIO_FILE);
    expect(edit.kind).toBe('batch');
    const after = applyEdit(doc, edit);
    expect(after.texts.get(SCENARIO_FILE)).toContain('# The quota row, before the events list is imported.');
    expect((readAt(after, SCENARIO_FILE, ['timeline']) as unknown[]).length).toBe(1 + plan.injects.length);
    expect(readAt(after, SCENARIO_FILE, ['tasks', 0])).toEqual(withoutRow(plan.tasks[0]!));
    expect(readAt(after, SCENARIO_FILE, ['personas', 1, 'id'])).toBe('coastline-kai');
    expect(readAt(after, SCENARIO_FILE, ['tasks', 0, 'row'])).toBeUndefined();
    expect(() => melEdit(plan, { texts: new Map([[SCENARIO_FILE, 'timeline: [']]), media: new Map() }, SCENARIO_FILE)).toThrow(DocumentEditError);

    // Imported again into the changed scenario: nothing clashes with what the first import added.
    const again = planMelImport(EN_ROWS, melTargetOf(after, SCENARIO_FILE), options());
    expect(again.personas).toEqual([]);
    expect(again.injects.map((inject) => inject.id)).toContain('coastline-kai-012-2');
    expect(again.tasks.map((task) => task.id)).toContain('reply-mp-ravn-000-2');
  });

  it('plans 1,000 rows with work linear in the rows', () => {
    const personas = ['Coastline Kai', '@BertilRavnMP', 'MFA Press Department', 'Lise Amundal'];
    const rows: MelCell[][] = [EN_HEADERS];
    for (let index = 0; index < 1_000; index += 1)
      rows.push([
        `${Math.floor(index / 60) % 10}:${String(index % 60).padStart(2, '0')}`,
        personas[index % 4]!,
        'X',
        null,
        `Event ${index}`,
        index % 3 === 0 ? 'Reply' : 'none',
      ]);
    let cellsRead = 0;
    const counted = rows.map(
      (row) =>
        new Proxy(row, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) cellsRead += 1;
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
    );
    const plan = planMelImport(counted, target, options());
    expect(plan.injects).toHaveLength(1_000);
    expect(plan.tasks).toHaveLength(334);
    expect(plan.problems).toEqual([]);
    const after = applyEdit(quotaRowDocument(), melEdit(plan, quotaRowDocument(), SCENARIO_FILE));
    expect((readAt(after, SCENARIO_FILE, ['timeline']) as unknown[]).length).toBe(1_001);
    // Each cell a few times at most (the time column twice: once to find the start).
    expect(cellsRead).toBeLessThanOrEqual(1_001 * EN_HEADERS.length * 3);
  });

  it('hands out a thousand ids of one base in a thousand probes', () => {
    const allocator = new IdAllocator(['event']);
    const ids = Array.from({ length: 1_000 }, () => allocator.allocate('event'));
    expect(ids[0]).toBe('event-2');
    expect(new Set(ids).size).toBe(1_000);
    expect(allocator.probes).toBeLessThanOrEqual(1_001);
  });
});

function withoutRow<T extends { row: number }>({ row: _row, ...rest }: T): Omit<T, 'row'> {
  return rest;
}

// Runtime: Node (Vitest, happy-dom, fake-indexeddb). Reading events lists from the fixture files (CSV
// in English and in Russian, XLSX with spreadsheet times) into the plan, and remembering mappings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_WINDOW, detectMapping, melTargetOf, planMelImport } from '../core/studio/mel';
import { quotaRowDocument, SCENARIO_FILE } from '../core/studio/__fixtures__/mel/scenario';
import type { AttacheDatabase } from '../db/database';
import { createTestDatabase } from '../test/database';
import { decodeText, MEL_MAX_ROWS, MelReadError, readCsv, readEventsFile, readRememberedMapping, rememberMelMapping } from './mel';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../core/studio/__fixtures__/mel', name)));
const target = melTargetOf(quotaRowDocument(), SCENARIO_FILE);
const plan = (rows: Parameters<typeof planMelImport>[0], headers: string[], language = 'en') =>
  planMelImport(rows, target, {
    language,
    responseWindow: DEFAULT_RESPONSE_WINDOW,
    mapping: detectMapping(headers),
    taskTitle: (kind, persona) => `${kind} ${persona}`,
  });

describe('reading events lists', () => {
  it('reads the English CSV: quoted commas kept, empty cells null, every row planned or explained', async () => {
    const sheet = await readEventsFile('events-en.csv', fixture('events-en.csv'));
    expect(sheet.headers).toEqual(['Time (T+)', 'From', 'Channel', 'To', 'Message', 'Expected action']);
    expect(sheet.rows).toHaveLength(11);
    expect(sheet.rows[1]![4]).toBe('Azuria has slashed the quota for our boats, from Monday.');
    expect(sheet.rows[3]![3]).toBeNull();
    const result = plan(sheet.rows, sheet.headers);
    expect(result.injects).toHaveLength(5);
    expect(result.tasks.map((task) => task.kind)).toEqual(['reply', 'direct-message', 'post']);
    expect(result.problems.map((problem) => `${problem.row}:${problem.field}:${problem.code}`)).toEqual([
      '7:time:time-unreadable',
      '8:channel:channel-unknown',
      '9:account:account-unknown',
      '10:text:text-empty',
      '11:account:account-missing',
      '11:persona:persona-empty',
    ]);
  });

  it('reads the Russian CSV (semicolons, a BOM) and maps its Russian headers', async () => {
    const sheet = await readEventsFile('events-ru.csv', fixture('events-ru.csv'));
    expect(sheet.headers[0]).toBe('Время');
    expect(detectMapping(sheet.headers)).toEqual({ time: 0, persona: 1, channel: 2, account: 3, text: 4, action: 5 });
    const result = plan(sheet.rows, sheet.headers, 'ru');
    expect(result.problems).toEqual([]);
    expect(result.injects.map((inject) => `${inject.at} ${inject.type} ${inject.persona}`)).toEqual([
      '0:00 post mp-ravn',
      '0:10 hq-request hq-press',
      '0:25 news nordposten',
    ]);
    expect(result.personas).toEqual([expect.objectContaining({ id: 'nordposten', handle: '@nordposten', role: 'media', name: { ru: 'nordposten' } })]);
    expect(result.tasks.map((task) => task.kind)).toEqual(['reply', 'post']);
  });

  it('reads the first sheet of the XLSX, telling time cells from plain numbers', async () => {
    const sheet = await readEventsFile('events.xlsx', fixture('events.xlsx'));
    expect(sheet.headers).toEqual(['Время', 'Персона', 'Канал', 'Аккаунт', 'Текст', 'Ожидаемое действие']);
    expect(sheet.rows).toHaveLength(9);
    expect(sheet.rows[1]![0]).toEqual({ serial: 0 });
    expect(sheet.rows[3]![0]).toBe(12);
    const result = plan(sheet.rows, sheet.headers);
    expect(result.injects.map((inject) => `${inject.row} ${inject.at} ${inject.type}`)).toEqual([
      '2 0:00 post',
      '3 0:05 hq-request',
      '4 0:12 post',
      '5 0:15 direct-message',
    ]);
    expect(result.tasks.map((task) => `${task.row} ${task.kind}`)).toEqual(['2 reply', '5 direct-message']);
    expect(result.problems.map((problem) => `${problem.row}:${problem.field}:${problem.code}`)).toEqual([
      '6:time:time-seconds',
      '7:time:time-unreadable',
      '8:channel:channel-unknown',
      '9:text:text-empty',
    ]);
  });

  it('decodes a CSV Excel saved in Windows-1251', () => {
    const bytes = new Uint8Array([0xc2, 0xf0, 0xe5, 0xec, 0xff]); // "Время" in Windows-1251
    expect(decodeText(bytes)).toBe('Время');
  });

  it('refuses what it cannot read, saying why', async () => {
    await expect(readEventsFile('events.pdf', new Uint8Array([1]))).rejects.toMatchObject({ problem: 'unsupported' });
    expect(() => readCsv('empty.csv', new Uint8Array())).toThrow(MelReadError);
    const long = ['Time,Text', ...Array.from({ length: MEL_MAX_ROWS + 1 }, (_, index) => `${index},x`)].join('\n');
    expect(() => readCsv('long.csv', new TextEncoder().encode(long))).toThrow(expect.objectContaining({ problem: 'too-many-rows' }) as Error);
    await expect(readEventsFile('broken.xlsx', new TextEncoder().encode('not a workbook'))).rejects.toBeInstanceOf(MelReadError);
  });
});

describe('remembered mappings', () => {
  let db: AttacheDatabase;
  beforeEach(() => {
    db = createTestDatabase();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('remembers a mapping per header signature, and forgets none that do not fit', async () => {
    const headers = ['When', 'Who', 'Where', 'Words'];
    expect(await readRememberedMapping(db, headers)).toBeNull();
    const mapping = { time: 0, persona: 1, channel: 2, account: null, text: 3, action: null };
    await rememberMelMapping(db, headers, mapping);
    expect(await readRememberedMapping(db, ['when ', 'WHO', 'Where', 'Words'])).toEqual(mapping);
    expect(await readRememberedMapping(db, ['When', 'Who'])).toBeNull();
    await db.settings.put({ key: 'studioImportMappings', value: { broken: 1 } });
    expect(await readRememberedMapping(db, headers)).toBeNull();
  });
});

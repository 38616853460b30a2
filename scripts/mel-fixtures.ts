// Runtime: Node (scripts). Writes the XLSX fixture of the studio's spreadsheet import
// (renderer/src/core/studio/__fixtures__/mel/events.xlsx): a first sheet of events whose times are
// written the ways spreadsheets hold them — a time cell (a fraction of a day formatted h:mm), a plain
// number of minutes and text — with good
// and bad rows, and a second sheet the import must not read. Run: `node scripts/with-node.mjs tsx scripts/mel-fixtures.ts`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';

const OUT = resolve(import.meta.dirname, '../renderer/src/core/studio/__fixtures__/mel/events.xlsx');

type Cell = XLSX.CellObject;
const text = (value: string): Cell => ({ t: 's', v: value });
const time = (minutes: number): Cell => ({ t: 'n', v: minutes / 1440, z: 'h:mm' });
const number = (value: number): Cell => ({ t: 'n', v: value });

const rows: (Cell | null)[][] = [
  ['Время', 'Персона', 'Канал', 'Аккаунт', 'Текст', 'Ожидаемое действие'].map(text),
  [time(0), text('@BertilRavnMP'), text('X'), text('embassy-x'), text('Azuria has slashed the quota.'), text('Reply')],
  [time(5), text('MFA Press Department'), text('поручение'), text('embassy-x'), text('Agreed line.'), text('none')],
  [number(12), text('Coastline Kai'), text('Twitter'), null, text('Azuria just BANNED our boats.'), null],
  [text('T+0:15'), text('Lise Amundal'), text('ЛС'), text('embassy-fb'), text('A comment on the record?'), text('Ответить в личные сообщения')],
  [time(20.5), text('Coastline Kai'), text('Facebook'), null, text('Still waiting.'), text('none')],
  [text('later'), text('Someone'), text('X'), text('embassy-x'), text('Unreadable time.'), text('none')],
  [time(30), text('Someone'), text('Myspace'), text('embassy-x'), text('Unknown channel.'), text('none')],
  [time(35), text('Someone'), text('X'), text('embassy-x'), null, text('none')],
];
const sheet: XLSX.WorkSheet = {};
rows.forEach((row, r) =>
  row.forEach((cell, c) => {
    if (cell) sheet[XLSX.utils.encode_cell({ r, c })] = cell;
  }),
);
sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: 5 } });

// A second sheet: the import reads the first sheet only.
const notes = XLSX.utils.aoa_to_sheet([
  ['Time', 'Text'],
  ['0:00', 'Not read'],
]);

const workbook = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(workbook, sheet, 'Events');
XLSX.utils.book_append_sheet(workbook, notes, 'Notes');
const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
writeFileSync(OUT, bytes);
console.log(`Wrote ${OUT} (${bytes.byteLength} bytes).`);

// Runtime: Node (Vitest). `records export` over real progress files (played through the engine and
// signed): Moodle CSV and XML accepted by Moodle's import rules, the pre-flight stopping the export with
// exit 1 (or leaving out with --leave-out), the attempts as CSV and JSON, refused files and files that
// disagree named with exit 1, and bad usage (a missing or invalid --map, an unknown format) exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importMoodleCsv, importMoodleXml } from '../renderer/src/core/records/__fixtures__/moodle-import';
import { ATTEMPT_COLUMNS } from '../renderer/src/core/records/attempts-export';
import { buildProgressFile } from '../renderer/src/core/records/progress-file';
import { MINIMAL_PACK_DIR } from '../renderer/src/test/packs';
import { deviceKey, progressContent, trainee } from '../renderer/src/test/progress-files';
import { runRecordsExport } from './lib/records-export';

const folder = mkdtempSync(path.join(tmpdir(), 'attache-records-export-'));
const file = (name: string) => path.join(folder, name);
const anna = trainee('Anna');
const boris = trainee('Борис', { uid: 'trainee-boris', academyId: 'ACD-BORIS', email: 'boris@example.org' });
const chen = trainee('Chen', { academyId: null });
let files: string[];

beforeAll(async () => {
  const write = async (name: string, content: ReturnType<typeof progressContent>, device = deviceKey(name)) => {
    writeFileSync(file(name), await buildProgressFile(content, device.signer));
    return file(name);
  };
  files = [
    await write(
      'anna.attache-progress',
      progressContent(anna, [
        { uid: 'a-1', drafts: 'poor' },
        { uid: 'a-2', drafts: 'model', startedAt: Date.UTC(2026, 2, 3, 9) },
      ]),
    ),
    await write('boris.attache-progress', progressContent(boris, [{ uid: 'b-1', drafts: 'model' }])),
    await write('chen.attache-progress', progressContent(chen, [{ uid: 'c-1', drafts: 'model' }])),
  ];
  writeFileSync(file('map.json'), JSON.stringify({ items: { 'course:minimal/basics': 'ATT-BASICS' } }));
  writeFileSync(file('map-scenarios.json'), JSON.stringify({ level: 'scenario', feedback: true, items: { 'scenario:minimal/hotline': 'ATT-HOTLINE' } }));
}, 120_000);

afterEach(() => {
  vi.restoreAllMocks();
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    err.push(parts.join(' '));
  });
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    out.push(parts.join(' '));
  });
  const status = await runRecordsExport(args, () => Date.UTC(2026, 3, 1, 12));
  vi.restoreAllMocks();
  return { status, stdout: out.join(''), stderr: err.join('\n') };
}

const site = {
  users: [
    { id: 1, idnumber: 'ACD-ANNA', email: 'anna@example.org', username: 'anna' },
    { id: 2, idnumber: 'ACD-BORIS', email: 'boris@example.org', username: 'boris' },
  ],
  gradeItems: [
    { id: 10, idnumber: 'ATT-BASICS', itemname: 'Basics' },
    { id: 11, idnumber: 'ATT-HOTLINE', itemname: 'Hotline' },
  ],
};

describe('records export --format moodle-csv', { timeout: 60_000 }, () => {
  it('stops with exit 1 and writes nothing when a trainee lacks the academy ID, naming them', async () => {
    const result = await run(['--format', 'moodle-csv', '--map', file('map.json'), '--pack', MINIMAL_PACK_DIR, '--out', file('blocked.csv'), ...files]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Chen (trainee-chen) has no academy ID.');
    expect(result.stderr).toContain('--leave-out');
    expect(() => readFileSync(file('blocked.csv'))).toThrow();
  });

  it('with --leave-out writes the rest, a file Moodle’s CSV import accepts', async () => {
    const result = await run([
      '--format',
      'moodle-csv',
      '--map',
      file('map.json'),
      '--pack',
      MINIMAL_PACK_DIR,
      '--leave-out',
      '--out',
      file('grades.csv'),
      ...files,
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Left out (--leave-out):\n  Chen (trainee-chen) has no academy ID.');
    expect(result.stderr).toContain('2 trainee(s), 1 grade item(s), 2 grade(s) matched by academy ID');
    const csv = readFileSync(file('grades.csv'), 'utf8');
    const [header, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(header).toEqual(['ID number', 'Basics [ATT-BASICS]']);
    expect(rows.map((row) => row[0]).sort()).toEqual(['ACD-ANNA', 'ACD-BORIS']);
    const imported = importMoodleCsv(csv, site, { mapfrom: 0, mapto: 'useridnumber', columns: { 1: '10' } });
    expect(imported.ok).toBe(true);
    if (imported.ok) expect(imported.grades.every((grade) => grade.itemId === 10 && typeof grade.finalgrade === 'number')).toBe(true);
  });

  it('refuses --format moodle-csv without --map, and an invalid map file, with exit 2', async () => {
    const noMap = await run(['--format', 'moodle-csv', '--pack', MINIMAL_PACK_DIR, ...files]);
    expect(noMap.status).toBe(2);
    expect(noMap.stderr).toContain('needs --map FILE');
    writeFileSync(file('bad-map.json'), JSON.stringify({ level: 'week', items: { basics: 'X' } }));
    const badMap = await run(['--format', 'moodle-csv', '--map', file('bad-map.json'), ...files]);
    expect(badMap.status).toBe(2);
    expect(badMap.stderr).toContain('is not valid');
    expect(badMap.stderr).toContain('level');
    expect(badMap.stderr).toContain('course:PACK/COURSE');
  });
});

describe('records export --format moodle-xml', { timeout: 60_000 }, () => {
  it('writes to standard output an XML that Moodle’s XML import accepts, one result per trainee and scenario', async () => {
    const result = await run(['--format', 'moodle-xml', '--map', file('map-scenarios.json'), '--pack', MINIMAL_PACK_DIR, '--leave-out', ...files]);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const imported = importMoodleXml(result.stdout, site);
    expect(imported).toMatchObject({ ok: true });
    if (imported.ok) {
      expect(imported.grades.map((grade) => grade.userId).sort()).toEqual([1, 2]);
      expect(imported.feedback.map((entry) => entry.feedback)).toContainEqual(
        expect.stringMatching(/^Passed on 2026-03-\d\d; best score [\d.]+ in \d attempts?\.$/),
      );
    }
  });
});

describe('records export --format csv|json', { timeout: 60_000 }, () => {
  it('writes every attempt of every file, with the documented columns', async () => {
    const csv = await run(['--format', 'csv', '--pack', MINIMAL_PACK_DIR, ...files]);
    expect(csv.status).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(csv.stdout, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...ATTEMPT_COLUMNS]);
    expect(parsed.data.map((row) => row.attempt_uid).sort()).toEqual(['a-1', 'a-2', 'b-1', 'c-1']);
    expect(parsed.data.find((row) => row.attempt_uid === 'b-1')).toMatchObject({
      trainee_name: 'Борис',
      academy_id: 'ACD-BORIS',
      pack_id: 'minimal',
      scenario_id: 'hotline',
    });

    const json = await run(['--format', 'json', ...files, '--out', file('attempts.json')]);
    expect(json.status).toBe(0);
    const document = JSON.parse(readFileSync(file('attempts.json'), 'utf8')) as { attempts: unknown[]; exportedAt: string };
    expect(document.attempts).toHaveLength(4);
    expect(document.exportedAt).toBe('2026-04-01T12:00:00Z');
  });

  it('counts the same file given twice once', async () => {
    const result = await run(['--format', 'json', ...files, files[0]!]);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { attempts: unknown[] }).attempts).toHaveLength(4);
  });
});

describe('records export refuses bad files', { timeout: 60_000 }, () => {
  it('names each refused file and why, exit 1, nothing written', async () => {
    const bytes = readFileSync(files[1]!);
    bytes[bytes.length - 30] = bytes[bytes.length - 30]! ^ 0xff;
    writeFileSync(file('tampered.attache-progress'), bytes);
    writeFileSync(file('not-a-file.attache-progress'), 'hello');
    const result = await run([
      '--format',
      'csv',
      files[0]!,
      file('tampered.attache-progress'),
      file('not-a-file.attache-progress'),
      file('missing.attache-progress'),
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file('tampered.attache-progress')}: `);
    expect(result.stderr).toContain(`${file('not-a-file.attache-progress')}: `);
    expect(result.stderr).toContain(`${file('missing.attache-progress')}: cannot be read`);
    expect(result.stderr).not.toContain(`${files[0]!}:`);
  });

  it('refuses two files that disagree about one attempt', async () => {
    const other = progressContent(anna, [{ uid: 'a-1', drafts: 'model' }], Date.UTC(2026, 2, 25));
    writeFileSync(file('anna-again.attache-progress'), await buildProgressFile(other, deviceKey('anna').signer));
    const result = await run(['--format', 'json', files[0]!, file('anna-again.attache-progress')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('attempt a-1 differs from the one in');
  });

  it('explains an unknown format or no files with the usage, exit 2', async () => {
    expect((await run(['--format', 'pdf', ...files])).status).toBe(2);
    const none = await run(['--format', 'csv']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage: npm run records -- export');
  });
});

describe('npm run records -- export', { timeout: 120_000 }, () => {
  it('is a command of the records tool: its help, a written file (exit 0), and a pre-flight stop (exit 1)', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const records = (args: string[]) => spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'records.ts'), ...args], { cwd: root, encoding: 'utf8' });
    expect(records(['--help']).stdout).toMatch(/^ {2}export {3}Moodle gradebook CSV or XML/m);
    const written = records([
      'export',
      '--format',
      'moodle-csv',
      '--map',
      file('map.json'),
      '--pack',
      MINIMAL_PACK_DIR,
      '--leave-out',
      '--out',
      file('cli.csv'),
      ...files,
    ]);
    expect(written.status).toBe(0);
    expect(readFileSync(file('cli.csv'), 'utf8').split('\r\n')[0]).toBe('ID number,Basics [ATT-BASICS]');
    const stopped = records(['export', '--format', 'moodle-xml', '--map', file('map.json'), '--pack', MINIMAL_PACK_DIR, ...files]);
    expect(stopped.status).toBe(1);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr).toContain('Chen (trainee-chen) has no academy ID.');
  });
});

// Runtime: Node (tests only). The loader's checks of live streams and moderation tasks, and of
// offsets that carry seconds.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder, withEdit } from '../../test/packs';
import type { PackFiles } from './archive';
import { formatDiagnostic } from './diagnostics';
import { loadPack } from './load';
import { formatOffset, offsetMinutes } from './schema';

const DIR = path.resolve(import.meta.dirname, '..', 'engine', '__fixtures__', 'live');
const SCENARIO = 'scenarios/reception-stream.yaml';
const fixture = readFolder(DIR);
const problems = (files: PackFiles) => loadPack(files, { appVersion: '0.1.0' }).diagnostics.map(formatDiagnostic);
const edit = (from: string | RegExp, to: string) => problems(withEdit(fixture, SCENARIO, (text) => text.replace(from, to)));

describe('offsets with seconds', () => {
  it('read as fractions of a minute, and print seconds only when there are any', () => {
    expect(offsetMinutes('0:10:45')).toBe(10.75);
    expect(offsetMinutes('1:30')).toBe(90);
    expect(offsetMinutes('0:00:20')).toBeCloseTo(1 / 3, 10);
    expect(formatOffset(10.75)).toBe('0:10:45');
    expect(formatOffset(1 / 3)).toBe('0:00:20');
    expect(formatOffset(75)).toBe('1:15');
    expect(formatOffset(12, { seconds: 'always' })).toBe('0:12:00');
    for (const text of ['0:00:01', '0:59:59', '2:05:30', '0:07']) expect(formatOffset(offsetMinutes(text))).toBe(text);
  });

  it('are refused when malformed, with the form named', () => {
    const found = edit('after: "0:00:45"', 'after: "0:00:75"');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/"H:MM:SS"/);
  });
});

describe('live streams in a pack', () => {
  it('the fixture is valid and carries its stream', () => {
    const { pack, diagnostics } = loadPack(fixture, { appVersion: '0.1.0' });
    expect(diagnostics).toEqual([]);
    const scenario = pack!.scenarios[0]!;
    const live = scenario.timeline.find((inject) => inject.type === 'live')!.live!;
    expect(live.comments.map((comment) => comment.nature)).toEqual(['praise', 'question', 'abuse', 'spam', 'criticism', 'off-topic']);
    expect(scenario.tasks[0]).toMatchObject({ kind: 'moderation', stream: 'reception' });
  });

  it('a live inject needs its live block, and only a live inject has one', () => {
    // Without its block the stream has no comments either: the task's stream and the reply's comment are named too.
    expect(edit(/ {4}live:\n(?: {6}.*\n| {8}.*\n)+/, '')).toEqual([
      expect.stringMatching(/timeline\[1\]\.type.*needs a "live" block.*add live:/),
      expect.stringMatching(/tasks\[0\]\.stream/),
      expect.stringMatching(/tasks\[1\]\.replyTo/),
    ]);
    const found = edit('type: live', 'type: post');
    expect(found).toEqual(
      expect.arrayContaining([expect.stringMatching(/timeline\[1\]\.live.*only a live inject has a "live" block; this one is a "post".*make it type: live/)]),
    );
  });

  it('comment ids are unique among injects and comments', () => {
    expect(edit('id: c-spam', 'id: c-abuse')).toEqual([expect.stringMatching(/comments\[3\]\.id.*already has the id "c-abuse"/)]);
    expect(edit('id: c-spam', 'id: announcement')).toEqual([expect.stringMatching(/comments\[3\]\.id.*already has the id "announcement"/)]);
  });

  it('comments and viewer counts fall within the stream, viewers in order', () => {
    expect(edit('after: "0:09"', 'after: "0:11"')).toEqual([expect.stringMatching(/comments\[5\]\.after.*after the stream ends \(its length is 0:10\)/)]);
    expect(edit('{ after: "0:05", count: 640 }', '{ after: "0:12", count: 640 }')).toEqual(
      expect.arrayContaining([expect.stringMatching(/viewers\[1\]\.after.*after the stream ends/), expect.stringMatching(/viewers\[2\]\.after.*out of order/)]),
    );
    expect(edit('length: "0:10"', 'length: "0:35"')).toEqual([expect.stringMatching(/live\.length.*runs past the scenario's end/)]);
  });

  it('an unknown commenter is named with the persona probably meant', () => {
    expect(edit('persona: troll-max', 'persona: troll-maks')).toEqual([expect.stringMatching(/comments\[2\]\.persona.*no persona has the id "troll-maks"/)]);
  });

  it('a moderation task names a live stream, and only a moderation task has a stream', () => {
    expect(edit('stream: reception', 'stream: recepton')).toEqual([
      expect.stringMatching(/tasks\[0\]\.stream.*no live inject has the id "recepton".*reception/),
    ]);
    expect(edit('stream: reception', 'stream: announcement')).toEqual([expect.stringMatching(/tasks\[0\]\.stream.*no live inject has the id "announcement"/)]);
    expect(edit('    stream: reception\n', '')).toEqual([expect.stringMatching(/tasks\[0\]\.kind.*needs "stream".*add stream:/)]);
    expect(edit('replyTo: c-question\n', 'replyTo: c-question\n    stream: reception\n')).toEqual([
      expect.stringMatching(/tasks\[1\]\.stream.*only a moderation task has a "stream"; this one is a "reply"/),
    ]);
  });

  it('a reply task may answer a live comment, and a wrong one is named with the comment meant', () => {
    expect(edit('replyTo: c-question', 'replyTo: c-questoin')).toEqual([
      expect.stringMatching(/tasks\[1\]\.replyTo.*no inject or live comment has the id "c-questoin".*c-question/),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { lineOf, MINIMAL_PACK_DIR, readFolder, withEdit } from '../../test/packs';
import type { PackFiles } from './archive';
import type { Diagnostic } from './diagnostics';
import { formatDiagnostic } from './diagnostics';
import { loadPack } from './load';

const minimal = readFolder(MINIMAL_PACK_DIR);
const SCENARIO = 'scenarios/hotline.yaml';
const load = (files: PackFiles, appVersion = '0.1.0') => loadPack(files, { appVersion });
const errors = (files: PackFiles) => load(files).diagnostics.filter((d) => d.severity === 'error');

function expectError(files: PackFiles, expected: Omit<Partial<Diagnostic>, 'message'> & { message: RegExp }): Diagnostic {
  const found = errors(files);
  const match = found.find(
    (d) =>
      expected.message.test(d.message) &&
      (expected.file === undefined || d.file === expected.file) &&
      (expected.line === undefined || d.line === expected.line) &&
      (expected.path === undefined || d.path === expected.path),
  );
  if (!match)
    throw new Error(`expected ${JSON.stringify({ ...expected, message: String(expected.message) })} among:\n${found.map(formatDiagnostic).join('\n')}`);
  return match;
}

describe('loadPack on a valid pack', () => {
  it('returns the pack and no diagnostics', () => {
    const { pack, diagnostics } = load(minimal);
    expect(diagnostics).toEqual([]);
    expect(pack?.manifest.id).toBe('minimal');
    expect(pack?.scenarios.map((s) => s.id)).toEqual(['hotline']);
    expect(pack?.courses[0]?.scenarios).toEqual(['hotline']);
  });

  it('fills defaults the author may leave out', () => {
    const scenario = load(minimal).pack!.scenarios[0]!;
    expect(scenario.policy.redLines).toEqual([]);
    expect(scenario.tasks[0]!.calibration).toEqual([]);
    expect(scenario.tasks[0]!.requires.hashtags).toEqual([]);
  });
});

describe('loadPack reports each problem at its line', () => {
  it('malformed YAML', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('duration: "1:00"', 'duration: "1:00'));
    const problem = expectError(files, { file: SCENARIO, message: /./ });
    expect(problem.line).toBeGreaterThan(0);
    expect(load(files).pack).toBeNull();
  });

  it('a wrong type, in plain words', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('followers: 12000', 'followers: many'));
    expectError(files, {
      file: SCENARIO,
      line: lineOf(files, SCENARIO, 'followers: many'),
      path: 'accounts[0].audience.followers',
      message: /expected a number, found the text "many"/,
    });
  });

  it('an unknown field, with the name it probably meant', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('    platform: x', '    platfrom: x'));
    const problem = expectError(files, { line: lineOf(files, SCENARIO, 'platfrom'), message: /unknown field "platfrom"/ });
    expect(problem.hint).toBe('did you mean "platform"?');
  });

  it('a value outside its set, with the nearest one', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('kind: post', 'kind: posst'));
    const problem = expectError(files, { line: lineOf(files, SCENARIO, 'kind: posst'), path: 'tasks[0].kind', message: /must be one of/ });
    expect(problem.hint).toBe('did you mean "post"?');
  });

  it('a missing required field', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('    due: "0:30"\n', ''));
    expectError(files, { path: 'tasks[0].due', message: /missing required field "due"/ });
  });

  it('a dangling persona reference, listing the known ones', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('persona: reporter', 'persona: reportr'));
    const problem = expectError(files, {
      line: lineOf(files, SCENARIO, 'persona: reportr'),
      path: 'timeline[0].persona',
      message: /no persona has the id "reportr"/,
    });
    expect(problem.hint).toContain('reporter');
  });

  it('dangling account, fact, key message and inject references', () => {
    const files = withEdit(minimal, SCENARIO, (t) =>
      t
        .replace('    account: embassy-x\n    opensAt', '    account: embassy-y\n    opensAt')
        .replace('facts: [hotline]', 'facts: [hotlines]')
        .replace('keyMessages: [stay-calm]', 'keyMessages: [keep-calm]')
        .replace('    opensAt: "0:05"', '    replyTo: nothing\n    opensAt: "0:05"'),
    );
    expectError(files, { path: 'tasks[0].account', line: lineOf(files, SCENARIO, 'account: embassy-y'), message: /no account has the id "embassy-y"/ });
    expectError(files, { path: 'tasks[0].requires.facts[0]', message: /no fact has the id "hotlines"/ });
    expectError(files, { path: 'tasks[0].requires.keyMessages[0]', message: /no key message has the id "keep-calm"/ });
    // A task may answer a live stream's comment as well as an inject since live streams came: the message names both.
    expectError(files, {
      path: 'tasks[0].replyTo',
      line: lineOf(files, SCENARIO, 'replyTo: nothing'),
      message: /no inject or live comment has the id "nothing"/,
    });
  });

  it('an audience reply tied to an inject, a task or a window that does not exist', () => {
    const tie = (fields: string) =>
      withEdit(minimal, SCENARIO, (t) =>
        t.replace('      - text: { en: Thank you!, ru: Спасибо! }', `      - text: { en: Thank you!, ru: Спасибо! }\n${fields}`),
      );
    const dangling = tie('        inject: questoin\n        task: publish-hotlin');
    const inject = expectError(dangling, {
      path: 'audience.replies.grateful[0].inject',
      line: lineOf(dangling, SCENARIO, 'inject: questoin'),
      message: /no inject has the id "questoin"/,
    });
    expect(inject.hint).toContain('question');
    const task = expectError(dangling, { path: 'audience.replies.grateful[0].task', message: /no task has the id "publish-hotlin"/ });
    expect(task.hint).toContain('publish-hotline');

    const late = tie('        from: "2:00"');
    expectError(late, { path: 'audience.replies.grateful[0].from', message: /2:00 is after the scenario ends \(1:00\)/ });
    const empty = tie('        from: "0:40"\n        until: "0:20"');
    const window = expectError(empty, { path: 'audience.replies.grateful[0].until', message: /never be said: until 0:20 comes before from 0:40/ });
    expect(window.hint).toBe('make until later than from, or remove one of them');
    const before = tie('        inject: question\n        until: "0:03"');
    expectError(before, { path: 'audience.replies.grateful[0].until', message: /its inject "question" arrives at 0:05, after until 0:03/ });

    expect(errors(tie('        inject: question\n        task: publish-hotline\n        from: "0:10"\n        until: "0:50"'))).toEqual([]);
  });

  it('a missing language in a scenario text', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('title: { en: Hotline, ru: Горячая линия }', 'title: { en: Hotline }'));
    const problem = expectError(files, { line: lineOf(files, SCENARIO, 'title: { en: Hotline }'), path: 'title.ru', message: /missing the "ru" text/ });
    expect(problem.hint).toContain('en, ru');
  });

  it('a missing language in the pack manifest', () => {
    const files = withEdit(minimal, 'pack.yaml', (t) => t.replace('  ru: Минимальный пакет\n', ''));
    expectError(files, { file: 'pack.yaml', path: 'title.ru', message: /missing the "ru" text/ });
  });

  it('a scenario language the pack does not declare', () => {
    const files = withEdit(minimal, SCENARIO, (t) =>
      t.replace('kind: crisis', 'kind: crisis\nlanguages: [en, ru, fr]').replace(/\{ en: ([^,}]+), ru: ([^}]+) \}/g, '{ en: $1, ru: $2, fr: $1 }'),
    );
    expectError(files, { path: 'languages[2]', message: /"fr" is not one of the pack's languages/ });
  });

  it('a model answer without the language of a fixed-language account', () => {
    const files = withEdit(minimal, SCENARIO, (t) =>
      t
        .replace('    audience:\n      followers', '    audienceLanguage: ru\n    audience:\n      followers')
        .replace(/ {6}ru: Сохраняйте спокойствие\. Горячая линия.*\n/, ''),
    );
    expectError(files, { path: 'tasks[0].modelAnswer', message: /no "ru" version/ });
  });

  it('duplicate ids', () => {
    const files = withEdit(minimal, SCENARIO, (t) =>
      t.replace('facts:\n', 'facts:\n  - id: hotline\n    type: number\n    label: { en: Count, ru: Число }\n    value: 3\n'),
    );
    expectError(files, { path: 'facts[1].id', line: lineOf(files, SCENARIO, '- id: hotline', 2), message: /another fact already has the id "hotline"/ });
  });

  it('duplicate keys in a mapping', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('kind: crisis', 'kind: crisis\nkind: outreach'));
    expectError(files, { file: SCENARIO, line: lineOf(files, SCENARIO, 'kind: outreach'), message: /unique|duplicate/i });
  });

  it('a timeline out of order and an inject after the end', () => {
    const files = withEdit(minimal, SCENARIO, (t) =>
      t.replace(
        'tasks:\n',
        '  - id: late\n    at: "1:30"\n    type: news\n    persona: reporter\n    account: embassy-x\n    text: { en: Late, ru: Поздно }\n  - id: early\n    at: "0:01"\n    type: news\n    persona: reporter\n    account: embassy-x\n    text: { en: Early, ru: Рано }\ntasks:\n',
      ),
    );
    expectError(files, { path: 'timeline[1].at', line: lineOf(files, SCENARIO, 'at: "1:30"'), message: /after the scenario ends/ });
    expectError(files, { path: 'timeline[2].at', line: lineOf(files, SCENARIO, 'at: "0:01"'), message: /out of order/ });
  });

  it('a deadline before the task opens, and after the end', () => {
    expectError(
      withEdit(minimal, SCENARIO, (t) => t.replace('due: "0:30"', 'due: "0:04"')),
      { path: 'tasks[0].due', message: /not after the task opens/ },
    );
    expectError(
      withEdit(minimal, SCENARIO, (t) => t.replace('due: "0:30"', 'due: "2:00"')),
      { path: 'tasks[0].due', message: /after the scenario ends/ },
    );
  });

  it('an unreachable task', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('    opensAt: "0:05"\n', ''));
    expectError(files, { path: 'tasks[0]', message: /never opens/ });
  });

  it('a branch that refers to a task that does not exist', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('{ task: publish-hotline, outcome: missed }', '{ task: publish-hotlin, outcome: missed }'));
    expectError(files, {
      path: 'branches[0].when.any[0].task',
      line: lineOf(files, SCENARIO, 'publish-hotlin,'),
      message: /no task has the id "publish-hotlin"/,
    });
  });

  it('a course that lists a scenario that does not exist', () => {
    const files = withEdit(minimal, 'courses.yaml', (t) => t.replace('scenarios: [hotline]', 'scenarios: [hotline, hotlines]'));
    expectError(files, {
      file: 'courses.yaml',
      path: 'courses[0].scenarios[1]',
      line: lineOf(files, 'courses.yaml', 'hotlines'),
      message: /no scenario has the id "hotlines"/,
    });
  });

  it('a scenario file named after another id', () => {
    const files = new Map(minimal);
    files.set('scenarios/other.yaml', files.get(SCENARIO)!);
    files.delete(SCENARIO);
    expectError(files, { file: 'scenarios/other.yaml', path: 'id', message: /is in scenarios\/other\.yaml/ });
  });

  it('a pack that needs a newer app', () => {
    const problem = expectError(
      withEdit(minimal, 'pack.yaml', (t) => t.replace('minAppVersion: 0.1.0', 'minAppVersion: 3.0.0')),
      { file: 'pack.yaml', path: 'minAppVersion', message: /needs Attaché 3\.0\.0 or newer/ },
    );
    expect(problem.line).toBe(lineOf(minimal, 'pack.yaml', 'minAppVersion'));
  });

  it('a file name the shared path policy refuses, with its reason', () => {
    for (const [name, reason] of [
      ['media/../escape.png', /outside the pack folder/],
      ['media/nul.png', /Windows reserves/],
      ['media/a\u202egnp.exe', /invisible control characters/],
    ] as const) {
      const files = new Map(minimal).set(name, new Uint8Array([1]));
      const { diagnostics } = load(files);
      expect(diagnostics.find((d) => d.file === name)?.message).toMatch(reason);
    }
  });

  it('versions compare as semantic versions: a pre-release is older than its release, and 0.10 is newer than 0.9', () => {
    const needs = (version: string) =>
      version === '0.1.0' ? minimal : withEdit(minimal, 'pack.yaml', (t) => t.replace('minAppVersion: 0.1.0', `minAppVersion: ${version}`));
    expect(load(needs('0.1.0'), '0.1.0-beta.2').diagnostics.some((d) => d.path === 'minAppVersion')).toBe(true);
    expect(load(needs('0.1.0-beta.2'), '0.1.0').pack).not.toBeNull();
    expect(load(needs('0.9.0'), '0.10.0').pack).not.toBeNull();
    expect(load(needs('0.10.0'), '0.9.0').diagnostics.some((d) => d.path === 'minAppVersion')).toBe(true);
  });

  it('every problem at once, in file and line order', () => {
    const files = withEdit(
      withEdit(minimal, SCENARIO, (t) => t.replace('followers: 12000', 'followers: many').replace('kind: post', 'kind: posst')),
      'pack.yaml',
      (t) => t.replace('version: 1.0.0', 'version: one'),
    );
    const found = errors(files);
    expect(found.map((d) => d.path)).toEqual(['version', 'accounts[0].audience.followers', 'tasks[0].kind']);
  });

  it('a missing pack.yaml', () => {
    const files = new Map(minimal);
    files.delete('pack.yaml');
    expectError(files, { file: 'pack.yaml', message: /no pack\.yaml/ });
  });

  it('files outside the format are ignored with a warning', () => {
    const files = new Map(minimal).set('notes/draft.docx', new Uint8Array([1, 2, 3]));
    const { pack, diagnostics } = load(files);
    expect(pack).not.toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: 'notes/draft.docx' })]);
  });

  it('a media file that is referenced but missing', () => {
    const files = withEdit(minimal, 'personas.yaml', (t) => `${t}    avatar: media/ana.png\n`);
    expectError(files, { file: 'personas.yaml', path: 'personas[0].avatar', message: /no media file media\/ana\.png/ });
  });
});

describe('loadPack refuses untrusted input cleanly', () => {
  it('an oversized file', () => {
    const files = withEdit(minimal, SCENARIO, (t) => `${t}\n# ${'x'.repeat(2_100_000)}\n`);
    expectError(files, { file: SCENARIO, line: 0, message: /at most 2,097,152 are read/ });
  });

  it('too many files', () => {
    const files = new Map(minimal);
    for (let i = 0; i < 30; i += 1) files.set(`media/${i}.png`, new Uint8Array(1));
    const { pack, diagnostics } = loadPack(files, { appVersion: '0.1.0', limits: { maxFiles: 20 } });
    expect(pack).toBeNull();
    expect(diagnostics[0]?.message).toMatch(/at most 20 are read/);
  });

  it('deep nesting', () => {
    const deep = `${'['.repeat(40)}1${']'.repeat(40)}`;
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('duration: "1:00"', `duration: "1:00"\nextra: ${deep}`));
    expectError(files, { file: SCENARIO, message: /nests deeper than 32 levels/ });
  });

  it('nesting deep enough to break a recursive parser', () => {
    const files = withEdit(minimal, SCENARIO, (t) => `${t}\nextra: ${'['.repeat(100_000)}`);
    expect(errors(files).length).toBeGreaterThan(0);
  });

  it('an alias bomb, without expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i += 1)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const files = withEdit(minimal, SCENARIO, (t) => `${t}\n${lines.join('\n')}\n`);
    expectError(files, { file: SCENARIO, message: /aliases; at most 50/ });
  });

  it('custom tags', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('duration: "1:00"', 'duration: !!js/function "1:00"'));
    expectError(files, { file: SCENARIO, line: lineOf(files, SCENARIO, '!!js/function'), message: /tag/i });
    const local = withEdit(minimal, SCENARIO, (t) => t.replace('duration: "1:00"', 'duration: !local "1:00"'));
    expectError(local, { file: SCENARIO, line: lineOf(local, SCENARIO, '!local'), message: /tag/i });
  });

  it('text that is not UTF-8', () => {
    const files = new Map(minimal).set(SCENARIO, new Uint8Array([0xff, 0xfe, 0x00, 0x41]));
    expectError(files, { file: SCENARIO, message: /not UTF-8/ });
  });

  it('unsafe paths', () => {
    const files = new Map(minimal).set('../escape.yaml', new Uint8Array(1));
    expectError(files, { file: '../escape.yaml', message: /points outside the pack folder/ });
  });
});

describe('loadPack checks the rubric against the grader', () => {
  it('refuses a rule id the grader does not know, with the nearest one', () => {
    const files = withEdit(minimal, SCENARIO, (t) =>
      t.replace(
        '    passMark: { tone: 70, policy: 70, platform: 70 }',
        '    passMark: { tone: 70, policy: 70, platform: 70 }\n    rubric:\n      rules:\n        tone.sarcsm: { level: off }',
      ),
    );
    const problem = expectError(files, {
      path: 'tasks[0].rubric.rules.tone.sarcsm',
      line: lineOf(files, SCENARIO, 'tone.sarcsm'),
      message: /no rule "tone\.sarcsm"/,
    });
    expect(problem.hint).toBe('did you mean "tone.sarcasm"?');
  });

  it('accepts known rule ids with levels and weights', () => {
    const files = withEdit(minimal, SCENARIO, (t) =>
      t.replace('passRule:', 'rubric:\n  rules:\n    tone.register: { level: off }\n    policy.fact-missing: { weight: 20 }\npassRule:'),
    );
    expect(load(files).pack).not.toBeNull();
  });
});

describe('unknown names suggest what the format calls them, synonyms included', () => {
  it.each([
    ['twitter', 'x'],
    ['Twitter', 'x'],
    ['fb', 'facebook'],
    ['vkontakte', 'vk'],
    ['tg', 'telegram'],
    ['ig', 'instagram'],
    ['insta', 'instagram'],
    ['yt', 'youtube'],
    ['sina-weibo', 'weibo'],
    ['bsky', 'bluesky'],
    ['facebok', 'facebook'],
  ])('platform: %s → %s', (written, meant) => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('platform: x', `platform: ${written}`));
    const problem = expectError(files, { path: 'accounts[0].platform', line: lineOf(files, SCENARIO, `platform: ${written}`), message: /must be one of/ });
    expect(problem.hint).toBe(`did you mean "${meant}"?`);
  });

  it('other fields with a common synonym: a task kind, a tone, a branch outcome', () => {
    const files = withEdit(minimal, SCENARIO, (t) =>
      t.replace('kind: post', 'kind: tweet').replace('target: empathetic', 'target: empathic').replace('outcome: missed', 'outcome: timeout'),
    );
    expect(expectError(files, { path: 'tasks[0].kind', message: /must be one of/ }).hint).toBe('did you mean "post"?');
    expect(expectError(files, { path: 'policy.tone.target', message: /must be one of/ }).hint).toBe('did you mean "empathetic"?');
    expect(expectError(files, { path: 'branches[0].when.any[0].outcome', message: /must be one of/ }).hint).toBe('did you mean "missed"?');
  });
});

describe('a file name the pack refuses', () => {
  it('says why in words to translate, the English unchanged', () => {
    const files = new Map(minimal).set('media/../escape.png', new Uint8Array([1]));
    const problem = load(files).diagnostics.find((d) => d.file === 'media/../escape.png')!;
    expect(problem.message).toBe('the file\'s name points outside the pack folder ("..")');
    expect(problem.words?.message).toEqual({ key: "the file's name {{0}}", parts: [{ key: 'points outside the pack folder ("..")' }] });
  });
});

describe('loadPack checks reach targets', () => {
  const withTargets = (lines: string) =>
    withEdit(minimal, SCENARIO, (t) => t.replace('passRule: { rule: all-passed }\n', `passRule: { rule: all-passed }\ntargets:\n${lines}`));

  it('accepts a target per account and metric, with or without a time', () => {
    const files = withTargets(
      '  - { account: embassy-x, metric: reach, value: 20000, by: "0:45" }\n  - { account: embassy-x, metric: engagement, value: 900 }\n',
    );
    const { pack, diagnostics } = load(files);
    expect(diagnostics).toEqual([]);
    expect(pack?.scenarios[0]?.targets).toEqual([
      { account: 'embassy-x', metric: 'reach', value: 20000, by: '0:45' },
      { account: 'embassy-x', metric: 'engagement', value: 900 },
    ]);
  });

  it('an unknown account, with the one probably meant', () => {
    const files = withTargets('  - { account: embassy-y, metric: reach, value: 20000 }\n');
    const problem = expectError(files, {
      path: 'targets[0].account',
      line: lineOf(files, SCENARIO, 'account: embassy-y'),
      message: /no account has the id "embassy-y"/,
    });
    expect(problem.hint).toBe('did you mean "embassy-x"?');
  });

  it('a time after the end, or at the very start', () => {
    const late = expectError(withTargets('  - { account: embassy-x, metric: reach, value: 20000, by: "1:30" }\n'), {
      path: 'targets[0].by',
      message: /the target is due at 1:30, after the scenario ends \(1:00\)/,
    });
    expect(late.hint).toMatch(/leave it out to mean the scenario's end/);
    expectError(withTargets('  - { account: embassy-x, metric: reach, value: 20000, by: "0:00" }\n'), { path: 'targets[0].by', message: /can never be met/ });
  });

  it('a value that is not a positive whole number, and an unknown metric', () => {
    expectError(withTargets('  - { account: embassy-x, metric: reach, value: 0 }\n'), { path: 'targets[0].value', message: /./ });
    expectError(withTargets('  - { account: embassy-x, metric: reach, value: -5 }\n'), { path: 'targets[0].value', message: /./ });
    const metric = expectError(withTargets('  - { account: embassy-x, metric: reech, value: 5 }\n'), { path: 'targets[0].metric', message: /./ });
    expect(metric.hint).toBe('did you mean "reach"?');
  });

  it('two targets for the same account and metric', () => {
    const files = withTargets('  - { account: embassy-x, metric: reach, value: 20000 }\n  - { account: embassy-x, metric: reach, value: 30000, by: "0:50" }\n');
    const problem = expectError(files, { path: 'targets[1].metric', message: /another target already sets the reach of the account "embassy-x"/ });
    expect(problem.hint).toMatch(/one target per account and metric/);
  });
});

// Runtime: Node (Vitest). The YAML traps a newcomer falls into, one small file each (Vale-style):
// each fixture in __fixtures__/yaml-traps says at its head what must be reported (severity,
// message) and the fixed line the hint must show; the trap itself is the fixture's last lines.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './yaml';
import { fixedLine, yamlQuoted } from './yaml-traps';

const DIR = path.join(import.meta.dirname, '__fixtures__', 'yaml-traps');
const fixtures = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

function expectation(text: string, field: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`# ${field}: `));
  if (!line) throw new Error(`the fixture has no "# ${field}:" line`);
  return line.slice(`# ${field}: `.length);
}

describe('each YAML trap is told at its line, with the line fixed in the hint', () => {
  it('has a fixture for every trap the README lists', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(16);
  });

  it.each(fixtures)('%s', (fixture) => {
    const text = readFileSync(path.join(DIR, fixture), 'utf8');
    const fixed = expectation(text, 'fixed');
    const trapLine = text.split('\n').findIndex((line) => line.trim() && !line.startsWith('#') && fixedLine(line) !== null) + 1;
    const { diagnostics, value } = parseYaml(fixture, text);
    expect(diagnostics, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
    const [found] = diagnostics;
    expect(found).toMatchObject({ file: fixture, severity: expectation(text, 'severity'), message: expectation(text, 'message') });
    expect(found!.hint).toContain(fixed);
    if (fixture !== 'tab.yaml' && fixture !== 'unclosed-quote.yaml') expect(found!.line).toBe(trapLine);
    // Errors stop the file (its other fields would only add confusing problems); a warning lets it load.
    expect(value === undefined).toBe(found!.severity === 'error');
    // The fixed line is YAML that reads as the text the author meant.
    const repaired = text
      .split('\n')
      .map((line, index) => (index + 1 === found!.line ? line.replace(/^[ \t]*/, (indent) => indent.replace(/\t/g, '  ')).replace(/\S.*$/, fixed) : line));
    expect(parseYaml(fixture, repaired.join('\n')).diagnostics).toEqual([]);
  });

  it('leaves alone what YAML reads as meant', () => {
    for (const line of [
      'en: Hello',
      'title: { en: Hello, ru: Привет }',
      'text: "Note: call us"',
      'text: |',
      'text: >-',
      "en: 'It''s fine'",
      'id: hotline # the main one',
    ])
      expect(fixedLine(line), line).toBeNull();
    const { diagnostics } = parseYaml('ok.yaml', 'id: hotline # the main one\ntags: [a, b]\nanchor: &shared { a: 1 }\nagain: *shared\n');
    expect(diagnostics).toEqual([]);
  });

  it('quotes with double quotes unless the text holds one', () => {
    expect(yamlQuoted('Note: call')).toBe('"Note: call"');
    expect(yamlQuoted('He said "go"')).toBe(`'He said "go"'`);
    expect(yamlQuoted(`It's "it"`)).toBe(`'It''s "it"'`);
  });
});

// Runtime: Node (scripts). `npm run rubric:doc`: writes the rubric reference — every rule of the
// grader's catalogue with its axis, default level and cost, what it looks for and an example that
// makes it fire — into README.md between `<!-- rubric:start -->` and `<!-- rubric:end -->`, from
// core/grading/catalog.ts and core/grading/rule-docs.ts. A unit test fails while the README's
// section differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_SETTINGS, documentedRules, hasDraftExample, ruleTuningYaml } from '../renderer/src/core/grading/rule-docs';
import { AXES } from '../renderer/src/core/pack/schema';

export const README_FILE = path.resolve(import.meta.dirname, '..', 'README.md');
export const START_MARKER = '<!-- rubric:start -->';
export const END_MARKER = '<!-- rubric:end -->';

/** A text inside a Markdown table cell or inline code stays one cell. */
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A draft shown as a quotation: blank lines (a thread's parts) stay visible as ¶. */
const quoted = (text: string) => (text ? `“${cell(text.replaceAll(/\n\s*\n/g, ' ¶ '))}”` : '(an empty draft)');

function costOf(spec: { weight: number; repeatWeight: number; maxLoss: number }): string {
  if (spec.weight === 0) return 'no points (a note)';
  const parts = [`${spec.weight} points`];
  if (spec.repeatWeight) parts.push(`${spec.repeatWeight} for each further one`);
  if (spec.maxLoss > spec.weight) parts.push(`at most ${spec.maxLoss}`);
  return parts.join(', ');
}

/** The generated section, markers included. */
export function rubricSection(): string {
  const rules = documentedRules();
  const lines = [
    START_MARKER,
    '<!-- Written by `npm run rubric:doc` from renderer/src/core/grading/catalog.ts and rule-docs.ts: edit those, then run it. -->',
    '',
    `The grader has ${rules.length} rules on three axes. Each finding a rule makes costs points on its axis (its`,
    'weight; each further occurrence in the same draft its repeat weight, up to its maximum); the level',
    'says how the finding is shown (error, warning, suggestion) and `off` turns the rule off.',
    '',
    '| rule | axis | level | costs | what it looks for |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map(({ spec, doc }) => `| \`${spec.id}\` | ${spec.axis} | ${spec.level} | ${costOf(spec)} | ${cell(doc.explanation.en)} |`),
    '',
    'A scenario tunes a rule for all its tasks, a task for itself (the task wins), by the rule id under',
    '`rubric.rules` — a level, a weight or both (the repeat weight and the maximum scale with the weight):',
    '',
    '```yaml',
    ruleTuningYaml(rules[0]!.spec).trimEnd(),
    '```',
    '',
    'Each example below makes its rule fire (a test grades it with the real grader; the studio shows the',
    'Russian ones too). They are graded in a small pack, `renderer/src/core/grading/__fixtures__/rule-examples/`:',
    '',
    ...Object.entries(EXAMPLE_SETTINGS).map(([id, setting]) => `- *${id}*: ${setting.description.en}`),
  ];
  for (const axis of AXES) {
    lines.push('', `#### ${axis[0]!.toUpperCase()}${axis.slice(1)} rules`, '');
    for (const { spec, doc } of rules.filter((rule) => rule.spec.axis === axis)) {
      // A rule graded on actions (moderating a live stream) is told by what the trainee does.
      lines.push(hasDraftExample(doc) ? `- \`${spec.id}\` (*${doc.setting}*): ${quoted(doc.example.en)}` : `- \`${spec.id}\` (*actions*): ${doc.actions.en}`);
    }
  }
  lines.push(END_MARKER);
  return lines.join('\n');
}

/** The README with its generated section replaced by `section`; throws when the markers are missing. */
export function withRubricSection(readme: string, section: string = rubricSection()): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start)
    throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} pair: put both on lines of their own where the rubric reference goes.`);
  return readme.slice(0, start) + section + readme.slice(end + END_MARKER.length);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const before = readFileSync(README_FILE, 'utf8');
  const after = withRubricSection(before);
  if (after === before) console.log('README.md: the rubric reference is up to date');
  else {
    writeFileSync(README_FILE, after);
    console.log('README.md: wrote the rubric reference');
  }
}

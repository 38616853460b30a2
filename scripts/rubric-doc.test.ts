// The README's rubric reference is what `npm run rubric:doc` writes from the catalogue and the rule docs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../renderer/src/core/grading/catalog';
import { END_MARKER, README_FILE, START_MARKER, rubricSection, withRubricSection } from './rubric-doc';

describe('the rubric reference in the README', () => {
  it('is up to date with the catalogue and the rule docs', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme === withRubricSection(readme), 'README.md: the rubric reference is stale; run `npm run rubric:doc`').toBe(true);
  });

  it('lists every rule with its axis, level and cost, and an example', () => {
    const section = rubricSection();
    for (const rule of RULES) {
      expect(section).toContain(`| \`${rule.id}\` | ${rule.axis} | ${rule.level} | `);
      expect(section).toMatch(new RegExp(`^- \`${rule.id.replaceAll('.', '\\.')}\` \\(\\*[a-z-]+\\*\\): `, 'm'));
    }
    expect(section).toContain('| `tone.insult` | tone | error | 40 points, 15 for each further one, at most 70 |');
    expect(section).toContain('| `platform.language-unsupported` | platform | suggestion | no points (a note) |');
  });

  it('replaces only what lies between the markers, and says where they go when they are missing', () => {
    const readme = `# Title\n\nbefore\n${START_MARKER}\nold text\n${END_MARKER}\nafter\n`;
    const written = withRubricSection(readme, `${START_MARKER}\nnew\n${END_MARKER}`);
    expect(written).toBe(`# Title\n\nbefore\n${START_MARKER}\nnew\n${END_MARKER}\nafter\n`);
    expect(withRubricSection(written, `${START_MARKER}\nnew\n${END_MARKER}`)).toBe(written);
    expect(() => withRubricSection('# Title\n')).toThrow(/no <!-- rubric:start --> … <!-- rubric:end --> pair/);
  });
});

// Runtime: Node (Vitest, happy-dom). The problems panel over a real document and checker (answering
// in the page, as where no worker runs): problems grouped by file with their counts, each with its
// line, message and hint in the UI's language; arrows move between them and Enter or a click asks
// the studio to show the place in the YAML; a pack without problems is said to be ready.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import type { PackFiles } from '../../../core/pack/archive';
import { documentFromFiles } from '../../../core/studio/document';
import { lineOf, MINIMAL_PACK_DIR, readFolder, withEdit } from '../../../test/packs';
import { renderInStudio } from '../../../test/studio';
import { ProblemsPanel } from './ProblemsPanel';

const SCENARIO = 'scenarios/hotline.yaml';
const minimal = readFolder(MINIMAL_PACK_DIR);
// In the scenario two problems of the format; in personas.yaml a comma that splits a name (a YAML trap).
const broken = withEdit(
  withEdit(minimal, SCENARIO, (text) => text.replace('platform: x', 'platform: twitter').replace('kind: post', 'kind: tweet')),
  'personas.yaml',
  (text) => text.replace('name: { en: Ana Reporter,', 'name: { en: Reporter, Ana,'),
);

/** The panel in the studio, each document checked as it changes; the studio's handle is returned to read the place asked for. */
const renderPanel = (files: PackFiles, language: Language = 'en') =>
  renderInStudio(<ProblemsPanel />, { document: documentFromFiles(files), initialView: 'yaml', language, checked: true });

describe('the problems panel', () => {
  it('lists the problems by file with their counts, lines, messages and hints', async () => {
    await renderPanel(broken);
    const scenario = await screen.findByRole('list', { name: 'scenarios/hotline.yaml: 2 problems' }, { timeout: 20_000 });
    const pack = screen.getByRole('list', { name: 'personas.yaml: 1 problem' });
    expect(screen.getByTestId('problems-errors').textContent).toBe('3 errors');
    expect(screen.getByTestId('problems-warnings').textContent).toBe('0 warnings');
    const comma = within(pack).getByRole('button');
    expect(comma.textContent).toContain('the comma in "Reporter, Ana" ends the text: YAML reads "Ana" as another key');
    expect(comma.textContent).toContain(`line ${lineOf(broken, 'personas.yaml', 'Reporter, Ana')}, column`);
    expect(comma.textContent).toContain('How to fix: put the text in quotes: name: { en: "Reporter, Ana", ru: Ана Репортёр }');
    const [platform, kind] = within(scenario).getAllByRole('button');
    expect(platform!.textContent).toContain('must be one of: x, facebook');
    expect(platform!.textContent).toContain('did you mean "x"?');
    expect(kind!.textContent).toContain('did you mean "post"?');
    expect(screen.queryByTestId('problems-ready')).toBeNull();
  });

  it('moves between problems with the arrow keys and shows the place with Enter or a click', async () => {
    const { user, studio } = await renderPanel(broken);
    const buttons = await screen.findAllByTestId('problem', {}, { timeout: 20_000 });
    expect(buttons).toHaveLength(3);
    // One stop in the tab order: the list is entered once, then walked with the arrows.
    expect(buttons.map((button) => button.tabIndex)).toEqual([0, -1, -1]);
    await user.click(buttons[0]!);
    expect(studio().target).toEqual({
      view: 'yaml',
      file: 'personas.yaml',
      line: lineOf(broken, 'personas.yaml', 'Reporter, Ana'),
      column: expect.any(Number),
    });
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(buttons[1]);
    await user.keyboard('{Enter}');
    expect(studio().target).toEqual({ view: 'yaml', file: SCENARIO, line: lineOf(broken, SCENARIO, 'platform: twitter'), column: 15 });
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(buttons[2]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(buttons[0]);
  });

  it('speaks the UI’s language, the words inside the messages included', async () => {
    await renderPanel(broken, 'ru');
    const scenario = await screen.findByRole('list', { name: 'scenarios/hotline.yaml: 2 проблемы' }, { timeout: 20_000 });
    expect(screen.getByTestId('problems-errors').textContent).toBe('3 ошибки');
    const comma = within(screen.getByRole('list', { name: 'personas.yaml: 1 проблема' })).getByRole('button');
    expect(comma.textContent).toContain('запятая в "Reporter, Ana" обрывает текст: YAML читает "Ana" как ещё один ключ');
    expect(comma.textContent).toContain('Как исправить: возьмите текст в кавычки: name: { en: "Reporter, Ana", ru: Ана Репортёр }');
    const [platform] = within(scenario).getAllByRole('button');
    expect(platform!.textContent).toContain('должно быть одним из: x, facebook');
    expect(platform!.textContent).toContain('может быть, "x"?');
  });

  it('says a model answer that fails its own task, at its line', async () => {
    const files = withEdit(minimal, SCENARIO, (text) =>
      text.replace('en: Stay calm. Our hotline +99 123 456 789', 'en: Stay calm. Our hotline +99 123 456 780'),
    );
    await renderPanel(files);
    const [problem] = await screen.findAllByTestId('problem', {}, { timeout: 20_000 });
    expect(problem!.textContent).toContain(
      'the English model answer fails its own task on policy: Wrong number. Hotline: +99 123 456 789, not +99 123 456 780',
    );
    expect(problem!.textContent).toContain('Model answer graded');
  });

  it('says the pack is ready when nothing is wrong', async () => {
    await renderPanel(minimal);
    expect((await screen.findByTestId('problems-ready', {}, { timeout: 20_000 })).textContent).toBe('No problems: the pack is ready to play-test and publish.');
    expect(screen.queryByRole('list')).toBeNull();
  });
});

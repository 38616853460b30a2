// Runtime: Node (Vitest, happy-dom, fake-indexeddb). The events list import in the studio: a file is
// chosen, its columns mapped from the headers (and remembered), the dry run lists what will be added
// and every row that cannot be read with row, column, why and how to fix it; Add makes one undoable
// change. Driven from the keyboard.
import { screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAt } from '../../../core/studio/document';
import { quotaRowDocument, SCENARIO_FILE } from '../../../core/studio/__fixtures__/mel/scenario';
import { readRememberedMapping } from '../../../studio/mel';
import { createTestDatabase } from '../../../test/database';
import { inertPlatform } from '../../../test/platform';
import { renderInStudio } from '../../../test/studio';
import type { AppServices } from '../../services';
import { ImportView } from './ImportView';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../core/studio/__fixtures__/mel', name)));

afterEach(() => {
  vi.restoreAllMocks();
});

async function renderImport(file: { name: string; bytes: Uint8Array } | null, language: 'en' | 'ru' = 'en') {
  const db = createTestDatabase();
  const platform = inertPlatform();
  const openFile = vi.spyOn(platform, 'openFile').mockResolvedValue(file);
  const services = { db, platform, appInfo: await platform.getAppInfo(), systemLocale: 'en-US', library: null } as unknown as AppServices;
  const { user, studio } = await renderInStudio(<ImportView />, { document: quotaRowDocument(), initialView: 'import', language, services });
  return { db, openFile, user, studio };
}

describe('importing an events list', () => {
  it('maps the columns, shows the dry run with every unreadable row, and adds the rest as one undoable change', async () => {
    const view = await renderImport({ name: 'events-en.csv', bytes: fixture('events-en.csv') });
    const before = view.studio().document;

    // Keyboard only: Tab to the button, Enter to choose the file.
    await view.user.tab();
    expect(document.activeElement?.textContent).toBe('Choose a CSV or Excel file…');
    await view.user.keyboard('{Enter}');
    expect(view.openFile).toHaveBeenCalledWith(
      expect.objectContaining({ filters: [expect.objectContaining({ extensions: expect.arrayContaining(['csv', 'xlsx']) })] }),
    );

    expect(await screen.findByText('events-en.csv: 10 rows under the headers.')).toBeTruthy();
    expect(screen.getByText(/Mapped from the header names/)).toBeTruthy();
    expect(screen.getByLabelText('Scenario', { selector: 'input' })).toHaveProperty('value', 'The quota row (scenarios/quota-row.yaml)');
    expect(screen.getByLabelText('Time', { selector: 'input' })).toHaveProperty('value', 'Column 1: Time (T+)');
    expect(screen.getByLabelText('Expected action', { selector: 'input' })).toHaveProperty('value', 'Column 6: Expected action');
    expect(screen.getByRole('table', { name: 'Preview of the first rows of the sheet' }).textContent).toContain('@BertilRavnMP');

    expect(screen.getByTestId('import-summary').textContent).toBe('5 injects, 2 new personas and 3 tasks.');
    expect(screen.getByText(/Added in English only: Russian will be marked missing/)).toBeTruthy();
    const problems = screen.getByTestId('import-problems');
    expect(within(problems).getByText('5 rows cannot be read')).toBeTruthy();
    const rows = within(problems).getAllByTestId('import-problem');
    expect(rows).toHaveLength(6);
    expect(rows[0]!.textContent).toContain('7');
    expect(rows[0]!.textContent).toContain('Time (Time (T+))');
    expect(rows[0]!.textContent).toContain('soon');
    expect(rows[0]!.textContent).toContain('The time cannot be read.');
    expect(rows[0]!.textContent).toContain('Write the time from the start as H:MM');
    expect(rows[2]!.textContent).toContain('Write the id of one of its accounts: embassy-fb or embassy-x.');

    const add = screen.getByRole('button', { name: 'Add to the scenario, leaving out 5 rows' });
    add.focus();
    await view.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('import-outcome').textContent).toContain('Added 5 injects, 2 new personas and 3 tasks'));
    const after = view.studio().document;
    expect((readAt(after, SCENARIO_FILE, ['timeline']) as unknown[]).length).toBe(6);
    expect(readAt(after, SCENARIO_FILE, ['tasks', 0, 'title'])).toEqual({ en: 'Reply to Bertil Ravn MP' });
    expect(await readRememberedMapping(view.db, ['Time (T+)', 'From', 'Channel', 'To', 'Message', 'Expected action'])).toEqual({
      time: 0,
      persona: 1,
      channel: 2,
      account: 3,
      text: 4,
      action: 5,
    });

    // One step back undoes the whole import.
    expect(view.studio().canUndo).toBe(true);
    view.studio().undo();
    await waitFor(() => expect(view.studio().document.texts.get(SCENARIO_FILE)).toBe(before.texts.get(SCENARIO_FILE)));
    expect(view.studio().canUndo).toBe(false);
  });

  it('changing a column updates the dry run: unmapping the text leaves every row out, saying which column to choose', async () => {
    const view = await renderImport({ name: 'events-en.csv', bytes: fixture('events-en.csv') });
    await view.user.click(screen.getByRole('button', { name: 'Choose a CSV or Excel file…' }));
    const text = await screen.findByLabelText('Text', { selector: 'input' });
    expect(text).toHaveProperty('value', 'Column 5: Message');
    // From the keyboard: open the list, go up to its first choice, take it.
    text.focus();
    await view.user.keyboard('{ArrowDown}');
    await waitFor(() => expect(text.getAttribute('aria-expanded')).toBe('true'));
    await view.user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}{Enter}');
    await waitFor(() => expect(text).toHaveProperty('value', '— not in this sheet —'));
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toBe('0 injects, 0 new personas and 0 tasks.'));
    expect(screen.getByText('Nothing to add: no row can be read yet.')).toBeTruthy();
    expect(screen.getAllByText('Choose the text column under Columns.').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('import-apply')).toBeNull();
  });

  it('reads Russian headers and an XLSX file in the Russian interface, in the Russian language of the scenario', async () => {
    const view = await renderImport({ name: 'events.xlsx', bytes: fixture('events.xlsx') }, 'ru');
    await view.user.click(screen.getByRole('button', { name: 'Выбрать файл CSV или Excel…' }));
    expect(await screen.findByText('events.xlsx: 8 строк под заголовками.')).toBeTruthy();
    expect(screen.getByLabelText('Персонаж (от кого)', { selector: 'input' })).toHaveProperty('value', 'Столбец 2: Персона');
    expect(screen.getByTestId('import-summary').textContent).toBe('4 события, 2 новых персонажа и 2 задачи.');
    expect(within(screen.getByTestId('import-problems')).getByText('4 строки не удаётся прочитать')).toBeTruthy();
  });

  it('says why a file cannot be read and how to fix it', async () => {
    const view = await renderImport({ name: 'notes.pdf', bytes: new Uint8Array([1, 2]) });
    await view.user.click(screen.getByRole('button', { name: 'Choose a CSV or Excel file…' }));
    expect((await screen.findByTestId('import-read-error')).textContent).toContain('Attaché reads CSV, XLSX, XLS and ODS files');
    expect(screen.queryByTestId('import-dry-run')).toBeNull();
  });
});

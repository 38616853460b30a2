// Runtime: Node (Vitest, happy-dom). The export dialog as an administrator uses it: the Moodle pre-flight
// names what is missing before anything is written, the ID numbers typed in the mapping editor are
// remembered, leaving out what is missing gives a file Moodle's rules accept, and it is saved through
// the platform's save dialog; attempts as JSON; transcripts printed to PDF by the desktop app and
// through the print view in a browser; the gate the screen passes wraps the dialog.
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttacheApi, PrintToPdfRequest, SaveFileRequest } from '../../../../electron/contract/api';
import { gradeItemKey } from '../../core/records/moodle';
import type { AttacheDatabase } from '../../db/database';
import { readMoodleExportSettings } from '../../db/repositories/moodle-export';
import { createI18n } from '../../i18n';
import { createFakePlatform, TEST_APP_INFO } from '../../test/app';
import { sampleCohort } from '../../test/cohort';
import { createTestDatabase } from '../../test/database';
import { LibraryProvider } from '../library-context';
import { ServicesProvider } from '../services';
import { loadStartup } from '../startup';
import { theme } from '../theme';
import { ExportRecords } from './ExportRecords';

const FLIGHTS_KEY = gradeItemKey('scenario', 'core-library', 'flights-suspended');
const sample = sampleCohort({ trainees: 12, packId: 'core-library', scenarioIds: ['flights-suspended', 'visa-free-launch'], seed: 21 });

let db: AttacheDatabase;
let saved: SaveFileRequest[];
let printed: PrintToPdfRequest[];

beforeEach(async () => {
  db = createTestDatabase();
  saved = [];
  printed = [];
  await db.trainees.bulkAdd(sample.trainees.map((trainee) => ({ ...trainee, deviceKey: 'ab'.repeat(32), importedAt: 1 })));
  await db.outcomes.bulkAdd(sample.outcomes);
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

async function renderExports({
  runtime = 'electron',
  pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]),
}: { runtime?: 'electron' | 'web'; pdf?: Uint8Array | null } = {}) {
  const platform: AttacheApi = createFakePlatform({ appInfo: { ...TEST_APP_INFO, runtime } });
  platform.saveFile = async (request) => {
    saved.push(request);
    return { saved: true, name: request.suggestedName };
  };
  platform.printToPdf = async (request) => {
    printed.push(request);
    return pdf;
  };
  const startup = await loadStartup(db, platform);
  const i18n = await createI18n('en');
  await startup.services.library.load();
  const user = userEvent.setup();
  const gate = vi.fn((content: ReactNode) => <div data-testid="gate">{content}</div>);
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={startup.services}>
          <LibraryProvider>
            <ExportRecords gate={gate} />
          </LibraryProvider>
        </ServicesProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
  await user.click(screen.getByTestId('export-open'));
  await screen.findByTestId('export-dialog', {}, { timeout: 10_000 });
  expect(gate).toHaveBeenCalledWith(expect.anything(), expect.stringMatching(/passphrase/));
  return { user };
}

const savedText = (index = 0) => new TextDecoder().decode(saved[index]!.bytes);

describe('Moodle export', () => {
  it('lists what is missing before writing, remembers the ID number typed, and saves a file without what was left out', async () => {
    const { user } = await renderExports();
    await user.click(await screen.findByRole('radio', { name: 'scenario' }, { timeout: 10_000 }));
    const problems = await screen.findByTestId('moodle-problems', {}, { timeout: 10_000 });
    // Trainees with records but without an academy ID (a seventh of the sample), and both scenarios, are named.
    const withoutId = sample.trainees.filter((trainee) => trainee.academyId === null && sample.outcomes.some((outcome) => outcome.traineeUid === trainee.uid));
    expect(withoutId.length).toBeGreaterThan(0);
    for (const trainee of withoutId) expect(problems.textContent).toContain(`${trainee.name} has no academy ID.`);
    expect(within(problems).getAllByText(/has no grade item ID number/)).toHaveLength(2);
    expect(screen.getByTestId('moodle-export').hasAttribute('disabled')).toBe(true);

    await user.type(screen.getByTestId(`moodle-id-${FLIGHTS_KEY}`), '  ATT-FLIGHTS');
    await user.tab();
    await waitFor(async () => expect(await readMoodleExportSettings(db)).toMatchObject({ level: 'scenario', items: { [FLIGHTS_KEY]: 'ATT-FLIGHTS' } }));
    await waitFor(() => expect(within(screen.getByTestId('moodle-problems')).getAllByText(/has no grade item ID number/)).toHaveLength(1));

    await user.click(screen.getByTestId('moodle-leave-out'));
    expect(screen.getByTestId('moodle-summary').textContent).toMatch(/will be written/);
    await user.click(screen.getByTestId('moodle-export'));
    await screen.findByTestId('export-saved');

    expect(saved).toHaveLength(1);
    expect(saved[0]!.suggestedName).toMatch(/^moodle-grades-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(saved[0]!.filters).toEqual([{ name: 'CSV file', extensions: ['csv'] }]);
    const [header, ...rows] = Papa.parse<string[]>(savedText(), { skipEmptyLines: true }).data;
    expect(header).toEqual(['ID number', expect.stringMatching(/\[ATT-FLIGHTS\]$/)]);
    const graded = sample.trainees.filter(
      (trainee) => trainee.academyId && sample.outcomes.some((outcome) => outcome.traineeUid === trainee.uid && outcome.scenarioId === 'flights-suspended'),
    );
    expect(rows.map((row) => row[0]).sort()).toEqual(graded.map((trainee) => trainee.academyId).sort());
    expect(screen.getByTestId('export-saved').textContent).toContain(`Saved as ${saved[0]!.suggestedName}.`);
  });

  it('says plainly that the XML matches trainees by academy ID', async () => {
    const { user } = await renderExports();
    await user.click(screen.getByTestId('export-format-moodle-xml'));
    expect(await screen.findByText(/finds users by ID number only/)).toBeTruthy();
  });
});

describe('attempts export', () => {
  it('saves every finished attempt as JSON', async () => {
    const { user } = await renderExports();
    await user.click(screen.getByTestId('export-format-attempts-json'));
    expect(screen.getByTestId('attempts-summary').textContent).toContain(`${sample.outcomes.length} finished attempts`);
    await user.click(screen.getByTestId('attempts-export'));
    await screen.findByTestId('export-saved');
    expect(JSON.parse(savedText()).attempts).toHaveLength(sample.outcomes.length);
    expect(saved[0]!.filters).toEqual([{ name: 'JSON file', extensions: ['json'] }]);
  });
});

describe('transcripts', () => {
  it('are printed to PDF by the desktop app and saved through the save dialog', async () => {
    const { user } = await renderExports();
    await user.click(screen.getByTestId('export-format-transcripts'));
    await user.click(screen.getByTestId('transcripts-all'));
    await user.click(screen.getByTestId('transcripts-save-pdf'));
    await screen.findByTestId('export-saved');
    expect(printed).toHaveLength(1);
    expect(printed[0]!.pageSize).toBe('A4');
    const withRecords = sample.trainees.filter((trainee) => sample.outcomes.some((outcome) => outcome.traineeUid === trainee.uid));
    for (const trainee of withRecords) expect(printed[0]!.html).toContain(trainee.name);
    expect(saved[0]).toMatchObject({ suggestedName: expect.stringMatching(/^transcripts-.*\.pdf$/), bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) });
  });

  it('are printed with the browser’s dialog from the print view in the web version, which says the desktop app saves a PDF', async () => {
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    const { user } = await renderExports({ runtime: 'web', pdf: null });
    await user.click(screen.getByTestId('export-format-transcripts'));
    expect(screen.getByTestId('transcripts-panel').textContent).toContain('The desktop app saves a PDF directly.');
    const trainee = sample.trainees.find((candidate) => sample.outcomes.some((outcome) => outcome.traineeUid === candidate.uid))!;
    await user.click(screen.getByTestId('transcripts-trainees'));
    await user.click(await screen.findByRole('option', { name: new RegExp(trainee.name), hidden: true }));
    await user.click(screen.getByTestId('transcripts-print'));
    const view = await screen.findByTestId('transcript-print');
    expect(view.parentElement).toBe(document.body);
    expect(within(view).getAllByTestId('transcript-sheet')).toHaveLength(1);
    expect(view.textContent).toContain(trainee.name);
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(saved).toEqual([]);
    expect(printed).toEqual([]);
  });
});

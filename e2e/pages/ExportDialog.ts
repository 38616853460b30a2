// Runtime: Node (Playwright). Records → Export…: the choice of export, the Moodle gradebook's options,
// grade item ID numbers and pre-flight, the transcripts and their print view, and what was saved.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type ExportFormat = 'moodle-csv' | 'moodle-xml' | 'attempts-csv' | 'attempts-json' | 'transcripts';

export class ExportDialog {
  readonly openButton: Locator;
  readonly root: Locator;
  readonly closeButton: Locator;
  readonly moodle: Locator;
  readonly moodleLevel: Locator;
  readonly problems: Locator;
  readonly allClear: Locator;
  readonly leaveOut: Locator;
  readonly summary: Locator;
  readonly exportMoodle: Locator;
  readonly saved: Locator;
  readonly transcripts: Locator;
  readonly allTrainees: Locator;
  readonly print: Locator;
  /** The transcripts as the web version prints them: under <body>, shown only on paper. */
  readonly printView: Locator;
  readonly sheets: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByTestId('export-open');
    this.root = page.getByTestId('export-modal').getByRole('dialog');
    this.closeButton = page.getByTestId('export-modal').getByRole('button', { name: /^(Close|Закрыть)$/ });
    this.moodle = this.root.getByTestId('moodle-panel');
    this.moodleLevel = this.moodle.getByTestId('moodle-level');
    this.problems = this.moodle.getByTestId('moodle-problems');
    this.allClear = this.moodle.getByTestId('moodle-all-clear');
    this.leaveOut = this.moodle.getByTestId('moodle-leave-out');
    this.summary = this.moodle.getByTestId('moodle-summary');
    this.exportMoodle = this.moodle.getByTestId('moodle-export');
    this.saved = this.root.getByTestId('export-saved');
    this.transcripts = this.root.getByTestId('transcripts-panel');
    this.allTrainees = this.transcripts.getByTestId('transcripts-all');
    this.print = this.transcripts.getByTestId('transcripts-print');
    this.printView = page.getByTestId('transcript-print');
    this.sheets = this.printView.getByTestId('transcript-sheet');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.root).toBeVisible();
  }

  async close(): Promise<void> {
    await this.closeButton.click();
    await expect(this.root).toBeHidden();
  }

  async chooseFormat(format: ExportFormat): Promise<void> {
    await this.root.getByTestId(`export-format-${format}`).check();
  }

  /** Grade items per course or per scenario, by the label the control shows. */
  async chooseMoodleLevel(label: string): Promise<void> {
    await this.moodleLevel.getByText(label, { exact: true }).click();
    await expect(this.moodleLevel.getByRole('radio', { name: label })).toBeChecked();
  }

  /** The field for the Moodle ID number of a grade item, by its key (`scenario:PACK/SCENARIO`, `course:PACK/COURSE`). */
  itemIdNumber(key: string): Locator {
    return this.moodle.getByTestId(`moodle-id-${key}`);
  }

  /** Exports for Moodle and gives the download the browser received. */
  async downloadMoodle(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.exportMoodle.click();
    return downloading;
  }

  /** Picks a trainee for the transcripts from the searchable list, by what its option says. */
  async chooseTranscriptTrainee(search: string, option: string): Promise<void> {
    const field = this.transcripts.getByRole('combobox', { name: 'Trainees' });
    await field.fill(search);
    await this.page.getByRole('option', { name: option }).click();
    // Tab leaves the list (Escape would close the whole dialog).
    await field.press('Tab');
  }
}

// Runtime: Node (Vitest, happy-dom). The calibration view over a real document, checker and grader
// (both answering in the page, as where no worker runs): a disagreement is shown with the findings
// that explain it, and a draft added from the form goes into the document under its task.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import { documentFromFiles, readAt } from '../../../core/studio/document';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../../../test/packs';
import { renderInStudio } from '../../../test/studio';
import { CalibrationView } from './CalibrationView';

const SCENARIO = 'scenarios/hotline.yaml';

// The minimal pack's task with two drafts: one the grader agrees with, one whose wrong digit its author missed.
const files = withEdit(readFolder(MINIMAL_PACK_DIR), SCENARIO, (text) =>
  text.replace(
    '      ru: Сохраняйте спокойствие. Горячая линия +99 123 456 789 работает круглосуточно.\n',
    `      ru: Сохраняйте спокойствие. Горячая линия +99 123 456 789 работает круглосуточно.
    calibration:
      - id: good
        language: en
        text: Stay calm. Our hotline +99 123 456 789 is open around the clock.
        expect: { tone: pass, policy: pass, platform: pass }
        why: The number and the reassurance.
      - id: wrong-digit
        language: en
        text: Stay calm. Our hotline +99 123 456 788 is open around the clock.
        expect: { tone: pass, policy: pass, platform: pass }
        why: Reads well.
`,
  ),
);

const renderView = (language: Language = 'en') =>
  renderInStudio(<CalibrationView />, { document: documentFromFiles(files), initialView: 'calibration', language, checked: true });

describe('the calibration view', () => {
  it('shows agreement per axis against the required agreement, and each disagreement with its findings', async () => {
    await renderView();
    const draft = await screen.findByRole('article', { name: 'hotline › publish-hotline › wrong-digit (en)' }, { timeout: 20_000 });
    expect(within(draft).getByText('Disagrees on 1 axis')).toBeTruthy();
    expect(within(draft).getByText("Author's note: Reads well.")).toBeTruthy();
    expect(within(draft).getByText(/Policy: expected pass, graded fail/)).toBeTruthy();
    // The grader's own words for the finding, with the wrong number quoted.
    expect(within(draft).getByText(/Wrong number\. Hotline: \+99 123 456 789, not \+99 123 456 788/)).toBeTruthy();
    expect(within(draft).getByText('policy.fact-mismatch')).toBeTruthy();

    const agreeing = screen.getByRole('article', { name: 'hotline › publish-hotline › good (en)' });
    expect(within(agreeing).getByText('Agrees')).toBeTruthy();
    expect(within(agreeing).queryByText('What the grader found')).toBeNull();

    const table = screen.getByRole('table', { name: 'Agreement per axis' });
    const policy = within(table).getByRole('row', { name: /Policy/ });
    expect(within(policy).getByText('50% (1 of 2)')).toBeTruthy();
    expect(within(policy).getByText('below')).toBeTruthy();
    // Both drafts pass tone for people and grader alike: kappa has no value, and the view says why.
    const tone = within(table).getByRole('row', { name: /Tone/ });
    expect(within(tone).getByText('none: every verdict the same')).toBeTruthy();
    expect(screen.getByTestId('calibration-summary').textContent).toBe('Below the required agreement on: Policy.');
    expect(screen.getByText('Required agreement: 100% on every axis (pack.yaml, calibration.minAgreement)')).toBeTruthy();
    // Two drafts exercise few rules: the rest are listed as not tested.
    expect(within(screen.getByTestId('calibration-coverage')).getByText('tone.insult')).toBeTruthy();
  }, 30_000);

  it('adds a pasted draft with its verdicts and why under the chosen task, as one edit, and grades it', async () => {
    const { user, studio } = await renderView();
    await screen.findByRole('article', { name: 'hotline › publish-hotline › good (en)' }, { timeout: 20_000 });

    const submit = screen.getByRole('button', { name: 'Add as a calibration draft' });
    await user.click(submit);
    expect((await screen.findByRole('alert')).textContent).toBe('Write or paste the draft first.');

    await user.click(screen.getByRole('textbox', { name: 'Draft' }));
    await user.paste('Call +99 123 456 789 now.');
    // Languages are offered by their names, not their codes.
    expect(
      within(screen.getByRole('combobox', { name: 'Played in' }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['English', 'Russian']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Played in' }), 'ru');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Policy' })).getByRole('radio', { name: 'fail' }));
    await user.click(submit);
    // Nothing typed is lost when something is missing.
    expect((await screen.findByRole('alert')).textContent).toBe('Say why it deserves these verdicts: the next author needs to know.');
    expect((screen.getByRole('textbox', { name: 'Draft' }) as HTMLTextAreaElement).value).toBe('Call +99 123 456 789 now.');

    await user.type(screen.getByRole('textbox', { name: 'Why' }), 'No key message.');
    await user.click(submit);

    expect((await screen.findByRole('status')).textContent).toContain('Added draft-3 to publish-hotline');
    expect(readAt(studio().document, SCENARIO, ['tasks', 0, 'calibration', 2])).toEqual({
      id: 'draft-3',
      language: 'ru',
      text: 'Call +99 123 456 789 now.',
      expect: { tone: 'pass', policy: 'fail', platform: 'pass' },
      why: 'No key message.',
    });
    // The other drafts and the rest of the file are as they were.
    expect(readAt(studio().document, SCENARIO, ['tasks', 0, 'calibration', 0, 'id'])).toBe('good');
    expect(studio().document.texts.get(SCENARIO)).toContain('    modelAnswer:\n      en: Stay calm. Our hotline +99 123 456 789 is open around the clock.\n');
    // The form is ready for the next draft, and the new one is graded with the others.
    expect((screen.getByRole('textbox', { name: 'Draft' }) as HTMLTextAreaElement).value).toBe('');
    await waitFor(() => expect(screen.getByRole('article', { name: 'hotline › publish-hotline › draft-3 (ru)' })).toBeTruthy(), { timeout: 20_000 });
  }, 60_000);

  it('speaks Russian', async () => {
    await renderView('ru');
    const draft = await screen.findByRole('article', { name: 'hotline › publish-hotline › wrong-digit (en)' }, { timeout: 20_000 });
    expect(within(draft).getByText('Не согласен по 1 оси')).toBeTruthy();
    expect(within(draft).getByText(/Неверный номер\./)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Согласие по осям' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Добавить как калибровочный черновик' })).toBeTruthy();
  }, 30_000);
});

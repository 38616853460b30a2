// Runtime: Node (Vitest, happy-dom). The rubric reference in the studio: every rule, found by words
// or narrowed by axis and level, with its example and the YAML that tunes it, in English, Russian and Ukrainian.
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import { RULES } from '../../../core/grading/catalog';
import { createI18n } from '../../../i18n';
import { addStudioResources } from '../../../i18n/studio-resources';
import { theme } from '../../theme';
import { RubricView } from './RubricView';

async function renderView(language: Language = 'en') {
  const i18n = await createI18n(language);
  // The studio's translations load with the studio (StudioProvider adds them); this view is rendered alone.
  addStudioResources(i18n);
  const user = userEvent.setup();
  render(
    <MantineProvider theme={theme} env="test">
      <I18nextProvider i18n={i18n}>
        <RubricView />
      </I18nextProvider>
    </MantineProvider>,
  );
  return user;
}

const ruleRows = () =>
  within(screen.getByRole('table', { name: /^(Rules of the grader|Правила оцінювача)$/ }))
    .getAllByRole('row')
    .slice(1);

describe('the rubric reference view', () => {
  it('lists every rule with its axis, level and cost, and narrows by words, axis and level', async () => {
    const user = await renderView();
    expect(ruleRows()).toHaveLength(RULES.length);
    expect(screen.getByText(`${RULES.length} rules`)).toBeTruthy();
    const insult = screen.getByTestId('rubric-rule-tone.insult');
    expect(within(insult).getByText('40 points, 15 for each further one, at most 70')).toBeTruthy();
    expect(within(insult).getByText('error')).toBeTruthy();

    await user.click(screen.getByRole('searchbox', { name: 'Find a rule' }));
    await user.paste('hashtag');
    // Reports to headquarters brought platform.report-post-markup (a report carries no hashtags, mentions or
    // links), whose description speaks of hashtags too: it is found with the others.
    expect(ruleRows().map((row) => row.getAttribute('data-testid'))).toEqual([
      'rubric-rule-policy.hashtag-unapproved',
      'rubric-rule-policy.hashtag-missing',
      'rubric-rule-platform.too-many-hashtags',
      'rubric-rule-platform.hashtag-in-message',
      'rubric-rule-platform.report-post-markup',
    ]);
    await user.click(screen.getByRole('radio', { name: 'Platform' }));
    await user.click(screen.getByRole('radio', { name: 'warning' }));
    expect(ruleRows().map((row) => row.getAttribute('data-testid'))).toEqual([
      'rubric-rule-platform.too-many-hashtags',
      'rubric-rule-platform.report-post-markup',
    ]);

    await user.click(screen.getByRole('searchbox', { name: 'Find a rule' }));
    await user.paste(' nothing-like-this');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No rule matches. Clear the search or choose another axis or level.')).toBeTruthy();
  }, 30_000);

  it("opens a rule's example and the YAML to tune it, and copies the YAML", async () => {
    const user = await renderView();
    const toggle = screen.getByRole('button', { name: 'Example and YAML for policy.fact-mismatch' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(within(details).getByText(/\+99 123 456 788/)).toBeTruthy();
    expect(
      within(details).getByText('rubric: rules: policy.fact-mismatch: { level: error, weight: 40 }', {
        normalizer: (text) => text.replace(/\s+/g, ' ').trim(),
      }),
    ).toBeTruthy();
    await user.click(within(details).getByRole('button', { name: 'Copy YAML to tune it' }));
    expect(await navigator.clipboard.readText()).toBe('rubric:\n  rules:\n    policy.fact-mismatch: { level: error, weight: 40 }\n');
    expect(within(details).getByRole('button', { name: 'Copied' })).toBeTruthy();
  }, 30_000);

  it('speaks Russian, examples included', async () => {
    const user = await renderView('ru');
    expect(screen.getByRole('table', { name: 'Правила оценщика' })).toBeTruthy();
    const row = screen.getByTestId('rubric-rule-policy.deprecated-term');
    expect(within(row).getByText('предупреждение')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Пример и YAML для policy.deprecated-term' }));
    expect(screen.getByText(/для всех экспатов/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Скопировать YAML для настройки' })).toBeTruthy();
  }, 30_000);

  it('speaks Ukrainian, its example drafts left in the English they are graded in', async () => {
    const user = await renderView('uk');
    expect(screen.getByRole('table', { name: 'Правила оцінювача' })).toBeTruthy();
    const row = screen.getByTestId('rubric-rule-policy.deprecated-term');
    expect(within(row).getByText('попередження')).toBeTruthy();
    expect(within(row).getByText('Термін, який термінологія позиції замінює бажаним.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Приклад і YAML для policy.deprecated-term' }));
    expect(screen.getByText(/Небажаний термін — «експати»/)).toBeTruthy();
    expect(
      screen
        .getByText(/expats/)
        .closest('[lang]')
        ?.getAttribute('lang'),
    ).toBe('en');
    expect(screen.getByRole('button', { name: 'Копіювати YAML для налаштування' })).toBeTruthy();

    await user.click(screen.getByRole('searchbox', { name: 'Знайти правило' }));
    await user.paste('зверхність');
    expect(ruleRows().map((row) => row.getAttribute('data-testid'))).toEqual(['rubric-rule-tone.condescension']);
  }, 30_000);
});

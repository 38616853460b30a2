// Runtime: Node (Vitest, happy-dom). The desk's progress line towards an account's targets, on the
// minimal pack's scenario given targets and played through the engine: it moves as the audience reacts.
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { reachAt } from '../../core/engine/reach';
import type { EngineInput, TimelineState } from '../../core/engine/timeline';
import { advanceTo, initialTimeline, publish } from '../../core/engine/timeline';
import { formattingLocale, type Language } from '../../core/locale';
import { loadPack } from '../../core/pack/load';
import type { Scenario } from '../../core/pack/schema';
import { createI18n } from '../../i18n';
import { modelAnswer } from '../../test/engine';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { theme } from '../theme';
import { ReachProgress } from './ReachProgress';

const minimal = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const scenario: Scenario = {
  ...minimal.scenarios[0]!,
  targets: [
    { account: 'embassy-x', metric: 'reach', value: 20_000, by: '0:45' },
    { account: 'embassy-x', metric: 'engagement', value: 1 },
  ],
};
const input: EngineInput = { scenario, playLanguage: 'en', manifest: minimal.manifest, seed: 1 };
const published = publish(input, advanceTo(input, initialTimeline(input), 6), {
  accountId: 'embassy-x',
  kind: 'post',
  text: modelAnswer(scenario, 'publish-hotline', 'en')!,
  taskId: 'publish-hotline',
  replyTo: null,
});

async function renderProgress(state: TimelineState, { language = 'en' as Language, subject = scenario } = {}) {
  const i18n = await createI18n(language);
  const ui = (at: TimelineState) => (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <ReachProgress scenario={subject} accountId="embassy-x" items={at.feed} reactions={at.reactions} now={at.time} />
      </I18nextProvider>
    </MantineProvider>
  );
  const result = render(ui(state));
  return { rerender: (next: TimelineState) => result.rerender(ui(next)) };
}

afterEach(cleanup);

const textOf = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const items = () => screen.getAllByRole('listitem');
const n = (language: string) => (value: number) => new Intl.NumberFormat(formattingLocale(language)).format(value).replace(/\s/g, ' ');

describe('ReachProgress', () => {
  it('shows nothing where the scenario sets no target for the account', async () => {
    await renderProgress(published, { subject: { ...scenario, targets: undefined } });
    expect(screen.queryByTestId('reach-progress')).toBeNull();
  });

  it('counts up as the audience reacts, and marks a target met', async () => {
    const { rerender } = await renderProgress(published);
    expect(items().map(textOf)).toEqual(['Reach 0 of 20,000 by 0:45', 'Engagement 0 of 1 by 1:00']);
    const later = advanceTo(input, published, 20);
    const totals = reachAt(later, 'embassy-x', 20);
    expect(totals.reach).toBeGreaterThan(0);
    expect(totals.engagement).toBeGreaterThan(0);
    rerender(later);
    expect(items().map(textOf)).toEqual([`Reach ${n('en')(totals.reach)} of 20,000 by 0:45`, `Engagement ${n('en')(totals.engagement)} of 1 by 1:00`]);
    expect(items().map((item) => item.getAttribute('data-met'))).toEqual([String(totals.reach >= 20_000), 'true']);
  });

  it('speaks Russian', async () => {
    const later = advanceTo(input, published, 20);
    await renderProgress(later, { language: 'ru' });
    expect(textOf(items()[0]!)).toBe(`Охват ${n('ru')(reachAt(later, 'embassy-x', 20).reach)} из 20 000 к 0:45`);
  });
});

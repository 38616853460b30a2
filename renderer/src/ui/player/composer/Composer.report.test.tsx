// Runtime: Node (Vitest, happy-dom). Writing a report to headquarters in the composer: the line says
// where it goes, the button sends it to headquarters, the counter counts words, and the live
// feedback grades it against the facts the desk passes in (a wrong number is a finding as typed).
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import path from 'node:path';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import type { EngineInput } from '../../../core/engine/timeline';
import { fixtureFacts, REPORT_FIXTURES } from '../../../core/grading/report.fixtures';
import { loadPack } from '../../../core/pack/load';
import { createI18n } from '../../../i18n';
import { readFolder } from '../../../test/packs';
import { theme } from '../../theme';
import type { ComposerDraft, ComposerProps } from './Composer';
import { Composer } from './Composer';

const pack = loadPack(readFolder(path.join(import.meta.dirname, '..', '..', '..', 'core', 'grading', '__fixtures__', 'report')), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;
const task = scenario.tasks.find((candidate) => candidate.id === 'mood-report')!;
const good = REPORT_FIXTURES.find((fixture) => fixture.id === 'good' && fixture.language === 'en')!.text;

function Harness({ initial, ...props }: Omit<ComposerProps, 'draft' | 'onDraftChange'> & { initial: ComposerDraft }) {
  const [draft, setDraft] = useState(initial);
  return <Composer {...props} draft={draft} onDraftChange={setDraft} />;
}

async function renderReport(uiLanguage: Language = 'en') {
  const input: EngineInput = { scenario, playLanguage: 'en', manifest: pack.manifest, seed: 1 };
  const onPublish = vi.fn<(draft: ComposerDraft) => void>();
  const i18n = await createI18n(uiLanguage);
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <Harness
          input={input}
          accounts={scenario.accounts}
          openTasks={[task]}
          initial={{ accountId: 'embassy-x', kind: 'report', taskId: task.id, replyTo: null, text: '' }}
          monitoring={fixtureFacts('en')}
          onPublish={onPublish}
          gradingPort={null}
        />
      </I18nextProvider>
    </MantineProvider>,
  );
  return { user: userEvent.setup(), onPublish };
}

const textarea = () => screen.getByTestId<HTMLTextAreaElement>('composer-text');
const ruleIds = () => screen.queryAllByTestId('composer-finding').map((item) => item.dataset.ruleId);

describe('Composer: a report to headquarters', () => {
  it('says it goes to headquarters from the account, and sends it there', async () => {
    const { user, onPublish } = await renderReport();
    expect(screen.getByTestId('composer-target-line').textContent).toContain('Report to headquarters · Embassy of Azuria in Kestria @AzuriaEmbassy');
    await user.click(textarea());
    await user.paste(good);
    await waitFor(() => expect(screen.getByTestId('composer-counter').textContent).toMatch(/^\d+ words · 20–120 for this note$/));
    // Longer than X's 280 characters, and still sendable: it is not a post.
    expect(good.length).toBeGreaterThan(280);
    await user.click(screen.getByRole('button', { name: /^Send report to headquarters/ }));
    expect(onPublish).toHaveBeenCalledWith(expect.objectContaining({ kind: 'report', taskId: 'mood-report', text: good }));
  });

  it('grades as it is typed against the facts it was given: a wrong count is a finding', async () => {
    const { user } = await renderReport();
    await user.click(textarea());
    await user.paste(good);
    await waitFor(() => expect(screen.getByTestId('composer-verdict').textContent).not.toBe(''));
    expect(ruleIds()).toEqual([]);
    await user.clear(textarea());
    await user.paste(good.replace('46 replies', '64 replies'));
    await waitFor(() => expect(ruleIds()).toContain('policy.report-fact-wrong'));
    expect(screen.getAllByTestId('composer-finding-message').map((item) => item.textContent)).toContain('“64” replies is not what the monitoring shows: 46.');
  });

  it('says the same in Russian', async () => {
    await renderReport('ru');
    expect(screen.getByTestId('composer-target-line').textContent).toContain('Отчёт в Центр · ');
    expect(screen.getByRole('button', { name: /^Отправить отчёт в Центр/ })).toBeTruthy();
  });

  it('words the moods in the reader’s language', async () => {
    const en = await createI18n('en');
    expect(en.t('grading:policy.report-fact-wrong.moods', { stated: 'supportive', actual: 'critical' })).toBe(
      'The report calls the replies supportive; most of them are critical.',
    );
    const ru = await createI18n('ru');
    expect(ru.t('grading:policy.report-fact-missing.moods', { actual: 'critical' })).toBe('В отчёте не названо настроение ответов: большинство — критика.');
  });
});

// Runtime: Node (Vitest, happy-dom). Clearance by headquarters at the desk: the composer's "Send for
// clearance" beside Publish and its Ctrl/⌘+Shift+Enter, the one-line notice (not cleared, waiting,
// cleared as it stands), the task list's line under a task whose draft is with headquarters, and
// the reviewer's answer in the inbox that gives the draft back to the composer.
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import path from 'node:path';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import { replay, step } from '../../../core/engine/attempt';
import { createScenarioMachine } from '../../../core/engine/machine';
import type { EngineInput, FeedItem, TimelineState } from '../../../core/engine/timeline';
import { loadPack } from '../../../core/pack/load';
import { createI18n } from '../../../i18n';
import { readFolder } from '../../../test/packs';
import { theme } from '../../theme';
import { InboxView } from '../feed/InboxView';
import { TaskClearance } from '../TaskClearance';
import type { ComposerDraft } from './Composer';
import { Composer } from './Composer';
import type { DraftClearance } from './target';
import { draftClearance } from './target';

const pack = loadPack(readFolder(path.resolve(import.meta.dirname, '..', '..', '..', 'core', 'engine', '__fixtures__', 'clearance')), {
  appVersion: '0.1.0',
}).pack!;
const scenario = pack.scenarios[0]!;
const input: EngineInput = { scenario, playLanguage: 'en', manifest: pack.manifest, seed: 1 };
const machine = createScenarioMachine(input);
const TEXT = scenario.tasks[0]!.modelAnswer.en!;
const POOR = 'Flights resume tomorrow, do not bother us.';
const statement: ComposerDraft = { accountId: 'embassy-fb', kind: 'post', taskId: 'statement', replyTo: null, text: TEXT };
const personas = new Map(pack.personas.map((persona) => [persona.id, persona]));

/** The timeline after the draft was sent at 0:10, and after headquarters answered it. */
function played(text: string): { sent: TimelineState; answered: TimelineState } {
  let snapshot = replay(machine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 10 }, { type: 'CLEARANCE.REQUEST', draft: { ...statement, text } }]);
  const sent = snapshot.context.timeline;
  while (!snapshot.context.timeline.clearances[0]!.answered) snapshot = step(machine, snapshot, { type: 'CLOCK.NEXT' });
  return { sent, answered: snapshot.context.timeline };
}
const good = played(TEXT);
const poor = played(POOR);

async function wrap(ui: React.ReactNode, language: Language = 'en') {
  const i18n = await createI18n(language);
  return render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>{ui}</I18nextProvider>
    </MantineProvider>,
  );
}

async function renderComposer(clearance: DraftClearance, draft: ComposerDraft = statement, language: Language = 'en') {
  const onPublish = vi.fn<(draft: ComposerDraft) => void>();
  const onRequestClearance = vi.fn<(draft: ComposerDraft) => void>();
  await wrap(
    <Composer
      input={input}
      accounts={scenario.accounts}
      openTasks={scenario.tasks}
      draft={draft}
      onDraftChange={() => {}}
      onPublish={onPublish}
      clearance={clearance}
      onRequestClearance={onRequestClearance}
      gradingPort={null}
    />,
    language,
  );
  return { onPublish, onRequestClearance, user: userEvent.setup() };
}

describe('the composer where headquarters must clear the draft', () => {
  it('offers "Send for clearance" beside Publish and warns that publishing now is a breach', async () => {
    const { onPublish, onRequestClearance, user } = await renderComposer({ required: true, cleared: false, pendingSince: null });
    expect(screen.getByTestId('composer-clearance').getAttribute('data-state')).toBe('uncleared');
    expect(screen.getByTestId('composer-clearance').textContent).toContain('Not cleared by headquarters: publishing it now is a policy breach.');
    const send = screen.getByRole('button', { name: /^Send for clearance by headquarters: / });
    expect((send as HTMLButtonElement).disabled).toBe(false);
    expect(send.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+Enter Meta+Shift+Enter');
    await user.click(send);
    expect(onRequestClearance).toHaveBeenCalledWith(statement);
    // Publishing stays possible: the trainee weighs speed against sign-off.
    expect((screen.getByTestId('composer-publish') as HTMLButtonElement).disabled).toBe(false);
    expect(onPublish).not.toHaveBeenCalled();
  });

  it('sends for clearance with Ctrl+Shift+Enter and publishes with Ctrl+Enter', async () => {
    const { onPublish, onRequestClearance, user } = await renderComposer({ required: true, cleared: false, pendingSince: null });
    await user.click(screen.getByTestId('composer-text'));
    await user.keyboard('{Control>}{Shift>}{Enter}{/Shift}{/Control}');
    expect(onRequestClearance).toHaveBeenCalledTimes(1);
    expect(onPublish).not.toHaveBeenCalled();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onPublish).toHaveBeenCalledTimes(1);
    expect(onRequestClearance).toHaveBeenCalledTimes(1);
  });

  it('says when the draft was sent while the answer is awaited, and does not send it twice', async () => {
    const clearance = draftClearance(input, good.sent, statement);
    const { onRequestClearance, user } = await renderComposer(clearance);
    expect(screen.getByTestId('composer-clearance').textContent).toContain('Sent for clearance at 0:10 — waiting for headquarters.');
    expect((screen.getByTestId('composer-clearance-send') as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByTestId('composer-text'));
    await user.keyboard('{Control>}{Shift>}{Enter}{/Shift}{/Control}');
    expect(onRequestClearance).not.toHaveBeenCalled();
  });

  it('marks the cleared text cleared while it is unchanged', async () => {
    await renderComposer(draftClearance(input, good.answered, statement));
    expect(screen.getByTestId('composer-clearance').getAttribute('data-state')).toBe('cleared');
    expect(screen.getByTestId('composer-clearance').textContent).toContain('Cleared by headquarters: this text can go out as it stands.');
    expect((screen.getByTestId('composer-clearance-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows neither the button nor the notice where no clearance is asked', async () => {
    const update: ComposerDraft = { accountId: 'embassy-x', kind: 'post', taskId: 'update', replyTo: null, text: TEXT };
    await renderComposer(draftClearance(input, good.sent, update), update);
    expect(screen.queryByTestId('composer-clearance-send')).toBeNull();
    expect(screen.queryByTestId('composer-clearance')).toBeNull();
  });

  it('says a passing draft is ready to send for clearance, not to publish, until headquarters clear it', async () => {
    await renderComposer({ required: true, cleared: false, pendingSince: null });
    const verdict = (await screen.findByText('Ready to send for clearance')).closest('[data-testid="composer-verdict"]')!;
    expect(verdict.getAttribute('data-uncleared')).toBe('true');
    expect(screen.queryByText('Ready to publish')).toBeNull();
  });

  it('says a passing draft waits for headquarters while it is with them, and is ready to publish once cleared', async () => {
    await renderComposer(draftClearance(input, good.sent, statement));
    expect(await screen.findByText('Waiting for clearance by headquarters')).toBeTruthy();
    expect(screen.queryByText('Ready to publish')).toBeNull();
  });

  it('says ready to publish once the text is cleared', async () => {
    await renderComposer(draftClearance(input, good.answered, statement));
    expect(await screen.findByText('Ready to publish')).toBeTruthy();
  });

  it('speaks Russian', async () => {
    await renderComposer({ required: true, cleared: false, pendingSince: null }, statement, 'ru');
    expect(screen.getByTestId('composer-clearance-send').textContent).toContain('Отправить на согласование');
    expect(screen.getByTestId('composer-clearance').textContent).toContain('Не согласовано с Центром');
    expect(await screen.findByText('Можно отправлять на согласование')).toBeTruthy();
  });
});

describe('the task list under a task whose draft went to headquarters', () => {
  it('says when it was sent and that it is waiting — not when the answer is due', async () => {
    await wrap(<TaskClearance timeline={good.sent} taskId="statement" />);
    const line = screen.getByTestId('player-task-clearance');
    expect(line.getAttribute('data-state')).toBe('pending');
    expect(line.textContent).toContain('Sent for clearance at 0:10 — waiting');
    expect(line.textContent).not.toMatch(/0:1[5-9]|0:20/);
  });

  it('then says how headquarters answered, and when', async () => {
    const at = poor.answered.clearances[0]!.answerAt;
    await wrap(<TaskClearance timeline={poor.answered} taskId="statement" />);
    expect(screen.getByTestId('player-task-clearance').textContent).toContain(`Returned by headquarters at 0:${String(at).padStart(2, '0')}: revise`);
  });

  it('says nothing for a task nothing was sent for', async () => {
    const { container } = await wrap(<TaskClearance timeline={good.sent} taskId="answer" />);
    expect(container.querySelector('[data-testid="player-task-clearance"]')).toBeNull();
  });
});

describe('headquarters’ answer in the inbox', () => {
  const inboxOf = (timeline: TimelineState) =>
    timeline.feed.filter((item) => item.source === 'clearance' || (item.source === 'inject' && item.inject.type === 'hq-request'));

  it('is in the reviewer’s conversation, with the verdict, the draft, and "Use the cleared text"', async () => {
    const onReply = vi.fn<(item: FeedItem) => void>();
    await wrap(
      <InboxView items={inboxOf(good.answered)} scenario={scenario} personas={personas} now={good.answered.time} playLanguage="en" onReply={onReply} />,
    );
    const conversation = screen.getByRole('region', { name: 'Press Department' });
    const answer = within(conversation).getByTestId('inbox-clearance');
    expect(answer.getAttribute('data-verdict')).toBe('cleared');
    expect(within(answer).getByTestId('inbox-clearance-verdict').textContent).toContain('Cleared');
    expect(answer.textContent).toContain(TEXT);
    expect(within(answer).queryByTestId('inbox-clearance-comments')).toBeNull();
    await userEvent.setup().click(within(answer).getByRole('button', { name: /^Use the cleared text/ }));
    expect(onReply).toHaveBeenCalledWith(expect.objectContaining({ source: 'clearance', draft: { ...statement, text: TEXT } }));
  });

  it('returned, lists the reviewer’s comments in words and offers "Revise"', async () => {
    const onReply = vi.fn<(item: FeedItem) => void>();
    await wrap(
      <InboxView items={inboxOf(poor.answered)} scenario={scenario} personas={personas} now={poor.answered.time} playLanguage="en" onReply={onReply} />,
    );
    const answer = screen.getByTestId('inbox-clearance');
    expect(within(answer).getByTestId('inbox-clearance-verdict').textContent).toContain('Returned with comments');
    const comments = within(within(answer).getByTestId('inbox-clearance-comments')).getAllByRole('listitem');
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.length).toBeLessThanOrEqual(3);
    for (const comment of comments) expect(comment.textContent).not.toMatch(/^[a-z]+\.[a-z-]+$/);
    await userEvent.setup().click(within(answer).getByRole('button', { name: /^Revise the draft/ }));
    expect(onReply).toHaveBeenCalledWith(expect.objectContaining({ verdict: 'returned' }));
  });

  it('is only read once the scenario is over', async () => {
    await wrap(<InboxView items={inboxOf(good.answered)} scenario={scenario} personas={personas} now={good.answered.time} playLanguage="en" />);
    expect(screen.queryByTestId('inbox-clearance-use')).toBeNull();
  });
});

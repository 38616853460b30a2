// Runtime: Node (Vitest, happy-dom). The composer as the trainee uses it: live verdict, scores and
// findings as they type, marks on the offending words, fixes applied in place, the counter; the one
// line saying where the draft goes and the choices behind "Change", tasks offered rather than taken,
// what the platform would refuse; publishing with the button or Ctrl+Enter; grades that come from a
// worker while the previous one stays on screen, and a paste over the grader's ceiling.
import { MantineProvider } from '@mantine/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import type { EngineInput } from '../../../core/engine/timeline';
import type { Pack } from '../../../core/pack/load';
import { loadPack } from '../../../core/pack/load';
import { createI18n } from '../../../i18n';
import { CORE_LIBRARY_DIR, MINIMAL_PACK_DIR, readFolder } from '../../../test/packs';
import { theme } from '../../theme';
import type { ComposerDraft, ComposerProps } from './Composer';
import { Composer } from './Composer';
import { FakeGradingWorker } from './fake-grading-worker';

const minimal = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const core = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;

const MODEL_ANSWER = 'Stay calm. Our hotline +99 123 456 789 is open around the clock.';
const WRONG_NUMBER = 'Stay calm. Our hotline +99 123 456 780 is open around the clock.';

interface Setup {
  pack?: Pack;
  scenarioId?: string;
  playLanguage?: string;
  uiLanguage?: Language;
  draft?: Partial<ComposerDraft>;
  openTaskIds?: string[];
  props?: Partial<ComposerProps>;
}

/** Keeps the draft in state the way the player does, so what the trainee types stays typed. */
function Harness({ initial, onDraftChange, ...props }: Omit<ComposerProps, 'draft'> & { initial: ComposerDraft }) {
  const [draft, setDraft] = useState(initial);
  return (
    <Composer
      {...props}
      draft={draft}
      onDraftChange={(next) => {
        onDraftChange(next);
        setDraft(next);
      }}
    />
  );
}

async function renderComposer({ pack = minimal, scenarioId = 'hotline', playLanguage = 'en', uiLanguage = 'en', draft, openTaskIds, props }: Setup = {}) {
  const scenario = pack.scenarios.find((candidate) => candidate.id === scenarioId)!;
  const input: EngineInput = { scenario, playLanguage, manifest: pack.manifest, seed: 1 };
  const openTasks = openTaskIds ? openTaskIds.map((id) => scenario.tasks.find((task) => task.id === id)!) : scenario.tasks;
  const first = openTasks[0]!;
  const initial: ComposerDraft = { accountId: first.account, kind: first.kind, taskId: first.id, replyTo: first.replyTo ?? null, text: '', ...draft };
  const onPublish = vi.fn<(draft: ComposerDraft) => void>();
  const onDraftChange = vi.fn<(draft: ComposerDraft) => void>();
  const i18n = await createI18n(uiLanguage);
  const user = userEvent.setup();
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <Harness
          input={input}
          accounts={scenario.accounts}
          openTasks={openTasks}
          initial={initial}
          onDraftChange={onDraftChange}
          onPublish={onPublish}
          {...props}
        />
      </I18nextProvider>
    </MantineProvider>,
  );
  return { user, onPublish, onDraftChange, input };
}

const textarea = () => screen.getByTestId<HTMLTextAreaElement>('composer-text');
const verdict = () => screen.getByTestId('composer-verdict');
const findings = () => screen.queryAllByTestId('composer-finding');
const marks = () => Array.from(screen.getByTestId('composer-highlights').querySelectorAll('mark'));
const markTexts = () => marks().map((mark) => [mark.textContent, mark.dataset.severity]);
const findingWith = (ruleId: string) => findings().filter((item) => item.dataset.ruleId === ruleId);

afterEach(() => {
  vi.restoreAllMocks();
});

// Typing a whole sentence key by key renders and grades once per key: on a machine busy with other
// work that takes longer than Vitest's default 5 s, and a test cut off mid-typing would go on
// typing into the next test's composer.
const TYPING = { timeout: 30_000 };

describe('Composer: live feedback', () => {
  it('shows a hint and no findings for an empty draft, and no verdict', async () => {
    await renderComposer();
    expect(screen.getByTestId('composer-hint').textContent).toBe('Start writing: the feedback on tone, policy and platform fit appears here as you type.');
    expect(screen.queryByTestId('composer-findings')).toBeNull();
    expect(verdict().textContent).toBe('');
    expect(screen.getByTestId('composer-counter').textContent).toContain('0 / 280');
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(true);
  });

  it('says a model answer is ready to publish, with every axis passing and nothing marked', TYPING, async () => {
    const { user } = await renderComposer();
    await user.type(textarea(), MODEL_ANSWER);

    await waitFor(() => expect(verdict().textContent).toBe('Ready to publish'));
    expect(verdict().getAttribute('aria-live')).toBe('polite');
    for (const axis of ['tone', 'policy', 'platform']) {
      const row = screen.getByTestId(`composer-score-${axis}`);
      expect(row.dataset.passed).toBe('true');
      expect(row.textContent).toContain('100 / 100');
      expect(row.textContent).toContain('At or above the pass mark of 70');
    }
    expect(findings()).toHaveLength(0);
    expect(screen.getByTestId('composer-findings').textContent).toBe('Nothing to fix: no findings.');
    expect(marks()).toHaveLength(0);
    expect(screen.getByTestId('composer-counter').textContent).toContain('64 / 280');
  });

  it('passes a model answer from the core library, pasted whole', async () => {
    const scenario = core.scenarios.find((candidate) => candidate.id === 'answering-criticism')!;
    const answer = scenario.tasks.find((task) => task.id === 'reply-to-mp')!.modelAnswer.en!;
    const { user } = await renderComposer({ pack: core, scenarioId: 'answering-criticism' });
    await user.click(textarea());
    await user.paste(answer);

    await waitFor(() => expect(verdict().textContent).toBe('Ready to publish'));
    expect(findings().filter((item) => item.dataset.severity === 'error')).toHaveLength(0);
  });

  it('flags a wrong phone number, marks it in the text, and fixes it with Apply', async () => {
    const { user } = await renderComposer();
    await user.click(textarea());
    await user.paste(WRONG_NUMBER);

    await waitFor(() => expect(verdict().textContent).toBe('Would not pass yet'));
    const [mismatch] = findingWith('policy.fact-mismatch');
    expect(mismatch?.dataset).toMatchObject({ axis: 'policy', severity: 'error' });
    expect(within(mismatch!).getByTestId('composer-finding-message').textContent).toBe(
      'Wrong number. Hotline: +99 123 456 789, not +99 123 456 780. One wrong digit and people cannot get through — copy it from the fact sheet.',
    );
    expect(within(screen.getByTestId('composer-findings-policy')).getByRole('heading', { level: 3 }).textContent).toBe('Policy · 1 finding');
    expect(markTexts()).toEqual([['+99 123 456 780', 'error']]);
    const policy = screen.getByTestId('composer-score-policy');
    expect(policy.dataset.passed).toBe('false');
    expect(policy.textContent).toContain('Below the pass mark of 70');

    await user.click(within(mismatch!).getByRole('button', { name: 'Replace with “+99 123 456 789”' }));

    expect(textarea().value).toBe(MODEL_ANSWER);
    expect(document.activeElement).toBe(textarea());
    expect(textarea().selectionStart).toBe(MODEL_ANSWER.indexOf(' is open'));
    await waitFor(() => expect(verdict().textContent).toBe('Ready to publish'));
    expect(marks()).toHaveLength(0);
  });

  it('marks shouting as warnings and applies each fix where it belongs', async () => {
    const { user } = await renderComposer();
    await user.click(textarea());
    await user.paste('STAY CALM!!! Our hotline +99 123 456 789 is open around the clock.');

    await waitFor(() => expect(findingWith('tone.shouting')).toHaveLength(2));
    expect(markTexts()).toEqual([
      ['STAY CALM', 'warning'],
      ['!!!', 'warning'],
    ]);
    const messages = findingWith('tone.shouting').map((item) => within(item).getByTestId('composer-finding-message').textContent);
    expect(messages).toEqual(['“STAY CALM” in capitals reads as shouting.', '“!!!”: stacked marks read as shouting or alarm.']);
    expect(within(findingWith('tone.shouting')[0]!).getByTestId('composer-finding-advice').textContent).toBe(
      'Write it in ordinary case; let the facts carry the weight.',
    );
    expect(screen.getByTestId('composer-score-tone').dataset.passed).toBe('false');

    await user.click(screen.getByRole('button', { name: 'Replace with “Stay calm”' }));
    expect(textarea().value).toBe('Stay calm!!! Our hotline +99 123 456 789 is open around the clock.');
    expect(textarea().selectionStart).toBe('Stay calm'.length);

    await waitFor(() => expect(markTexts()).toEqual([['!!!', 'warning']]));
    await user.click(screen.getByRole('button', { name: 'Replace with “!”' }));
    expect(textarea().value).toBe('Stay calm! Our hotline +99 123 456 789 is open around the clock.');
    await waitFor(() => expect(verdict().textContent).toBe('Ready to publish'));
  });

  it('highlights a finding’s words more strongly while it is pointed at, and selects them on request', async () => {
    const { user } = await renderComposer();
    await user.click(textarea());
    await user.paste('STAY CALM!!! Our hotline +99 123 456 789 is open around the clock.');
    await waitFor(() => expect(findingWith('tone.shouting')).toHaveLength(2));
    const [capitals, stacked] = findingWith('tone.shouting');

    await user.hover(stacked!);
    expect(marks().map((mark) => mark.hasAttribute('data-active'))).toEqual([false, true]);
    expect(stacked!.hasAttribute('data-active')).toBe(true);
    await user.unhover(stacked!);
    expect(marks().some((mark) => mark.hasAttribute('data-active'))).toBe(false);

    await user.click(within(capitals!).getByRole('button', { name: 'Show in the text' }));
    expect(document.activeElement).toBe(textarea());
    expect([textarea().selectionStart, textarea().selectionEnd]).toEqual([0, 'STAY CALM'.length]);
  });

  it('counts against the platform limit: a warning near it, an error over it, the excess marked', TYPING, async () => {
    const { user } = await renderComposer();
    const near = `${MODEL_ANSWER} ${'We are here for you. '.repeat(9)}`.trimEnd();
    await user.click(textarea());
    await user.paste(near);
    const counter = () => screen.getByTestId('composer-counter');
    await waitFor(() => expect(counter().dataset.state).toBe('near'));
    expect(counter().textContent).toBe(`Length as X counts it: ${near.length} / 280 · ${280 - near.length} characters left`);

    await user.type(textarea(), ' We are here for you. We are here for you.');
    const over = textarea().value.length;
    await waitFor(() => expect(counter().dataset.state).toBe('over'));
    expect(counter().textContent).toBe(`Length as X counts it: ${over} / 280 · ${over - 280} characters over the limit`);
    expect(counter().querySelector('svg')).not.toBeNull();
    expect(within(findingWith('platform.too-long')[0]!).getByTestId('composer-finding-message').textContent).toBe(
      `${over} characters where 280 fit: ${over - 280} too many. Everything marked is cut off.`,
    );
    expect(markTexts()).toEqual([[textarea().value.slice(280), 'error']]);
  });

  it('shows no counter against a long limit far away, as Facebook shows none', async () => {
    const { user } = await renderComposer({
      pack: core,
      scenarioId: 'answering-criticism',
      draft: { accountId: 'embassy-fb', kind: 'post', taskId: null, replyTo: null },
    });
    await user.click(textarea());
    await user.paste('Ambassador Amundal answered Ms Holt this morning.');
    await waitFor(() => expect(screen.getByTestId('composer-score-tone')).toBeTruthy());
    expect(screen.queryByTestId('composer-counter')).toBeNull();
  });

  it('counts each post of a thread on its own', async () => {
    const { user } = await renderComposer({ draft: { kind: 'thread' } });
    expect(screen.getByText('A blank line starts the next post of the thread.')).toBeTruthy();
    await user.click(textarea());
    const second = 'Our hotline +99 123 456 789 is open around the clock. '.repeat(6).trimEnd();
    await user.paste(`Stay calm.\n\n${second}`);

    await waitFor(() => expect(screen.getAllByTestId('composer-counter-part')).toHaveLength(2));
    const parts = screen.getAllByTestId('composer-counter-part');
    expect(screen.getByTestId('composer-counter').textContent).toContain('A thread of 2 posts');
    expect(parts[0]!.textContent).toBe('Post 1: 10 / 280');
    expect(parts[0]!.dataset.state).toBe('ok');
    expect(parts[1]!.dataset.state).toBe('over');
    expect(parts[1]!.textContent).toBe(`Post 2: ${second.length} / 280 · ${second.length - 280} characters over the limit`);
  });

  it('says plainly when the draft is not in the audience’s language', async () => {
    const { user } = await renderComposer();
    await user.click(textarea());
    await user.paste('Сохраняйте спокойствие. Горячая линия +99 123 456 789 работает круглосуточно.');

    await waitFor(() =>
      expect(screen.getByTestId('composer-language-message').textContent).toBe('The audience of this account reads in English, and the draft is in Russian.'),
    );
    expect(screen.getByTestId('composer-language-advice').textContent).toBe('Write it in English.');
    // Said once, in the banner: the list of findings does not repeat it.
    expect(findingWith('platform.wrong-language')).toHaveLength(0);
  });
});

const line = () => screen.getByTestId('composer-target-line');
const attribute = (name: string) => screen.getByTestId('composer-target').getAttribute(`data-${name}`);

describe('Composer: where the draft goes', () => {
  const criticism = { pack: core, scenarioId: 'answering-criticism', openTaskIds: ['reply-to-mp', 'journalist-dm'] };

  it('says it in one line — kind, platform, account with handle, task — and the button names it', async () => {
    await renderComposer({ ...criticism, draft: { accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null } });
    expect(screen.getByTestId('composer-target').textContent).toContain('This draft goes out as');
    expect(line().textContent).toBe('Post on X · Embassy of Azuria in Nordmark @AzuriaInNordmark · own publication');
    const publish = screen.getByTestId('composer-publish');
    expect(publish.textContent).toBe('Publish post on X');
    expect(publish.getAttribute('aria-label')).toBe('Publish post on X: Embassy of Azuria in Nordmark @AzuriaInNordmark · own publication');
  });

  it('names the task and what a reply answers, and the button says it is a reply', async () => {
    await renderComposer({
      ...criticism,
      props: { replyTarget: { id: 'mp-post', author: 'MP Ravn', excerpt: 'Where was the embassy?' } },
    });
    expect(line().textContent).toBe('Reply on X · Embassy of Azuria in Nordmark @AzuriaInNordmark · task “Reply to MP Ravn” · replying to MP Ravn');
    expect(screen.getByRole('button', { name: /^Publish reply on X: / }).getAttribute('aria-label')).toContain('task “Reply to MP Ravn”');
  });

  it('names the recipient of a message, and says "send"', async () => {
    await renderComposer({
      ...criticism,
      draft: { accountId: 'embassy-fb', kind: 'direct-message', taskId: 'journalist-dm', replyTo: null },
      props: { recipient: 'Nordposten' },
    });
    expect(line().textContent).toBe(
      'Direct message on Facebook · Embassy of Azuria in Nordmark @AzuriaEmbassyNordmark · task “Comment for Nordposten” · to Nordposten',
    );
    expect(screen.getByTestId('composer-publish').textContent).toBe('Send message on Facebook');
  });

  it('says when the task is no longer open, and refuses to publish for it', async () => {
    const { user, onPublish, onDraftChange } = await renderComposer({
      ...criticism,
      openTaskIds: ['journalist-dm'],
      draft: { accountId: 'embassy-x', kind: 'reply', taskId: 'reply-to-mp', replyTo: 'mp-post', text: 'Thank you for the question.' },
    });
    expect(line().textContent).toContain('task “Reply to MP Ravn”, no longer open');
    expect(screen.getByTestId('composer-refusal').dataset.key).toBe('task-closed');
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(true);
    await user.click(textarea());
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onPublish).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Make it my own publication' }));
    expect(onDraftChange).toHaveBeenLastCalledWith(expect.objectContaining({ taskId: null, replyTo: 'mp-post' }));
    expect(screen.queryByTestId('composer-refusal')).toBeNull();
  });

  it('in the inbox with nothing aimed, says to choose a message or a feed and publishes nothing until an account is chosen', async () => {
    const onChooseDraft = vi.fn<(draft: ComposerDraft) => void>();
    const { user, onPublish } = await renderComposer({
      ...criticism,
      draft: { accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null },
      props: { needsTarget: true, onChooseDraft },
    });
    expect(line().textContent).toBe('Nothing chosen yet — Choose a message to answer, or open an account’s feed to post.');
    expect(screen.getByTestId('composer-target').dataset.needsTarget).toBe('true');
    const publish = screen.getByTestId<HTMLButtonElement>('composer-publish');
    expect(publish.textContent).toBe('Publish');
    await user.type(textarea(), 'Dear all');
    expect(publish.disabled).toBe(true);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onPublish).not.toHaveBeenCalled();
    // The line says it all: no refusal box repeats it.
    expect(screen.queryByTestId('composer-refusal')).toBeNull();
    // No account shows as chosen, so the one the draft last named can be chosen too.
    await user.click(screen.getByRole('button', { name: 'Change account, kind or task' }));
    const account = screen.getByTestId<HTMLSelectElement>('composer-account');
    expect(account.value).toBe('');
    expect(within(account).getAllByRole('option')[0]!.textContent).toBe('Choose an account…');
    await user.selectOptions(account, 'embassy-x');
    expect(onChooseDraft).toHaveBeenLastCalledWith({ accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null, text: 'Dear all' });
  });

  it('says when the task asks for another account than the one chosen', async () => {
    await renderComposer({ ...criticism, draft: { accountId: 'embassy-fb', kind: 'reply', taskId: 'reply-to-mp', replyTo: 'mp-post' } });
    expect(screen.getByTestId('composer-target-elsewhere').textContent).toBe('The task asks for X @AzuriaInNordmark.');
  });

  it('changes behind "Change": the task, the account and the kind, from the keyboard too', async () => {
    const onTakeTask = vi.fn();
    const { user, onDraftChange } = await renderComposer({
      ...criticism,
      draft: { accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null },
      props: { onTakeTask },
    });
    const change = screen.getByRole('button', { name: 'Change account, kind or task' });
    expect(change.getAttribute('aria-expanded')).toBe('false');
    change.focus();
    await user.keyboard('{Enter}');
    expect(change.getAttribute('aria-expanded')).toBe('true');
    const account = () => screen.getByTestId<HTMLSelectElement>('composer-account');
    const kind = () => screen.getByTestId<HTMLSelectElement>('composer-kind');
    const task = () => screen.getByTestId<HTMLSelectElement>('composer-task');
    expect(task().value).toBe('');
    expect(
      within(task())
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['No task: a publication of your own', 'Reply to MP Ravn', 'Comment for Nordposten']);
    expect(
      within(account())
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Embassy of Azuria in Nordmark · X @AzuriaInNordmark', 'Embassy of Azuria in Nordmark · Facebook @AzuriaEmbassyNordmark']);
    // A reply needs something to answer, a message someone to write to: neither is on offer for a post of one's own.
    expect(
      within(kind())
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Post', 'Thread', 'Mass notification']);

    // Taking up a task is the desk's: it opens the task's feed too.
    await user.selectOptions(task(), 'journalist-dm');
    expect(onTakeTask).toHaveBeenCalledWith(expect.objectContaining({ id: 'journalist-dm' }));

    await user.selectOptions(kind(), 'thread');
    expect(onDraftChange).toHaveBeenLastCalledWith({ accountId: 'embassy-x', kind: 'thread', taskId: null, replyTo: null, text: '' });
    expect(line().textContent).toContain('Thread on X');
    await user.selectOptions(account(), 'embassy-fb');
    expect(line().textContent).toBe('Thread on Facebook · Embassy of Azuria in Nordmark @AzuriaEmbassyNordmark · own publication');
  });

  it('aims itself at a chosen task where no desk takes it up, and a post answers nothing', async () => {
    const { user, onDraftChange } = await renderComposer({ ...criticism, draft: { accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null } });
    await user.click(screen.getByTestId('composer-change'));
    await user.selectOptions(screen.getByTestId('composer-task'), 'reply-to-mp');
    expect(onDraftChange).toHaveBeenLastCalledWith({ accountId: 'embassy-x', kind: 'reply', taskId: 'reply-to-mp', replyTo: 'mp-post', text: '' });
    await user.selectOptions(screen.getByTestId('composer-kind'), 'post');
    expect(onDraftChange).toHaveBeenLastCalledWith({ accountId: 'embassy-x', kind: 'post', taskId: 'reply-to-mp', replyTo: null, text: '' });
    await user.selectOptions(screen.getByTestId('composer-kind'), 'reply');
    expect(onDraftChange).toHaveBeenLastCalledWith({ accountId: 'embassy-x', kind: 'reply', taskId: 'reply-to-mp', replyTo: 'mp-post', text: '' });
    await user.selectOptions(screen.getByTestId('composer-task'), '');
    expect(onDraftChange).toHaveBeenLastCalledWith({ accountId: 'embassy-x', kind: 'reply', taskId: null, replyTo: 'mp-post', text: '' });
  });

  it('shows what is being replied to and lets the reply be cancelled', async () => {
    const onCancelReply = vi.fn();
    const { user } = await renderComposer({
      props: { replyTarget: { id: 'question', author: 'Reporter', excerpt: 'How do people get home?' }, onCancelReply },
    });
    const target = screen.getByTestId('composer-reply-target');
    expect(target.textContent).toContain('Replying to Reporter');
    expect(target.textContent).toContain('How do people get home?');
    await user.click(within(target).getByRole('button', { name: 'Cancel the reply' }));
    expect(onCancelReply).toHaveBeenCalledTimes(1);
  });

  it('refuses a reply with nothing to answer, and makes it a post on request', async () => {
    const { user, onPublish } = await renderComposer({ draft: { kind: 'reply', taskId: null, replyTo: null, text: 'Thank you.' } });
    expect(line().textContent).toContain('nothing to reply to');
    expect(screen.getByTestId('composer-refusal-message').textContent).toBe('A reply answers a post, and this draft answers none.');
    await user.click(screen.getByRole('button', { name: 'Make it a post' }));
    expect(attribute('kind')).toBe('post');
    await user.click(screen.getByTestId('composer-publish'));
    expect(onPublish).toHaveBeenCalledWith(expect.objectContaining({ kind: 'post', text: 'Thank you.' }));
  });
});

describe('Composer: offered tasks', () => {
  it('offers each task with its platform, handle and title; takes one only when asked; lets one be turned down', async () => {
    const onTakeTask = vi.fn();
    const onDismissOffer = vi.fn();
    const scenario = core.scenarios.find((candidate) => candidate.id === 'earthquake-consular')!;
    const offers = scenario.tasks.filter((task) => task.id === 'first-post' || task.id === 'dm-passport');
    const { user, onDraftChange } = await renderComposer({
      pack: core,
      scenarioId: 'earthquake-consular',
      openTaskIds: ['first-post', 'dm-passport'],
      draft: { accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null },
      props: { offers, onTakeTask, onDismissOffer },
    });
    const listed = within(screen.getByRole('list', { name: 'Tasks you can take up' })).getAllByRole('listitem');
    expect(listed.map((offer) => offer.textContent)).toEqual([
      expect.stringContaining('New task on Telegram · @AzuriaEmbassyTallvik: '),
      expect.stringContaining('New task on Telegram · @AzuriaEmbassyTallvik: '),
    ]);
    const firstTitle = offers[0]!.title.en!;
    expect(listed[0]!.textContent).toContain(firstTitle);
    // Offered, not taken: the line still aims at X.
    expect(attribute('account')).toBe('embassy-x');
    expect(onDraftChange).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: `Write it: ${firstTitle} on Telegram` }));
    expect(onTakeTask).toHaveBeenCalledWith(offers[0]);
    await user.click(screen.getByRole('button', { name: `Not now: ${offers[1]!.title.en!}` }));
    expect(onDismissOffer).toHaveBeenCalledWith(offers[1]!.id);
  });
});

describe('Composer: what the platform would refuse', () => {
  const earthquake = { pack: core, scenarioId: 'earthquake-consular', openTaskIds: ['steps-thread'] };

  it('never publishes a 492-character post on X: says its length, the limit and how to fix it', async () => {
    const { user, onPublish, onDraftChange } = await renderComposer({
      ...earthquake,
      draft: { accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null },
    });
    await user.click(textarea());
    await user.paste('b'.repeat(492));
    const refusal = screen.getByTestId('composer-refusal');
    expect(refusal.dataset.key).toBe('too-long');
    expect(within(refusal).getByTestId('composer-refusal-title').textContent).toBe('X would refuse this.');
    expect(screen.getByTestId('composer-refusal-message').textContent).toBe('This has 492 characters; X takes at most 280 in one post.');
    expect(screen.getByTestId('composer-refusal-fix').textContent).toBe(
      'Shorten it, or make it a thread and leave a blank line wherever the next post should start.',
    );
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(true);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onPublish).not.toHaveBeenCalled();

    await user.click(within(refusal).getByRole('button', { name: 'Make it a thread' }));
    expect(onDraftChange).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'thread' }));
    // Still one part over the limit, now named as the thread's first post.
    expect(screen.getByTestId('composer-refusal-message').textContent).toBe('Post 1 of the thread has 492 characters; X takes at most 280 in each post.');
  });

  it('refuses a thread whose part is over the limit, naming the part, until it is split', async () => {
    const { user, onPublish } = await renderComposer({
      ...earthquake,
      draft: { accountId: 'embassy-x', kind: 'thread', taskId: 'steps-thread', replyTo: null },
    });
    await user.click(textarea());
    const long = `${'Register with the embassy. '.repeat(12).trimEnd()}`;
    await user.paste(`Stay where you are safe.\n\n${long}`);
    expect(screen.getByTestId('composer-refusal-message').textContent).toBe(
      `Post 2 of the thread has ${long.length} characters; X takes at most 280 in each post.`,
    );
    expect(screen.getByTestId('composer-refusal-fix').textContent).toBe('Split it: leave a blank line where the next post should start. Or shorten it.');
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(true);

    const half = long.indexOf('Register', long.length / 2);
    await user.clear(textarea());
    await user.paste(`Stay where you are safe.\n\n${long.slice(0, half).trimEnd()}\n\n${long.slice(half)}`);
    expect(screen.queryByTestId('composer-refusal')).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Publish thread on X: / }));
    expect(onPublish).toHaveBeenCalledTimes(1);
  });

  it('takes on Telegram what X refuses, up to Telegram’s own limit', async () => {
    const { user } = await renderComposer({ ...earthquake, draft: { accountId: 'embassy-telegram', kind: 'post', taskId: null, replyTo: null } });
    await user.click(textarea());
    await user.paste('b'.repeat(492));
    expect(screen.queryByTestId('composer-refusal')).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(false);
  });

  it('says it in Russian, with the right plural forms', async () => {
    const { user } = await renderComposer({ ...earthquake, uiLanguage: 'ru', draft: { accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null } });
    expect(line().textContent).toBe('Публикация · X · Embassy of Azuria in Tallvik @AzuriaInTallvik · без задачи');
    expect(screen.getByTestId('composer-publish').textContent).toBe('Опубликовать пост · X');
    await user.click(textarea());
    await user.paste('b'.repeat(492));
    expect(screen.getByTestId('composer-refusal-message').textContent).toBe('В тексте 492 знака, а X принимает в одном посте не больше 280.');
    await user.clear(textarea());
    await user.paste('b'.repeat(285));
    expect(screen.getByTestId('composer-refusal-message').textContent).toBe('В тексте 285 знаков, а X принимает в одном посте не больше 280.');
    await user.clear(textarea());
    await user.paste('b'.repeat(281));
    expect(screen.getByTestId('composer-refusal-message').textContent).toBe('В тексте 281 знак, а X принимает в одном посте не больше 280.');
  });
});

describe('Composer: publishing', () => {
  it('publishes the draft with Ctrl+Enter in the text, once, without adding a line', TYPING, async () => {
    const { user, onPublish } = await renderComposer();
    const outside = vi.fn();
    document.documentElement.addEventListener('keydown', outside);
    try {
      await user.type(textarea(), MODEL_ANSWER);
      outside.mockClear();
      await user.keyboard('{Control>}{Enter}{/Control}');
    } finally {
      document.documentElement.removeEventListener('keydown', outside);
    }

    expect(onPublish).toHaveBeenCalledTimes(1);
    expect(onPublish).toHaveBeenCalledWith({ accountId: 'embassy-x', kind: 'post', taskId: 'publish-hotline', replyTo: null, text: MODEL_ANSWER });
    expect(textarea().value).toBe(MODEL_ANSWER);
    // The player's global Ctrl+Enter listens on the document: it must not publish the same draft again.
    expect(outside.mock.calls.filter(([event]) => (event as KeyboardEvent).key === 'Enter')).toHaveLength(0);
    expect(textarea().getAttribute('aria-keyshortcuts')).toBe('Control+Enter Meta+Enter');
  });

  it('publishes with the button, even a draft that would not pass', async () => {
    const { user, onPublish } = await renderComposer();
    await user.click(textarea());
    await user.paste(WRONG_NUMBER);
    await user.click(screen.getByRole('button', { name: /^Publish post on X: / }));
    expect(onPublish).toHaveBeenCalledWith(expect.objectContaining({ text: WRONG_NUMBER, taskId: 'publish-hotline' }));
  });

  it('publishes nothing while the scenario is not live, or while the draft is blank', async () => {
    const { user, onPublish } = await renderComposer({ props: { disabled: true } });
    expect(screen.getByTestId('composer-off').textContent).toBe('The scenario is not running: publishing is off.');
    await user.click(textarea());
    await user.paste(MODEL_ANSWER);
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(true);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onPublish).not.toHaveBeenCalled();
  });

  it('does not publish a blank draft', async () => {
    const { user, onPublish } = await renderComposer();
    await user.type(textarea(), '   ');
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(true);
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    expect(onPublish).not.toHaveBeenCalled();
  });

  it('forwards the textarea to the player for its focus shortcut', async () => {
    const ref = { current: null as HTMLTextAreaElement | null };
    await renderComposer({ props: { textareaRef: ref } });
    expect(ref.current).toBe(textarea());
  });
});

describe('Composer in Russian', () => {
  it('speaks the UI language, the grader’s messages included', async () => {
    const { user } = await renderComposer({ uiLanguage: 'ru', playLanguage: 'ru' });
    expect(screen.getByLabelText('Ваш черновик')).toBe(textarea());
    await user.click(textarea());
    await user.paste('Сохраняйте спокойствие. Горячая линия +99 123 456 780 работает круглосуточно.');

    await waitFor(() => expect(verdict().textContent).toBe('Пока не пройдёт'));
    const [mismatch] = findingWith('policy.fact-mismatch');
    expect(within(mismatch!).getByTestId('composer-finding-message').textContent).toBe(
      'Неверный номер. Горячая линия: +99 123 456 789, а не +99 123 456 780. Одна ошибка в цифре — и люди не дозвонятся; скопируйте номер из справки.',
    );
    expect(mismatch!.textContent).toContain('Ошибка');
    expect(screen.getByTestId('composer-score-policy').textContent).toContain('Ниже проходного балла (70)');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Соответствие позиции · 1 замечание');

    await user.click(within(mismatch!).getByRole('button', { name: 'Заменить на «+99 123 456 789»' }));
    await waitFor(() => expect(verdict().textContent).toBe('Можно публиковать'));
    expect(screen.getByTestId('composer-counter').textContent).toBe('Длина по правилам X: 77 / 280');
  });

  it('names the languages in Russian when the draft is in the wrong one', async () => {
    const { user } = await renderComposer({ uiLanguage: 'ru' });
    await user.click(textarea());
    await user.paste('Сохраняйте спокойствие. Горячая линия +99 123 456 789 работает круглосуточно.');
    await waitFor(() =>
      expect(screen.getByTestId('composer-language-message').textContent).toBe(
        'Аудитория этого аккаунта читает на английском языке, а черновик написан на русском языке.',
      ),
    );
    expect(screen.getByTestId('composer-language-advice').textContent).toBe('Напишите текст на английском языке.');
  });
});

describe('Composer: grading off the UI thread', () => {
  it('keeps the previous grade on screen, marked as checking, until the grade of the newest draft arrives', async () => {
    const worker = new FakeGradingWorker();
    const { user } = await renderComposer({ props: { gradingPort: () => worker } });
    await user.click(textarea());
    await user.paste(WRONG_NUMBER);
    expect(screen.getByTestId('composer-checking').textContent).toBe('Checking…');
    // The empty draft's grade was asked for first: it comes back stale and is dropped.
    act(() => worker.answerNext());
    expect(verdict().textContent).toBe('');
    act(() => worker.answerNext());
    expect(verdict().textContent).toBe('Would not pass yet');
    expect(findingWith('policy.fact-mismatch')).toHaveLength(1);
    expect(screen.queryByTestId('composer-checking')).toBeNull();

    await user.clear(textarea());
    await user.paste(MODEL_ANSWER);
    // Still the previous grade, its finding and its mark, while the worker grades.
    expect(screen.getByTestId('composer-checking').textContent).toBe('Checking…');
    expect(verdict().textContent).toBe('Would not pass yet');
    expect(findingWith('policy.fact-mismatch')).toHaveLength(1);
    act(() => worker.answerNext());
    act(() => worker.answerNext());
    expect(verdict().textContent).toBe('Ready to publish');
    expect(findings()).toHaveLength(0);
    expect(screen.queryByTestId('composer-checking')).toBeNull();
    expect(worker.gradedTexts()).toEqual(['', WRONG_NUMBER, '', MODEL_ANSWER]);
  });

  it('lists at most 25 findings per axis, the gravest, and counts the rest', async () => {
    const { user } = await renderComposer();
    await user.click(textarea());
    await user.paste(`${MODEL_ANSWER} ${Array.from({ length: 40 }, (_, i) => `https://example.org/${i}`).join(' ')}`);
    await waitFor(() => expect(screen.getByTestId('composer-findings-more').textContent).toBe('… and 15 more, less grave than these.'));
    const platform = screen.getByTestId('composer-findings-platform');
    expect(within(platform).getAllByTestId('composer-finding')).toHaveLength(25);
    expect(within(platform).getByRole('heading', { level: 3 }).textContent).toBe('Platform fit · 40 findings');
    // Every link past the first is marked in the text, listed or not.
    expect(markTexts().filter(([text]) => text?.startsWith('https://example.org/')).length).toBeGreaterThanOrEqual(39);
  });

  it('says plainly when a paste is over the grader’s ceiling, keeps every character, and grades again once it is shorter', async () => {
    const { user } = await renderComposer();
    await user.click(textarea());
    const paste = `${MODEL_ANSWER} `.repeat(2_000);
    await user.paste(paste);

    expect(textarea().value).toBe(paste);
    expect(screen.getByTestId('composer-ceiling').textContent).toContain('Too long to check');
    expect(screen.getByTestId('composer-ceiling-message').textContent).toBe(
      `This draft is ${paste.length.toLocaleString('en')} characters long; the grader reads up to 100,000, far more than any post holds. Shorten it to see feedback and to publish — nothing you wrote is lost.`,
    );
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(true);
    expect(screen.queryByTestId('composer-score-tone')).toBeNull();
    expect(screen.queryByTestId('composer-counter')).toBeNull();
    expect(verdict().textContent).toBe('');

    await user.clear(textarea());
    await user.paste(MODEL_ANSWER);
    await waitFor(() => expect(verdict().textContent).toBe('Ready to publish'));
    expect(screen.queryByTestId('composer-ceiling')).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(false);
  });
});

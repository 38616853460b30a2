// Runtime: Node (Vitest). The composer's aim: it writes for the feed that is open, never re-aims itself
// once touched, offers the tasks that open instead of taking them, starts afresh after publishing,
// and refuses what the platform would refuse.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../core/pack/load';
import { CORE_LIBRARY_DIR, readFolder } from '../../../test/packs';
import type { DraftState, TaskRef } from './target';
import {
  afterPublish,
  aimDraft,
  answerItem,
  cancelReply,
  dismissOffer,
  editDraft,
  freshPost,
  kindChoices,
  needsTarget,
  offeredTasks,
  publishRefusal,
  restoreDraft,
  startDraft,
  syncDraft,
  takeTask,
  withKind,
} from './target';

const X = 'embassy-x';
const TG = 'embassy-telegram';
const VK = 'embassy-vk';

const notify: TaskRef = { id: 'mass-notification', account: VK, kind: 'mass-notification' };
const pavel: TaskRef = { id: 'reply-pavel', account: TG, kind: 'reply', replyTo: 'pavel-comment' };
const rumour: TaskRef = { id: 'rumour-post', account: X, kind: 'post' };
const holt: TaskRef = { id: 'reply-holt', account: X, kind: 'reply', replyTo: 'holt-question' };

/** The trainee on the X feed, nothing open yet, nothing touched. */
const onX = (): DraftState => startDraft(X, VK, []);

describe('where the composer starts', () => {
  it('writes a post for the account whose feed is open', () => {
    expect(onX().draft).toEqual(freshPost(X));
    expect(onX().touched).toBe(false);
  });

  it('writes for the first account when the desk opens on the inbox', () => {
    expect(startDraft(null, VK, []).draft).toEqual(freshPost(VK));
  });

  it('picks up a task already open on that account, and only there', () => {
    expect(startDraft(X, VK, [notify, rumour]).draft).toEqual({ accountId: X, kind: 'post', taskId: 'rumour-post', replyTo: null, text: '' });
    expect(startDraft(X, VK, [notify, pavel]).draft).toEqual(freshPost(X));
  });
});

describe('opening another feed', () => {
  it('moves an untouched, empty composer to that account, as a post for no task', () => {
    const state = syncDraft(startDraft(X, VK, [rumour]), TG, [rumour]);
    expect(state.draft).toEqual(freshPost(TG));
    expect(state.view).toBe(TG);
  });

  it('leaves it where it is when the inbox opens', () => {
    expect(syncDraft(onX(), null, []).draft).toEqual(freshPost(X));
  });

  it('never moves a composer the trainee has typed in', () => {
    const typed = editDraft(onX(), { ...freshPost(X), text: 'We are aware' });
    expect(syncDraft(typed, TG, []).draft).toEqual({ ...freshPost(X), text: 'We are aware' });
  });

  it('never moves a composer the trainee has aimed, even emptied again', () => {
    const chosen = editDraft(onX(), { ...freshPost(X), kind: 'thread' });
    expect(syncDraft(chosen, TG, []).draft).toEqual({ ...freshPost(X), kind: 'thread' });
    const emptied = editDraft(editDraft(onX(), { ...freshPost(X), text: 'W' }), freshPost(X));
    expect(syncDraft(emptied, TG, []).draft.accountId).toBe(X);
  });

  it('is the same state when nothing changed, so the desk can bring it up to date at every render', () => {
    const state = syncDraft(onX(), X, [pavel]);
    expect(syncDraft(state, X, [pavel])).toBe(state);
  });
});

describe('a task opening', () => {
  it('on another account is offered, never taken', () => {
    const state = syncDraft(onX(), X, [pavel]);
    expect(state.draft).toEqual(freshPost(X));
    expect(offeredTasks(state, [pavel])).toEqual([pavel]);
  });

  it('on the open account is picked up by an untouched, empty composer', () => {
    const state = syncDraft(onX(), X, [rumour]);
    expect(state.draft).toEqual({ accountId: X, kind: 'post', taskId: 'rumour-post', replyTo: null, text: '' });
    expect(state.touched).toBe(false);
    expect(offeredTasks(state, [rumour])).toEqual([]);
  });

  it('on the open account is only offered once the trainee has typed or chosen anything', () => {
    const typed = editDraft(onX(), { ...freshPost(X), text: 'Flights resume' });
    expect(syncDraft(typed, X, [rumour]).draft).toEqual({ ...freshPost(X), text: 'Flights resume' });
    expect(offeredTasks(syncDraft(typed, X, [rumour]), [rumour])).toEqual([rumour]);
    const aimed = editDraft(onX(), { ...freshPost(X), kind: 'thread' });
    expect(syncDraft(aimed, X, [rumour]).draft.taskId).toBeNull();
  });

  it('never replaces the task a composer already holds, touched or not', () => {
    const holding = syncDraft(onX(), X, [rumour]);
    const later = syncDraft(holding, X, [rumour, holt]);
    expect(later.draft.taskId).toBe('rumour-post');
    expect(offeredTasks(later, [rumour, holt])).toEqual([holt]);
  });

  it('already open when the trainee opens its feed is offered, not picked up', () => {
    const state = syncDraft(syncDraft(onX(), X, [pavel]), TG, [pavel]);
    expect(state.draft).toEqual(freshPost(TG));
    expect(offeredTasks(state, [pavel])).toEqual([pavel]);
  });

  it('picked up by an untouched composer goes back to the offers when the trainee opens another feed', () => {
    const state = syncDraft(syncDraft(onX(), X, [rumour]), TG, [rumour]);
    expect(state.draft).toEqual(freshPost(TG));
    expect(offeredTasks(state, [rumour])).toEqual([rumour]);
  });
});

describe('a task closing', () => {
  it('sends an untouched composer back to a post of its own', () => {
    const holding = syncDraft(onX(), X, [rumour]);
    expect(syncDraft(holding, X, []).draft).toEqual(freshPost(X));
  });

  it('is kept, as the trainee aimed it, in a touched composer', () => {
    const writing = editDraft(syncDraft(onX(), X, [rumour]), { ...syncDraft(onX(), X, [rumour]).draft, text: 'Rumours' });
    expect(syncDraft(writing, X, []).draft.taskId).toBe('rumour-post');
  });

  it('is no longer offered', () => {
    expect(offeredTasks(syncDraft(syncDraft(onX(), X, [pavel]), X, []), [])).toEqual([]);
  });
});

describe('the trainee’s own choices', () => {
  it('taking up an offered task aims the composer at it and keeps the words', () => {
    const typed = editDraft(syncDraft(onX(), X, [pavel]), { ...freshPost(X), text: 'Dear Pavel' });
    const taken = takeTask(typed, pavel);
    expect(taken.draft).toEqual({ accountId: TG, kind: 'reply', taskId: 'reply-pavel', replyTo: 'pavel-comment', text: 'Dear Pavel' });
    expect(taken.touched).toBe(true);
    expect(offeredTasks(taken, [pavel])).toEqual([]);
  });

  it('a task once taken up or turned down is not offered again', () => {
    const offered = syncDraft(onX(), X, [pavel, notify]);
    const taken = editDraft(takeTask(offered, pavel), freshPost(X));
    expect(offeredTasks(taken, [pavel, notify])).toEqual([notify]);
    expect(offeredTasks(dismissOffer(taken, 'mass-notification'), [pavel, notify])).toEqual([]);
  });

  it('answering an item aims at it, taking up the task that asks for exactly that answer', () => {
    const offTask = answerItem(onX(), { accountId: X, kind: 'reply', replyTo: 'airport-closed', task: null });
    expect(offTask.draft).toEqual({ accountId: X, kind: 'reply', taskId: null, replyTo: 'airport-closed', text: '' });
    expect(offTask.touched).toBe(true);
    const onTask = answerItem(onX(), { accountId: X, kind: 'reply', replyTo: 'holt-question', task: holt });
    expect(onTask.draft).toEqual({ accountId: X, kind: 'reply', taskId: 'reply-holt', replyTo: 'holt-question', text: '' });
  });

  it('a reply aimed off-task stays a reply while tasks open on its account', () => {
    const replying = answerItem(onX(), { accountId: X, kind: 'reply', replyTo: 'airport-closed', task: null });
    expect(syncDraft(replying, X, [rumour]).draft).toEqual(replying.draft);
  });

  it('cancelling a reply leaves a post for no task, on the same account', () => {
    const replying = answerItem(onX(), { accountId: X, kind: 'reply', replyTo: 'holt-question', task: holt });
    expect(cancelReply(replying).draft).toEqual(freshPost(X));
    expect(cancelReply(replying).touched).toBe(true);
  });

  it('cancelling the conversation of a message keeps it a message', () => {
    const writing = answerItem(onX(), { accountId: TG, kind: 'direct-message', replyTo: 'dm-1', task: null });
    expect(cancelReply(writing).draft.kind).toBe('direct-message');
    expect(cancelReply(writing).draft.replyTo).toBeNull();
  });
});

describe('after publishing', () => {
  it('starts afresh with a post on the same account, answering nothing, for no task', () => {
    const replying = answerItem(onX(), { accountId: X, kind: 'reply', replyTo: 'holt-question', task: holt });
    const published = afterPublish({ ...replying, draft: { ...replying.draft, text: 'Thank you' } }, { ...replying.draft, text: 'Thank you' });
    expect(published.draft).toEqual(freshPost(X));
    expect(published.touched).toBe(false);
  });

  it('does not take up another task already open, but offers it', () => {
    const holding = syncDraft(onX(), X, [rumour, holt]);
    const published = syncDraft(afterPublish(holding, { ...holding.draft, text: 'Not true.' }), X, [holt]);
    expect(published.draft).toEqual(freshPost(X));
    expect(offeredTasks(published, [holt])).toEqual([holt]);
  });

  it('follows the next feed the trainee opens, as a fresh composer does', () => {
    const published = afterPublish(editDraft(onX(), { ...freshPost(X), text: 'Hello' }), { ...freshPost(X), text: 'Hello' });
    expect(syncDraft(published, TG, []).draft).toEqual(freshPost(TG));
  });
});

describe('in the inbox', () => {
  /** The trainee opened the inbox from the X feed, touching nothing. */
  const inInbox = (): DraftState => syncDraft(onX(), null, []);

  it('an untouched composer aims at nothing and publishes nothing: it waits for a message or a feed', () => {
    expect(needsTarget(inInbox())).toBe(true);
    expect(needsTarget(startDraft(null, VK, []))).toBe(true);
    expect(needsTarget(onX())).toBe(false);
  });

  it('words typed there do not make a public post of it', () => {
    const typed = editDraft(inInbox(), { ...inInbox().draft, text: 'Dear all' });
    expect(typed.touched).toBe(true);
    expect(needsTarget(typed)).toBe(true);
  });

  it('answering a message, taking up a task or choosing where it goes aims it', () => {
    const typed = editDraft(inInbox(), { ...inInbox().draft, text: 'Dear Lina' });
    const answering = answerItem(typed, { accountId: VK, kind: 'direct-message', replyTo: 'lina-dm', task: null });
    expect(answering.draft).toEqual({ accountId: VK, kind: 'direct-message', taskId: null, replyTo: 'lina-dm', text: 'Dear Lina' });
    expect(needsTarget(answering)).toBe(false);
    expect(needsTarget(takeTask(typed, notify))).toBe(false);
    // Choosing the account it already names is a choice too.
    expect(needsTarget(aimDraft(typed, typed.draft))).toBe(false);
    expect(needsTarget(editDraft(typed, { ...typed.draft, accountId: TG }))).toBe(false);
  });

  it('takes no task by itself, even one opening on the account it last wrote for', () => {
    const state = syncDraft(inInbox(), null, [rumour]);
    expect(state.draft).toEqual(freshPost(X));
    expect(offeredTasks(state, [rumour])).toEqual([rumour]);
    expect(startDraft(null, X, [rumour]).draft.taskId).toBeNull();
  });

  it('words written with nothing aimed go to the feed the trainee then opens; aimed ones never move', () => {
    const typed = editDraft(inInbox(), { ...inInbox().draft, text: 'Dear all' });
    const onTelegram = syncDraft(typed, TG, []);
    expect(onTelegram.draft).toEqual({ ...freshPost(TG), text: 'Dear all' });
    expect(needsTarget(onTelegram)).toBe(false);
    const writtenOnX = syncDraft(editDraft(onX(), { ...freshPost(X), text: 'Flights resume' }), null, []);
    expect(needsTarget(writtenOnX)).toBe(false);
    expect(syncDraft(writtenOnX, TG, []).draft).toEqual({ ...freshPost(X), text: 'Flights resume' });
  });

  it('after a reply from the inbox, and after cancelling one there, it waits for the next choice', () => {
    const answering = answerItem(inInbox(), { accountId: VK, kind: 'reply', replyTo: 'lina-dm', task: null });
    expect(needsTarget(afterPublish(answering, { ...answering.draft, text: 'Call us' }))).toBe(true);
    expect(needsTarget(cancelReply(answering))).toBe(true);
    expect(needsTarget(cancelReply(answerItem(onX(), { accountId: X, kind: 'reply', replyTo: 'holt-question', task: null })))).toBe(false);
  });

  it('a draft read back after a reload is aimed by what it holds or by the feed open, not by having been saved', () => {
    expect(needsTarget(restoreDraft(inInbox(), { ...freshPost(X), text: 'Dear all' }))).toBe(true);
    expect(needsTarget(restoreDraft(inInbox(), { ...freshPost(X), taskId: 'rumour-post', text: 'Not true' }))).toBe(false);
    expect(needsTarget(syncDraft(restoreDraft(onX(), { ...freshPost(X), text: 'Dear all' }), null, []))).toBe(false);
  });

  it('is refused with its reason before anything else', () => {
    const core = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
    const scenario = core.scenarios.find((candidate) => candidate.id === 'earthquake-consular')!;
    const x = scenario.accounts.find((account) => account.platform === 'x')!.id;
    expect(publishRefusal({ scenario, manifest: core.manifest }, { ...freshPost(x), text: 'Hello' }, [], true)).toEqual({ key: 'no-target' });
    expect(publishRefusal({ scenario, manifest: core.manifest }, { ...freshPost(x), text: 'Hello' }, [], false)).toBeNull();
  });
});

describe('the kinds on offer', () => {
  it('offers a reply only with something to answer, and a message only with someone to write to', () => {
    expect(kindChoices(freshPost(X), null)).toEqual(['post', 'thread', 'mass-notification']);
    expect(kindChoices({ ...freshPost(X), kind: 'reply', replyTo: 'holt-question' }, null)).toEqual(['post', 'thread', 'mass-notification', 'reply']);
    expect(kindChoices({ ...freshPost(X), taskId: 'reply-holt' }, holt)).toContain('reply');
    expect(kindChoices({ ...freshPost(TG), kind: 'direct-message', replyTo: 'dm-1' }, null)).toContain('direct-message');
  });

  it('a post, thread or notification answers nothing; a reply answers the task’s post again', () => {
    const reply = { accountId: X, kind: 'reply' as const, taskId: 'reply-holt', replyTo: 'holt-question', text: 'Yes' };
    const post = withKind(reply, 'post', holt);
    expect(post).toEqual({ ...reply, kind: 'post', replyTo: null });
    expect(withKind(post, 'reply', holt)).toEqual(reply);
    expect(withKind(freshPost(X), 'reply', null).replyTo).toBeNull();
  });
});

describe('what cannot be published', () => {
  const core = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
  const scenario = core.scenarios.find((candidate) => candidate.id === 'earthquake-consular')!;
  const input = { scenario, manifest: core.manifest };
  const x = scenario.accounts.find((account) => account.platform === 'x')!.id;
  const telegram = scenario.accounts.find((account) => account.platform === 'telegram')!.id;
  const words = (count: number) => 'a '.repeat(count).trimEnd();

  it('refuses an X post over 280 characters, saying its length and the limit', () => {
    expect(publishRefusal(input, { ...freshPost(x), text: words(140) }, [])).toBeNull();
    expect(publishRefusal(input, { ...freshPost(x), text: 'b'.repeat(492) }, [])).toEqual({ key: 'too-long', length: 492, limit: 280 });
  });

  it('refuses a thread whose part is over the limit, naming the part', () => {
    const thread = { ...freshPost(x), kind: 'thread' as const, text: `First part.\n\n${'c'.repeat(492)}\n\nThird.` };
    expect(publishRefusal(input, thread, [])).toEqual({ key: 'part-too-long', part: 2, length: 492, limit: 280 });
    expect(publishRefusal(input, { ...thread, text: `First part.\n\n${'c'.repeat(280)}` }, [])).toBeNull();
  });

  it('takes on Telegram what X would refuse', () => {
    expect(publishRefusal(input, { ...freshPost(telegram), text: 'b'.repeat(492) }, [])).toBeNull();
  });

  it('refuses a blank draft, a task no longer open and a reply to nothing', () => {
    expect(publishRefusal(input, { ...freshPost(x), text: '  \n' }, [])).toEqual({ key: 'blank' });
    expect(publishRefusal(input, { ...freshPost(x), taskId: 'steps-thread', text: 'Steps' }, [])).toEqual({ key: 'task-closed' });
    expect(publishRefusal(input, { ...freshPost(x), taskId: 'steps-thread', text: 'Steps' }, ['steps-thread'])).toBeNull();
    expect(publishRefusal(input, { ...freshPost(x), kind: 'reply', text: 'Yes' }, [])).toEqual({ key: 'no-reply-target' });
  });

  it('refuses a draft longer than the grader reads', () => {
    expect(publishRefusal(input, { ...freshPost(telegram), text: 'd'.repeat(100_001) }, [])).toEqual({ key: 'ceiling', length: 100_001 });
  });
});

// Runtime: Node (Vitest, happy-dom). The forms and the timeline over one document: a text typed in a
// form lands in the YAML and leaves the author's comments where they were; a missing translation is
// marked and the mark goes when it is written; an account renamed in its form is renamed in the tasks
// that use it (and refused, saying why, when the name is taken); a timeline item opens its form.
// Headquarters' clearance, reach targets, reports, live streams and their moderation are written
// through the forms too, and the validator's problem with a bad value is listed beside them.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { documentFromFiles, readAt, type PackDocument } from '../../../core/studio/document';
import { MINIMAL_PACK_DIR, readFolder } from '../../../test/packs';
import { renderInStudio } from '../../../test/studio';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { useStudioWorkspace } from '../studio-context';
import { TimelineView } from '../timeline/TimelineView';
import { FormsView } from './FormsView';

const encode = (text: string) => new TextEncoder().encode(text);

const SCENARIO = `# The hotline drill: the comments here must survive every form edit.
id: hotline
kind: crisis
title:
  en: Hotline open
  ru: Горячая линия открыта
summary:
  en: Flights are suspended.
  ru: Рейсы отменены.
situation:
  en: The airport is closed. # why the trainee is here
  ru: Аэропорт закрыт.
role:
  title: { en: Press attaché, ru: Пресс-атташе }
  organisation: { en: Embassy, ru: Посольство }
duration: "1:00"
accounts:
  - id: embassy-x
    platform: x
    handle: "@embassy"
    name: { en: Embassy on X, ru: Посольство в X }
    audience:
      followers: 1000
      description: { en: Citizens abroad, ru: Граждане за рубежом }
  - id: embassy-tg
    platform: telegram
    handle: "@embassy_tg"
    name: { en: Embassy on Telegram }
    audience:
      followers: 200
      description: { en: Citizens, ru: Граждане }
facts: []
policy:
  keyMessages: []
  tone: { target: calm-firm }
timeline:
  - id: hq-request
    at: "0:05"
    type: hq-request
    persona: hq
    account: embassy-x
    text: { en: Post the hotline., ru: Опубликуйте номер. }
tasks:
  # the first task
  - id: hotline-post
    kind: post
    account: embassy-x
    opensAt: "0:05"
    due: "0:20"
    title: { en: Hotline post, ru: Пост о линии }
    brief: { en: Post it., ru: Опубликуйте. }
    passMark: { tone: 60, policy: 70, platform: 60 }
    modelAnswer: { en: Call us., ru: Звоните нам. }
`;

const PERSONAS = `personas:
  - id: reporter
    name: { en: Ana Reporter, ru: Ана Репортёр }
    handle: "@ana"
    role: journalist
  - id: hq
    name: { en: Press Department, ru: Департамент печати }
    handle: "@mfa_press"
    role: headquarters
`;

function packDocument(): PackDocument {
  return documentFromFiles(
    new Map([
      ['pack.yaml', encode('id: drill\nversion: 1.0.0\ntitle: { en: Drill, ru: Учения }\nlanguages: [en, ru]\n')],
      ['personas.yaml', encode(PERSONAS)],
      ['scenarios/hotline.yaml', encode(SCENARIO)],
    ]),
  );
}

const FILE = 'scenarios/hotline.yaml';

/** The view in front, as the studio's frame shows it. */
function Views() {
  const { view } = useStudioWorkspace();
  return <Suspense>{view === 'timeline' ? <TimelineView /> : <FormsView />}</Suspense>;
}

async function renderStudio(initialView: 'forms' | 'timeline' = 'forms', language: 'en' | 'ru' = 'en') {
  const { studio } = await renderInStudio(<Views />, { document: packDocument(), initialView, language });
  return {
    studio,
    text: () => studio().document.texts.get(FILE)!,
    value: (path: (string | number)[]) => readAt(studio().document, FILE, path),
  };
}

describe('the forms', () => {
  it('edits a localized text in the document, keeping the comments elsewhere in the file', async () => {
    const view = await renderStudio();
    const russianTitle = await screen.findByRole('textbox', { name: 'Title, Russian' });
    expect(russianTitle).toHaveProperty('value', 'Горячая линия открыта');
    // The English and Russian texts side by side.
    expect(screen.getByRole('textbox', { name: 'Title, English' })).toHaveProperty('value', 'Hotline open');

    fireEvent.change(russianTitle, { target: { value: 'Горячая линия работает' } });

    expect(view.value(['title'])).toEqual({ en: 'Hotline open', ru: 'Горячая линия работает' });
    expect(view.text()).toContain('# The hotline drill: the comments here must survive every form edit.');
    expect(view.text()).toContain('# why the trainee is here');
    expect(view.text()).toContain('# the first task');
    expect(screen.getByRole('textbox', { name: 'Title, Russian' })).toHaveProperty('value', 'Горячая линия работает');
  });

  it('marks a missing translation and its section, lists it, and drops the mark once it is written', async () => {
    const view = await renderStudio();
    // embassy-tg's name has no Russian.
    expect(await screen.findByRole('tab', { name: 'Accounts 1 missing' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '1 missing translation' }));
    const list = screen.getByRole('list', { name: 'Missing translations' });
    fireEvent.click(within(list).getByRole('button', { name: 'Accounts › embassy-tg › Name: Russian' }));

    const russianName = await screen.findByRole('textbox', { name: 'Name, Russian' });
    await waitFor(() => expect(document.activeElement).toBe(russianName));
    expect(russianName.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Translation missing')).toBeTruthy();
    // The list item says how many of its texts lack a language; the complete one says nothing.
    expect(screen.getByRole('button', { name: /^embassy-tg\b.*1 missing$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^embassy-x\b/ }).textContent).not.toContain('missing');

    fireEvent.change(russianName, { target: { value: 'Посольство в Telegram' } });

    expect(view.value(['accounts', 1, 'name'])).toEqual({ en: 'Embassy on Telegram', ru: 'Посольство в Telegram' });
    expect(screen.queryByText('Translation missing')).toBeNull();
    expect(screen.getByRole('button', { name: 'All texts translated' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Accounts' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^embassy-tg\b/ }).textContent).not.toContain('missing');
  });

  it('renames an account through its form, and every task using it follows; a taken name is refused with the reason', async () => {
    const view = await renderStudio();
    fireEvent.click(await screen.findByRole('tab', { name: /Accounts/ }));
    fireEvent.click(screen.getByRole('button', { name: /embassy-x/ }));
    const id = screen.getByRole('textbox', { name: /^ID/ });

    fireEvent.change(id, { target: { value: 'embassy-tg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(await screen.findByText('“embassy-tg” is already used here: choose another ID.')).toBeTruthy();
    expect(view.value(['tasks', 0, 'account'])).toBe('embassy-x');

    fireEvent.change(id, { target: { value: 'embassy-on-x' } });
    fireEvent.submit(id.closest('form')!);

    expect(view.value(['accounts', 0, 'id'])).toBe('embassy-on-x');
    expect(view.value(['tasks', 0, 'account'])).toBe('embassy-on-x');
    expect(view.value(['timeline', 0, 'account'])).toBe('embassy-on-x');
    expect(view.text()).toContain('# the first task');
    // One undo step takes the whole rename back.
    act(() => view.studio().undo());
    expect(view.value(['tasks', 0, 'account'])).toBe('embassy-x');
    expect(view.value(['accounts', 0, 'id'])).toBe('embassy-x');
  });

  it("names each list item's choices in the reader's language, as its select does", async () => {
    await renderStudio('forms', 'ru');
    fireEvent.click(await screen.findByRole('tab', { name: /Вводные/ }));
    expect(screen.getByRole('button', { name: /0:05 · Поручение Центра/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /Аккаунты/ }));
    expect(screen.getByRole('button', { name: /Telegram/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /· telegram/ })).toBeNull();
  });

  it('says when the file does not parse and opens the YAML view at the error', async () => {
    const view = await renderStudio();
    await screen.findByRole('tab', { name: /Accounts/ });
    act(() => view.studio().apply({ kind: 'text', file: FILE, text: 'id: hotline\ntitle: { en: "open\n' }));
    expect(await screen.findByText("This file's YAML does not parse")).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open the YAML view at the error' }));
    expect(view.studio().target).toMatchObject({ view: 'yaml', file: FILE, line: expect.any(Number) });
  });
});

describe('branches in the forms', () => {
  it('adds a branch watching a task, and moves its conditions from "any" to "all" as one step', async () => {
    const view = await renderStudio();
    fireEvent.click(await screen.findByRole('tab', { name: /Branches/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Add branch' }));
    expect(view.value(['branches', 0])).toEqual({ id: 'branch', when: { any: [{ task: 'hotline-post', outcome: 'failed' }] }, then: { openTasks: [] } });

    fireEvent.click(screen.getByLabelText('It fires when', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'All of the conditions hold' }));

    expect(view.value(['branches', 0, 'when'])).toEqual({ all: [{ task: 'hotline-post', outcome: 'failed' }] });
    act(() => view.studio().undo());
    expect(view.value(['branches', 0, 'when'])).toEqual({ any: [{ task: 'hotline-post', outcome: 'failed' }] });
  });
});

describe('the timeline', () => {
  it('names each item by what and when, and opens its form on click', async () => {
    const view = await renderStudio('timeline');
    const inject = await screen.findByRole('button', { name: 'Inject hq-request at 0:05' });
    expect(screen.getByRole('button', { name: 'Task hotline-post from 0:05 to 0:20' })).toBeTruthy();

    fireEvent.click(inject);

    expect(view.studio().target).toEqual({ view: 'forms', file: FILE, path: ['timeline', 0] });
    const at = await screen.findByRole('textbox', { name: /Arrives at/ });
    expect(at).toHaveProperty('value', '0:05');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^ID/ })).toHaveProperty('value', 'hq-request'));
    expect(screen.getByRole('tab', { name: /Injects/, selected: true })).toBeTruthy();
  });

  it('marks an inject urgent with its switch, and unmarking leaves no field behind', async () => {
    const view = await renderStudio('timeline');
    fireEvent.click(await screen.findByRole('button', { name: 'Inject hq-request at 0:05' }));
    const urgent = await screen.findByRole('switch', { name: /^Urgent: a citizen in danger or need/ });
    expect(urgent).toHaveProperty('checked', false);

    fireEvent.click(urgent);
    expect(view.value(['timeline', 0, 'urgent'])).toBe(true);
    expect(view.text()).toContain('urgent: true');

    fireEvent.click(screen.getByRole('switch', { name: /^Urgent/ }));
    expect(view.value(['timeline', 0, 'urgent'])).toBeUndefined();
  });
});

describe('the timeline of the new mechanics', () => {
  it('names a live stream with its length, and a task headquarters clears first (by itself or by its account)', async () => {
    const view = await renderStudio('timeline');
    await screen.findByRole('button', { name: 'Inject hq-request at 0:05' });
    act(() =>
      view.studio().apply({
        kind: 'batch',
        edits: [
          { kind: 'set', file: FILE, path: ['timeline', 0, 'type'], value: 'live' },
          { kind: 'set', file: FILE, path: ['timeline', 0, 'live'], value: { length: '0:20', viewers: [{ after: '0:00', count: 120 }] } },
          { kind: 'set', file: FILE, path: ['tasks', 0, 'clearance'], value: true },
        ],
      }),
    );
    const live = await screen.findByRole('button', { name: 'Inject hq-request at 0:05, a live stream of 0:20' });
    expect(live.className).toMatch(/live/);
    const task = screen.getByRole('button', { name: 'Task hotline-post from 0:05 to 0:20; headquarters clears it first' });
    expect(task.className).toMatch(/clearance/);

    // Cleared on the task, required by its account instead: still marked.
    act(() =>
      view.studio().apply({
        kind: 'batch',
        edits: [
          { kind: 'set', file: FILE, path: ['tasks', 0, 'clearance'], value: undefined },
          { kind: 'set', file: FILE, path: ['accounts', 0, 'clearance'], value: true },
        ],
      }),
    );
    expect(await screen.findByRole('button', { name: 'Task hotline-post from 0:05 to 0:20; headquarters clears it first' })).toBeTruthy();
    act(() => view.studio().apply({ kind: 'set', file: FILE, path: ['accounts', 0, 'clearance'], value: undefined }));
    expect(await screen.findByRole('button', { name: 'Task hotline-post from 0:05 to 0:20' })).toBeTruthy();
  }, 20_000);
});

describe('audience replies in the forms', () => {
  it('ties a reply to an inject, a task and a window, and clearing a tie leaves no field behind', async () => {
    const view = await renderStudio();
    fireEvent.click(await screen.findByRole('tab', { name: /Audience/ }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Add reply' })[1]!);
    expect(view.value(['audience', 'replies', 'grateful', 0])).toEqual({ text: { en: '', ru: '' } });

    fireEvent.click(await screen.findByLabelText('Under the task', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'hotline-post' }));
    expect(view.value(['audience', 'replies', 'grateful', 0, 'task'])).toBe('hotline-post');

    fireEvent.click(screen.getByLabelText('After the inject', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'hq-request' }));
    expect(view.value(['audience', 'replies', 'grateful', 0, 'inject'])).toBe('hq-request');

    const from = screen.getByRole('textbox', { name: /^Not before/ });
    fireEvent.change(from, { target: { value: '0:10' } });
    fireEvent.blur(from);
    await waitFor(() => expect(view.value(['audience', 'replies', 'grateful', 0, 'from'])).toBe('0:10'));
    expect(view.text()).toContain('task: hotline-post');

    fireEvent.change(screen.getByRole('textbox', { name: /^Not before/ }), { target: { value: '' } });
    fireEvent.blur(screen.getByRole('textbox', { name: /^Not before/ }));
    await waitFor(() => expect(view.value(['audience', 'replies', 'grateful', 0, 'from'])).toBeUndefined());
  });
});

/** Picks `option` in the select labelled `label` (Mantine's combobox: the input opens the list). */
async function choose(label: string | RegExp, option: string | RegExp) {
  fireEvent.click(screen.getByLabelText(label, { selector: 'input' }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

/** Types an offset and leaves the field, as an author does. */
function typeTime(name: RegExp, value: string) {
  const input = screen.getByRole('textbox', { name });
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return input;
}

describe('clearance and reach targets in the forms', () => {
  it("switches headquarters' clearance on with a headquarters reviewer, and writes its times, remarks and a reach target", async () => {
    const view = await renderStudio();
    fireEvent.click(await screen.findByRole('tab', { name: /Clearance and targets/ }));
    expect(view.value(['clearance'])).toBeUndefined();
    fireEvent.click(screen.getByRole('switch', { name: /^Headquarters clears publications/ }));
    // The reviewer is the first headquarters persona, not the first persona.
    expect(view.value(['clearance'])).toEqual({ reviewer: 'hq', delay: '0:05', extra: '0:05' });
    expect(screen.getByLabelText(/^Who answers/, { selector: 'input' })).toHaveProperty('value', 'hq');

    typeTime(/^Answers after at least/, '0:10');
    await waitFor(() => expect(view.value(['clearance', 'delay'])).toBe('0:10'));
    fireEvent.click(screen.getByRole('button', { name: 'Add remark' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Remark, English' }), { target: { value: 'Cleared. Keep it short.' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Remark, Russian' }), { target: { value: 'Согласовано. Покороче.' } });
    expect(view.value(['clearance', 'remarks'])).toEqual([{ en: 'Cleared. Keep it short.', ru: 'Согласовано. Покороче.' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
    expect(view.value(['targets', 0])).toEqual({ account: 'embassy-x', metric: 'reach', value: 10_000 });
    await choose(/^Account/, 'embassy-tg');
    await choose(/^Measure/, 'Engagement');
    fireEvent.change(screen.getByRole('textbox', { name: /^Number to reach/ }), { target: { value: '900' } });
    typeTime(/^By/, '0:45');
    await waitFor(() => expect(view.value(['targets', 0])).toEqual({ account: 'embassy-tg', metric: 'engagement', value: 900, by: '0:45' }));
    expect(view.text()).toMatch(/targets:\n {2}- account: embassy-tg\n {4}metric: engagement\n {4}value: 900\n {4}by: "?0:45"?/);
    expect(view.text()).toContain('reviewer: hq');
    expect(view.text()).toContain('# the first task');
    expect(screen.getByRole('button', { name: /^Target 1 embassy-tg · Engagement 900 · 0:45/i })).toBeTruthy();

    // Switching clearance off takes the whole block away, as one undoable step.
    fireEvent.click(screen.getByRole('switch', { name: /^Headquarters clears publications/ }));
    expect(view.value(['clearance'])).toBeUndefined();
    act(() => view.studio().undo());
    expect(view.value(['clearance', 'reviewer'])).toBe('hq');
  }, 20_000);

  it('requires clearance on an account and on a task with their switches, and unticking leaves no field behind', async () => {
    const view = await renderStudio();
    fireEvent.click(await screen.findByRole('tab', { name: /Accounts/ }));
    fireEvent.click(screen.getByRole('button', { name: /^embassy-x/ }));
    fireEvent.click(screen.getByRole('switch', { name: /^Every public word needs clearance/ }));
    expect(view.value(['accounts', 0, 'clearance'])).toBe(true);

    fireEvent.click(screen.getByRole('tab', { name: /Tasks/ }));
    fireEvent.click(screen.getByRole('button', { name: /^hotline-post/ }));
    const task = screen.getByRole('switch', { name: /^Needs clearance by headquarters/ });
    fireEvent.click(task);
    expect(view.value(['tasks', 0, 'clearance'])).toBe(true);
    expect(view.text()).toMatch(/modelAnswer: \{[^}]*\}\n {4}clearance: true|clearance: true/);
    fireEvent.click(screen.getByRole('switch', { name: /^Needs clearance by headquarters/ }));
    expect(view.value(['tasks', 0, 'clearance'])).toBeUndefined();
  });

  it("shows the validator's problem with a value written in the form, at the field and in the list: clearance required, but no one to answer", async () => {
    const { studio } = await renderInStudio(
      <>
        <FormsView />
        <ProblemsPanel />
      </>,
      { document: documentFromFiles(readFolder(MINIMAL_PACK_DIR)), initialView: 'forms', checked: true },
    );
    await screen.findByTestId('problems-ready', {}, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('tab', { name: /Tasks/ }));
    fireEvent.click(screen.getByRole('button', { name: /^publish-hotline/ }));
    fireEvent.click(screen.getByRole('switch', { name: /^Needs clearance by headquarters/ }));
    expect(readAt(studio().document, 'scenarios/hotline.yaml', ['tasks', 0, 'clearance'])).toBe(true);

    const problems = await screen.findByRole('list', { name: /^scenarios\/hotline\.yaml: 1 problem/ }, { timeout: 20_000 });
    expect(within(problems).getByRole('button').textContent).toContain('the scenario has no "clearance" block saying who answers');
    // The switch itself says it too, where the author is looking.
    const inForm = screen.getByTestId('studio-forms');
    expect(within(inForm).getByText(/the scenario has no "clearance" block saying who answers/)).toBeTruthy();
  }, 45_000);
});

describe('reports and live streams in the forms', () => {
  it('makes a task a report to headquarters: the kind, the facts it must state and its length in words', async () => {
    const view = await renderStudio();
    fireEvent.click(await screen.findByRole('tab', { name: /Tasks/ }));
    fireEvent.click(screen.getByRole('button', { name: /^hotline-post/ }));
    // A post has no report block to fill.
    expect(screen.queryByRole('switch', { name: /^What the report states/ })).toBeNull();
    await choose(/^Kind/, 'Report to headquarters');
    expect(view.value(['tasks', 0, 'kind'])).toBe('report');

    fireEvent.click(screen.getByRole('switch', { name: /^What the report states/ }));
    expect(view.value(['tasks', 0, 'report'])).toEqual({ asks: ['replies', 'moods', 'accounts', 'most-shared'], words: { min: 40, max: 250 } });
    // One fact taken off the list: its option picked again.
    await choose(/^Facts it must state/, 'The item shared most');
    expect(view.value(['tasks', 0, 'report', 'asks'])).toEqual(['replies', 'moods', 'accounts']);
    fireEvent.change(screen.getByRole('textbox', { name: /^At most/ }), { target: { value: '120' } });
    expect(view.value(['tasks', 0, 'report', 'words'])).toEqual({ min: 40, max: 120 });
    expect(view.text()).toMatch(/report:\n {6}asks:\n {8}- replies\n {8}- moods\n {8}- accounts\n {6}words:\n {8}min: 40\n {8}max: 120/);
  }, 20_000);

  it("writes a live inject's stream — length, viewers and comments within seconds — and a moderation task picks it", async () => {
    const view = await renderStudio();
    fireEvent.click(await screen.findByRole('tab', { name: /Injects/ }));
    fireEvent.click(screen.getByRole('button', { name: /^hq-request/ }));
    expect(screen.queryByRole('switch', { name: /^Live stream/ })).toBeNull();
    await choose(/^Type/, 'Live stream');
    fireEvent.click(screen.getByRole('switch', { name: /^Live stream/ }));
    expect(view.value(['timeline', 0, 'live'])).toEqual({ length: '0:20', viewers: [{ after: '0:00', count: 100 }], comments: [] });

    // An offset with seconds is a time; a malformed one is said to be wrong.
    const length = typeTime(/^Runs for/, '0:20:30');
    await waitFor(() => expect(view.value(['timeline', 0, 'live', 'length'])).toBe('0:20:30'));
    expect(length.getAttribute('aria-invalid')).not.toBe('true');
    typeTime(/^Runs for/, '0:2');
    expect(await screen.findByText(/with seconds as H:MM:SS/)).toBeTruthy();
    typeTime(/^Runs for/, '0:15');

    fireEvent.click(screen.getByRole('button', { name: 'Add viewer count' }));
    // The new item opens alone: its fields are the only ones shown.
    typeTime(/^After/, '0:05:30');
    fireEvent.change(screen.getByRole('textbox', { name: /^Viewers/ }), { target: { value: '640' } });
    await waitFor(() => expect(view.value(['timeline', 0, 'live', 'viewers', 1])).toEqual({ after: '0:05:30', count: 640 }));

    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(view.value(['timeline', 0, 'live', 'comments', 0])).toEqual({ id: 'live-comment', after: '0:00:30', nature: 'question', text: { en: '', ru: '' } });
    expect(screen.getByRole('textbox', { name: /^Written after/ })).toHaveProperty('placeholder', 'H:MM:SS');
    await choose(/^What it is/, 'Abuse');
    await choose(/^Written by/, 'reporter');
    fireEvent.change(screen.getByRole('textbox', { name: 'Comment, English' }), { target: { value: 'Shame on you all' } });
    typeTime(/^Written after/, '0:00:45');
    await waitFor(() =>
      expect(view.value(['timeline', 0, 'live', 'comments', 0])).toEqual({
        id: 'live-comment',
        after: '0:00:45',
        nature: 'abuse',
        persona: 'reporter',
        text: { en: 'Shame on you all', ru: '' },
      }),
    );

    // The task side: a moderation task picks the stream; a reply task may answer the comment.
    fireEvent.click(screen.getByRole('tab', { name: /Tasks/ }));
    fireEvent.click(screen.getByRole('button', { name: /^hotline-post/ }));
    expect(screen.queryByLabelText(/^Live stream moderated/, { selector: 'input' })).toBeNull();
    await choose(/^Kind/, 'Moderate a live stream');
    await choose(/^Live stream moderated/, 'hq-request');
    expect(view.value(['tasks', 0, 'stream'])).toBe('hq-request');
    await choose(/^Replies to/, 'live-comment');
    expect(view.value(['tasks', 0, 'replyTo'])).toBe('live-comment');
  }, 20_000);
});

// Runtime: Node (Vitest, happy-dom). The forms and the timeline over one document: a text typed in a
// form lands in the YAML and leaves the author's comments where they were; a missing translation is
// marked and the mark goes when it is written; an account renamed in its form is renamed in the tasks
// that use it (and refused, saying why, when the name is taken); a timeline item opens its form.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { documentFromFiles, readAt, type PackDocument } from '../../../core/studio/document';
import { renderInStudio } from '../../../test/studio';
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

function packDocument(): PackDocument {
  return documentFromFiles(
    new Map([
      ['pack.yaml', encode('id: drill\nversion: 1.0.0\ntitle: { en: Drill, ru: Учения }\nlanguages: [en, ru]\n')],
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

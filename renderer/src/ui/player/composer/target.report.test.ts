// Runtime: Node (Vitest). The composer's aim for a report to headquarters: written from their
// conversation for the report task of its account, offered only as a report, and never refused by a
// platform's character limit (it is an internal note, graded in words).
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../core/pack/load';
import { CORE_LIBRARY_DIR, readFolder } from '../../../test/packs';
import type { TaskRef } from './target';
import { editDraft, freshPost, kindChoices, needsTarget, publishRefusal, reportTaskFor, reportTo, startDraft, syncDraft, withKind } from './target';

const X = 'embassy-x';
const TG = 'embassy-telegram';
const report: TaskRef = { id: 'mood-report', account: X, kind: 'report' };
const elsewhere: TaskRef = { id: 'spread-report', account: TG, kind: 'report' };
const post: TaskRef = { id: 'rumour-post', account: X, kind: 'post' };

describe('a report to headquarters', () => {
  it('is written from the headquarters conversation for the report task of that account, the words kept', () => {
    expect(reportTaskFor([post, elsewhere, report], X)).toBe(report);
    // Headquarters write about every account: with none open on this one, the one open elsewhere.
    expect(reportTaskFor([post, elsewhere], X)).toBe(elsewhere);
    expect(reportTaskFor([post], X)).toBeNull();
    const inbox = editDraft(startDraft(null, X, []), { ...freshPost(X), text: 'Monitoring as of 1:00.' });
    const aimed = reportTo(inbox, X, report);
    expect(aimed.draft).toEqual({ accountId: X, kind: 'report', taskId: 'mood-report', replyTo: null, text: 'Monitoring as of 1:00.' });
    expect(aimed.aimed).toBe(true);
    expect(needsTarget(aimed)).toBe(false);
  });

  it('with no report task open, is a report of one’s own from the account', () => {
    const aimed = reportTo(startDraft(null, X, []), TG, null);
    expect(aimed.draft).toEqual({ accountId: TG, kind: 'report', taskId: null, replyTo: null, text: '' });
  });

  it('is offered as a kind only for a report or its task, and answers nothing', () => {
    expect(kindChoices(freshPost(X), null)).not.toContain('report');
    expect(kindChoices(freshPost(X), report)).toContain('report');
    expect(kindChoices({ ...freshPost(X), kind: 'report' }, null)).toContain('report');
    expect(withKind({ ...freshPost(X), replyTo: 'hq-asks' }, 'report', report).replyTo).toBeNull();
  });

  it('opening on the feed that is open, is picked up by an untouched composer as a report', () => {
    const state = syncDraft(startDraft(X, X, []), X, [report]);
    expect(state.draft).toMatchObject({ kind: 'report', taskId: 'mood-report', accountId: X });
  });

  it('is not refused by the platform’s character limit, but is when blank or its task has closed', () => {
    const core = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
    const scenario = core.scenarios.find((candidate) => candidate.id === 'earthquake-consular')!;
    const input = { scenario, manifest: core.manifest };
    const x = scenario.accounts.find((account) => account.platform === 'x')!.id;
    const long = { accountId: x, kind: 'report' as const, taskId: null, replyTo: null, text: 'Replies so far. '.repeat(40) };
    expect(long.text.length).toBeGreaterThan(280);
    expect(publishRefusal(input, long, [])).toBeNull();
    expect(publishRefusal(input, { ...long, kind: 'post' }, [])).toMatchObject({ key: 'too-long' });
    expect(publishRefusal(input, { ...long, text: ' ' }, [])).toEqual({ key: 'blank' });
    expect(publishRefusal(input, { ...long, taskId: 'mood-report' }, [])).toEqual({ key: 'task-closed' });
  });
});

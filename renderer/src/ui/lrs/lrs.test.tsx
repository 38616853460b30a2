// Runtime: Node (Vitest, happy-dom, fake-indexeddb). The LRS in the whole app: the real sync service over
// a real outbox, sending through a transport that answers as an xAPI LRS does (the same id with the same
// content again: 200; with other content: 409; a refused key: 401). Records shows the sync's state and
// counts, the statement the LRS refused with what it said, and sends it again; a paused sync resumes on
// "Sync now"; the web build explains itself and saves the statements file; Settings tests, saves and
// forgets a connection without ever showing the secret.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LrsConnection, LrsConnectionInput, LrsPostRequest, LrsReply, LrsTestResult, SaveFileRequest } from '../../../../electron/contract/api';
import type { AttacheDatabase } from '../../db/database';
import { readAcademy, saveAcademy } from '../../db/repositories/academy';
import { storeFrozenOutcome } from '../../db/repositories/attempts';
import { allStatements } from '../../db/repositories/outbox';
import { createProfile } from '../../db/repositories/profiles';
import { createLibrary } from '../../library/library';
import { buildPendingStatements } from '../../records/statements';
import { createFakePlatform, renderApp, TEST_APP_INFO, type FakePlatform } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { minimalPack, playedOutcome } from '../../test/progress-files';

/** Answers as Learning Locker's xapi-statements does: a batch is taken whole or refused whole. */
function fakeLrs() {
  const held = new Map<string, string>();
  const lrs = {
    held,
    refuseWith: null as number | null,
    batches: 0,
    post(request: LrsPostRequest): LrsReply {
      lrs.batches += 1;
      if (lrs.refuseWith !== null) return { kind: 'answered', status: lrs.refuseWith, body: '{"message":"Unauthorised"}', retryAfter: null };
      const statements = JSON.parse(`[${request.statements.join(',')}]`) as { id: string }[];
      for (const statement of statements) {
        const there = held.get(statement.id);
        if (there !== undefined && there !== JSON.stringify(statement)) {
          return { kind: 'answered', status: 409, body: `{"message":"Statement ${statement.id} is conflicting"}`, retryAfter: null };
        }
      }
      for (const statement of statements) held.set(statement.id, JSON.stringify(statement));
      return { kind: 'answered', status: 200, body: JSON.stringify(statements.map((statement) => statement.id)), retryAfter: null };
    },
  };
  return lrs;
}

const CONNECTION: LrsConnection = { endpoint: 'http://127.0.0.1:18081/xAPI/', key: 'academy', storage: 'os-encrypted' };

/** Anna played the minimal pack's scenario twice; the academy's IRI is set, so both attempts' statements are built. */
async function academyWithStatements({ academyIri = true } = {}): Promise<{ db: AttacheDatabase; statements: Awaited<ReturnType<typeof allStatements>> }> {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Anna Petrova', academyId: 'ACD-7' });
  await db.transaction('rw', [db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
    for (const { frozen, played } of [
      playedOutcome({ uid: 'attempt-1', traineeUid: profile.uid, drafts: 'poor', startedAt: Date.UTC(2026, 2, 2, 9) }),
      playedOutcome({ uid: 'attempt-2', traineeUid: profile.uid, startedAt: Date.UTC(2026, 2, 3, 9) }),
    ]) {
      await storeFrozenOutcome(db, frozen, played);
    }
  });
  if (academyIri) await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
  await buildPendingStatements(db, createLibrary([minimalPack]), { now: () => Date.UTC(2026, 3, 1) });
  return { db, statements: await allStatements(db) };
}

function desktopPlatform(lrs: ReturnType<typeof fakeLrs>, connection: LrsConnection | null = CONNECTION): FakePlatform {
  const platform = createFakePlatform();
  let stored = connection;
  platform.getLrsConnection = () => Promise.resolve(stored);
  platform.setLrsConnection = vi.fn((input: LrsConnectionInput | null) => {
    stored = input ? { endpoint: input.endpoint, key: input.key, storage: 'unencrypted-file' } : null;
    return Promise.resolve(stored);
  });
  platform.postStatements = (request) => Promise.resolve(lrs.post(request));
  return platform;
}

const scenarioTitle = minimalPack.scenarios[0]!.title.en!;

afterEach(() => {
  window.location.hash = '';
});

// The whole app over a real database: slow on a busy machine, so each test has a minute.
describe('the LRS in Records', { timeout: 60_000 }, () => {
  it('syncs by itself, lists the statement the LRS refused with what it said, and sends it again once the LRS is fixed', async () => {
    const { db, statements } = await academyWithStatements();
    const lrs = fakeLrs();
    // The LRS already holds other content under the id of attempt 1's "failed": a 409 for that one.
    const refused = statements.find((row) => row.outcomeUid === 'attempt-1' && row.verb === 'failed')!;
    lrs.held.set(refused.id, JSON.stringify({ ...(JSON.parse(refused.json) as object), timestamp: '2020-01-01T00:00:00Z' }));
    window.location.hash = '#/records';
    const { user } = await renderApp({ db, platform: desktopPlatform(lrs) });

    const panel = await screen.findByTestId('lrs-sync', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(panel).getByTestId('lrs-sync-state').textContent).toBe('Sent; some refused'), { timeout: 20_000 });
    await waitFor(() =>
      expect(within(panel).getByTestId('lrs-sync-counts').textContent).toBe(`0 statements to send · ${statements.length - 1} sent · 1 refused`),
    );
    expect(within(panel).getByTestId('lrs-sync-times').textContent).toMatch(/^Last synced /);

    const problems = await within(panel).findByTestId('lrs-problems');
    expect(within(problems).getByText(/The LRS will not take 1 statement as it is/)).toBeTruthy();
    const [problem] = within(problems).getAllByTestId('lrs-problem');
    expect(problem!.dataset.statementId).toBe(refused.id);
    expect(within(problem!).getByTestId('lrs-problem-what').textContent).toBe(`Anna Petrova — failed: ${scenarioTitle}`);
    expect(within(problem!).getByTestId('lrs-problem-kind').textContent).toBe(
      'The LRS holds another statement with this id (status 409): one of the two was changed after it was sent.',
    );
    expect(within(problem!).getByTestId('lrs-problem-reply').textContent).toBe(`{"message":"Statement ${refused.id} is conflicting"}`);
    // Every other statement is in the LRS, exactly as stored.
    for (const row of statements.filter((candidate) => candidate.id !== refused.id)) expect(lrs.held.get(row.id)).toBe(JSON.stringify(JSON.parse(row.json)));

    // The LRS's administrator voids the wrong one; the statement goes again, from the keyboard.
    lrs.held.delete(refused.id);
    const sendAgain = within(problem!).getByRole('button', { name: `Send again: Anna Petrova — failed: ${scenarioTitle}` });
    sendAgain.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(panel).getByTestId('lrs-sync-counts').textContent).toBe(`0 statements to send · ${statements.length} sent · 0 refused`), {
      timeout: 20_000,
    });
    expect(within(panel).queryByTestId('lrs-problems')).toBeNull();
    await waitFor(() => expect(within(panel).getByTestId('lrs-sync-state').textContent).toBe('Up to date'));
    expect(lrs.held.get(refused.id)).toBe(JSON.stringify(JSON.parse(refused.json)));
  });

  it('pauses when the LRS refuses the key, says what to do, and resumes on "Sync now"', async () => {
    const { db, statements } = await academyWithStatements();
    const lrs = fakeLrs();
    lrs.refuseWith = 401;
    window.location.hash = '#/records';
    const { user } = await renderApp({ db, platform: desktopPlatform(lrs) });

    const panel = await screen.findByTestId('lrs-sync', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(panel).getByTestId('lrs-sync-state').textContent).toBe('Paused'), { timeout: 20_000 });
    expect(within(panel).getByTestId('lrs-sync-explanation').textContent).toBe(
      'The LRS refused the key and secret (status 401). Enter them again in Settings → Academy → Learning record store, then sync.',
    );
    expect(within(panel).getByTestId('lrs-sync-problem').textContent).toBe('The LRS said (401): {"message":"Unauthorised"}');
    await waitFor(() => expect(within(panel).getByTestId('lrs-sync-counts').textContent).toBe(`${statements.length} statements to send · 0 sent · 0 refused`));
    // Paused means paused: nothing more is sent until asked.
    expect(lrs.batches).toBe(1);

    lrs.refuseWith = null;
    await user.click(within(panel).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(within(panel).getByTestId('lrs-sync-state').textContent).toBe('Up to date'), { timeout: 20_000 });
    await waitFor(() => expect(within(panel).getByTestId('lrs-sync-counts').textContent).toBe(`0 statements to send · ${statements.length} sent · 0 refused`));
    expect(lrs.held.size).toBe(statements.length);
  });

  it('waits when the LRS is busy, saying what it said and when it tries again', async () => {
    const { db } = await academyWithStatements();
    const lrs = fakeLrs();
    const platform = desktopPlatform(lrs);
    platform.postStatements = () => Promise.resolve({ kind: 'answered', status: 503, body: 'Service Unavailable', retryAfter: '120' });
    window.location.hash = '#/records';
    const before = Date.now();
    await renderApp({ db, platform });
    const panel = await screen.findByTestId('lrs-sync', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(panel).getByTestId('lrs-sync-state').textContent).toBe('Will try again'), { timeout: 20_000 });
    expect(within(panel).getByTestId('lrs-sync-explanation').textContent).toBe(
      'The last batch did not go through; it is sent again after a wait, longer after each failure.',
    );
    expect(within(panel).getByTestId('lrs-sync-problem').textContent).toBe('The LRS said (503): Service Unavailable');
    // Not before the two minutes the LRS asked for, and said as a time of day.
    const after = Date.now();
    const times = within(panel).getByTestId('lrs-sync-times');
    const nextAt = Number(times.dataset.nextAttemptAt);
    expect(nextAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(nextAt).toBeLessThanOrEqual(after + 120_000);
    const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
    expect(times.textContent).toBe(`Not synced yet. Next try ${format.format(nextAt)}.`);
  });

  it('says where no LRS is set up, and sends nothing', async () => {
    const { db } = await academyWithStatements();
    const lrs = fakeLrs();
    window.location.hash = '#/records';
    await renderApp({ db, platform: desktopPlatform(lrs, null) });
    const panel = await screen.findByTestId('lrs-sync', {}, { timeout: 20_000 });
    expect(within(panel).getByTestId('lrs-sync-state').textContent).toBe('Not set up');
    expect(within(panel).getByTestId('lrs-sync-explanation').textContent).toContain('Settings → Academy → Learning record store');
    expect((within(panel).getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(true);
    expect(lrs.batches).toBe(0);
  });

  it("says how many finished attempts wait for the academy's settings, and what to set", async () => {
    const { db } = await academyWithStatements({ academyIri: false });
    window.location.hash = '#/records';
    await renderApp({ db, platform: createFakePlatform({ appInfo: { ...TEST_APP_INFO, runtime: 'web' } }) });
    const panel = await screen.findByTestId('lrs-sync', {}, { timeout: 20_000 });
    const waiting = await within(panel).findByTestId('lrs-waiting-for-settings');
    expect(waiting.textContent).toBe("2 finished attempts have no statements yet: set the academy's IRI in Settings → Academy.");
    expect(within(panel).getByTestId('lrs-sync-counts').textContent).toBe('0 statements to send · 0 sent · 0 refused');
  });

  it('in the web build, says why sync needs the desktop app and saves every statement, as stored, in one JSON file', async () => {
    const { db, statements } = await academyWithStatements();
    const platform = createFakePlatform({ appInfo: { ...TEST_APP_INFO, runtime: 'web' } });
    const saved: SaveFileRequest[] = [];
    platform.saveFile = (request) => {
      saved.push(request);
      return Promise.resolve({ saved: true, name: request.suggestedName });
    };
    window.location.hash = '#/records';
    const { user } = await renderApp({ db, platform });
    const panel = await screen.findByTestId('lrs-sync', {}, { timeout: 20_000 });
    expect(within(panel).getByTestId('lrs-sync-state').textContent).toBe('Desktop app only');
    expect(within(panel).getByTestId('lrs-sync-explanation').textContent).toContain('may only talk to the server it came from');
    expect(within(panel).queryByRole('button', { name: 'Sync now' })).toBeNull();

    await user.click(within(panel).getByRole('button', { name: 'Save statements file' }));
    await within(panel).findByText(new RegExp(`^Saved ${statements.length} statements to attache-statements-\\d{4}-\\d{2}-\\d{2}\\.json\\.$`));
    expect(saved).toHaveLength(1);
    const text = new TextDecoder().decode(saved[0]!.bytes);
    expect(JSON.parse(text)).toEqual(statements.map((row) => JSON.parse(row.json) as unknown));
    expect(text).toBe(`[\n${statements.map((row) => row.json).join(',\n')}\n]\n`);
  });
});

describe('the LRS in Settings', { timeout: 60_000 }, () => {
  it('tests and saves a connection, never showing the secret, and forgets it', async () => {
    const db = createTestDatabase();
    const platform = desktopPlatform(fakeLrs(), null);
    const tests: (LrsConnectionInput | null)[] = [];
    const answers: LrsTestResult[] = [
      { reply: { kind: 'answered', status: 401, body: '{"message":"Unauthorised"}', retryAfter: null }, versions: ['1.0.3'], step: 'statements' },
      { reply: { kind: 'answered', status: 200, body: '{"statements":[]}', retryAfter: null }, versions: ['1.0.3', '1.0.2'], step: 'statements' },
    ];
    platform.testLrsConnection = (input) => {
      tests.push(input);
      return Promise.resolve(answers.shift()!);
    };
    window.location.hash = '#/settings';
    const { user } = await renderApp({ db, platform });
    const section = await screen.findByTestId('lrs-settings', {}, { timeout: 20_000 });
    expect(within(section).getByTestId('lrs-current').textContent).toBe('No LRS is set up on this computer: statements wait in the outbox until one is.');

    // Nothing typed: each field says what it needs, and nothing is asked of the LRS.
    await user.click(within(section).getByRole('button', { name: 'Test connection' }));
    expect(within(section).getByText("Enter the LRS's endpoint, e.g. https://lrs.academy.example/xapi/.")).toBeTruthy();
    expect(within(section).getByText('Enter the key the LRS gave the academy.')).toBeTruthy();
    expect(within(section).getByText('Enter the secret: none is stored on this computer yet.')).toBeTruthy();
    expect(tests).toEqual([]);

    await user.type(within(section).getByLabelText('Endpoint'), 'http://127.0.0.1:18081/xAPI');
    await user.type(within(section).getByLabelText('Key'), 'academy');
    await user.type(within(section).getByLabelText('Secret'), 'wrong');
    await user.click(within(section).getByRole('button', { name: 'Test connection' }));
    const refused = await within(section).findByTestId('lrs-test-result');
    expect(refused.dataset.verdict).toBe('credentials');
    expect(refused.textContent).toContain(
      'Reached the LRS (xAPI 1.0.3), but it refused the key and secret (status 401). Check them, or ask its administrator for new ones.',
    );
    expect(within(refused).getByTestId('lrs-test-reply').textContent).toBe('{"message":"Unauthorised"}');
    // The closing "/" is added, and the field shows it.
    expect(tests[0]).toEqual({ endpoint: 'http://127.0.0.1:18081/xAPI/', key: 'academy', secret: 'wrong' });
    expect((within(section).getByLabelText('Endpoint') as HTMLInputElement).value).toBe('http://127.0.0.1:18081/xAPI/');

    await user.clear(within(section).getByLabelText('Secret'));
    await user.type(within(section).getByLabelText('Secret'), 'correct horse');
    await user.click(within(section).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(within(section).getByTestId('lrs-test-result').dataset.verdict).toBe('ok'));
    expect(within(section).getByTestId('lrs-test-result').textContent).toBe('Reached the LRS: it speaks xAPI 1.0.3, 1.0.2 and accepts the key and secret.');

    await user.click(within(section).getByRole('button', { name: 'Save connection' }));
    expect(platform.setLrsConnection).toHaveBeenCalledExactlyOnceWith({ endpoint: 'http://127.0.0.1:18081/xAPI/', key: 'academy', secret: 'correct horse' });
    await waitFor(() => expect(within(section).getByTestId('lrs-current').textContent).toBe('Sending to http://127.0.0.1:18081/xAPI/ with the key academy.'));
    expect(within(section).getByTestId('lrs-storage').textContent).toContain('This system has no secret store');
    const secret = within(section).getByLabelText('Secret') as HTMLInputElement;
    expect(secret.value).toBe('');
    expect(within(section).getByText('The password that goes with the key. Leave empty to keep the stored secret.')).toBeTruthy();
    expect(section.textContent).not.toContain('correct horse');

    // Another server: the stored secret is not sent there.
    await user.clear(within(section).getByLabelText('Endpoint'));
    await user.type(within(section).getByLabelText('Endpoint'), 'https://lrs.other.example/xapi/');
    await user.click(within(section).getByRole('button', { name: 'Save connection' }));
    expect(
      within(section).getByText('The stored secret was given for http://127.0.0.1:18081 and is never sent elsewhere: enter the secret for this server.'),
    ).toBeTruthy();
    expect(platform.setLrsConnection).toHaveBeenCalledTimes(1);

    await user.click(within(section).getByRole('button', { name: 'Forget connection' }));
    // The question takes the focus on its safe answer; Forget is one Tab away.
    await waitFor(() => expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Keep' })));
    await user.click(within(section).getByRole('button', { name: 'Forget' }));
    await waitFor(() => expect(within(section).getByTestId('lrs-current').textContent).toContain('No LRS is set up'));
    expect(platform.setLrsConnection).toHaveBeenLastCalledWith(null);

    // The academy opts in to sending drafts' text: kept as the academy's setting.
    await user.click(within(section).getByRole('switch', { name: /^Send the text of each draft/ }));
    await waitFor(async () => expect((await readAcademy(db)).includeDraftText).toBe(true));
  });

  it('in the web build, says why sync needs the desktop app and offers the file instead', async () => {
    window.location.hash = '#/settings';
    await renderApp({ platform: createFakePlatform({ appInfo: { ...TEST_APP_INFO, runtime: 'web' } }) });
    const section = await screen.findByTestId('lrs-settings', {}, { timeout: 20_000 });
    expect(within(section).getByTestId('lrs-web-explanation').textContent).toContain('Sending to an LRS needs the desktop app');
    expect(within(section).getByRole('button', { name: 'Save statements file' })).toBeTruthy();
    expect(within(section).queryByLabelText('Secret')).toBeNull();
    // Off by default; said plainly that statements already built keep what they say.
    const draftText = await within(section).findByRole('switch', { name: /^Send the text of each draft/ });
    expect((draftText as HTMLInputElement).checked).toBe(false);
    expect(section.textContent).toContain('Statements already built keep what they say');
  });
});

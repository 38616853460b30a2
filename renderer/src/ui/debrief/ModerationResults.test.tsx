// Runtime: Node (Vitest, happy-dom). The debrief's moderation table says what the trainee did to
// each live comment: a question answered reads "Answered at <time>", not "Nothing: left up". The
// stream is played through the real machine and its outcome built as the debrief gets it.
import path from 'node:path';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../../electron/contract/api';
import { replay, step } from '../../core/engine/attempt';
import { createScenarioMachine } from '../../core/engine/machine';
import { scenarioOutcome } from '../../core/engine/outcome';
import type { EngineInput } from '../../core/engine/timeline';
import { loadPack } from '../../core/pack/load';
import { createI18n } from '../../i18n';
import { personasOf } from '../../library/library';
import { readFolder } from '../../test/packs';
import { formatSimTime } from '../sim-time';
import { theme } from '../theme';
import { ModerationResults } from './ModerationResults';

const pack = loadPack(readFolder(path.resolve(import.meta.dirname, '../../core/engine/__fixtures__/live')), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;
const input: EngineInput = { scenario, playLanguage: 'en', manifest: pack.manifest, seed: 3 };
const machine = createScenarioMachine(input);
const personas = personasOf({ pack, scenario });

/** The outcome after answering the question at 0:12 and hiding the abuse, once the stream is over. */
function outcome() {
  let snapshot = replay(machine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 12 }]);
  snapshot = step(machine, snapshot, {
    type: 'PUBLISH',
    draft: {
      accountId: 'embassy-fb',
      kind: 'reply',
      text: 'Our library lends Azurian books free of charge.',
      taskId: 'answer-question',
      replyTo: 'c-question',
    },
  });
  expect(snapshot.context.refused).toBeNull();
  snapshot = step(machine, snapshot, { type: 'MODERATE', commentId: 'c-abuse', action: 'hide' });
  snapshot = step(machine, snapshot, { type: 'CLOCK.TICK', minutes: 10 });
  return scenarioOutcome(input, snapshot.context.timeline);
}

async function renderTable(language: Language) {
  const i18n = await createI18n(language);
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <ModerationResults outcome={outcome()} scenario={scenario} personas={personas} playLanguage={language} level={3} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

const doneOf = (commentId: string) => {
  const row = screen.getAllByTestId('debrief-moderated-comment').find((element) => element.dataset.comment === commentId)!;
  return row.querySelectorAll('td')[2]!.textContent;
};

afterEach(cleanup);

describe('the moderation table', () => {
  it('says when the trainee answered a comment, and "Nothing: left up" only for one nobody touched', async () => {
    await renderTable('en');
    expect(doneOf('c-question')).toBe(`Answered at ${formatSimTime(12)}`);
    expect(doneOf('c-abuse')).toBe(`hid it at ${formatSimTime(12)}`);
    expect(doneOf('c-praise')).toBe('Nothing: left up');
  });

  it('speaks Russian', async () => {
    await renderTable('ru');
    expect(doneOf('c-question')).toBe(`Ответили в ${formatSimTime(12)}`);
  });
});

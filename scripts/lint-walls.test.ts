// Runtime: Node (tests). The layer walls in eslint.config.js, tried on probe imports: each wall
// must refuse what crosses it and let through what the architecture allows.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages for one import line written in `file`. */
async function wallsHit(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = value;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('lint walls between layers', { timeout: 60_000 }, () => {
  it.each([
    ['renderer/src/core/engine/probe.ts', "import { value } from '../../../../electron/contract/api';", /core is pure/],
    ['renderer/src/core/grading/probe.ts', "import { value } from '../../library/library';", /core is pure/],
    ['renderer/src/core/pack/probe.ts', "import { value } from '../../i18n/index';", /core is pure/],
    ['renderer/src/db/repositories/probe.ts', "import { value } from '../../ui/format';", /db may not import ui/],
    ['renderer/src/library/probe.ts', "import { value } from '../ui/services';", /library may not import ui/],
    ['renderer/src/i18n/probe.ts', "import { value } from '../db/database';", /i18n may not import/],
    ['electron/main/probe.ts', "import { value } from '../../renderer/src/ui/App';", /electron\/ takes from the renderer only/],
    ['renderer/src/ui/debrief/probe.ts', "import { value } from '../player/session';", /ui\/debrief may not import another feature/],
    ['renderer/src/ui/player/feed/probe.ts', "import { value } from '../../catalogue/BriefingView';", /ui\/player may not import another feature/],
    ['renderer/src/ui/profiles/probe.ts', "import { value } from '../screens/HomeScreen';", /ui\/profiles may not import/],
    ['renderer/src/credentials/probe.ts', "import { value } from '../records/badges';", /credentials may not import/],
    ['renderer/src/credentials/probe.ts', "import { value } from '../platform/electron';", /credentials may not import/],
  ])('%s: %s is refused', async (file, importLine, message) => {
    const hits = await wallsHit(file, importLine);
    expect(hits.length).toBe(1);
    expect(hits[0]).toMatch(message);
  });

  it.each([
    ['renderer/src/ui/screens/probe.ts', "import { value } from '../debrief/DebriefView';"],
    ['renderer/src/ui/debrief/probe.ts', "import { value } from '../sim-time';"],
    ['renderer/src/library/probe.ts', "import { value } from '../core/pack/load';"],
    ['renderer/src/db/probe.ts', "import { value } from '../core/engine/attempt';"],
    ['electron/contract/probe.ts', "import { value } from '../../renderer/src/core/locale';"],
    ['renderer/src/ui/player/composer/probe.ts', "import { value } from '../session';"],
    ['renderer/src/credentials/probe.ts', "import { value } from '../core/records/badge';"],
    ['renderer/src/library/probe.ts', "import { value } from '../core/records/progress';"],
  ])('%s: %s is allowed', async (file, importLine) => {
    expect(await wallsHit(file, importLine)).toEqual([]);
  });
});

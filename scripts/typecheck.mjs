// Runtime: Node (scripts). Type-checks each runtime's project: the pure core (no DOM, no Node),
// the renderer (DOM), and the Node side (main process, preload, scripts, tests).
import { spawnSync } from 'node:child_process';
import process from 'node:process';

export const PROJECTS = ['tsconfig.core.json', 'tsconfig.web.json', 'tsconfig.node.json'];

let failed = 0;
for (const project of PROJECTS) {
  const status = spawnSync('npx', ['--no-install', 'tsc', '--noEmit', '-p', project], { stdio: 'inherit' }).status;
  if (status !== 0) {
    failed += 1;
    console.error(`typecheck: ${project} has errors`);
  }
}
process.exit(failed ? 1 : 0);

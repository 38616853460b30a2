// Runtime: Node (CLI). `npm run lrs [-- --port 18081]`: a real learning record store on loopback for
// trying the app's sync and for the tests (.ci/run starts it): Learning Locker's xapi-statements, in
// memory, any key and secret. Prints `LRS ready at <endpoint>` once it answers, and runs until
// stopped (Ctrl-C or SIGTERM); what it held is gone then.
import process from 'node:process';
import { parseArgs } from 'node:util';
import { startLrs } from './lib/lrs-server';

const USAGE = `usage: npm run lrs [-- --port N]
  Starts an in-memory xAPI LRS (Learning Locker's xapi-statements) on 127.0.0.1, port N (default 18081;
  0 lets the system choose), and prints its endpoint. In the app: Settings → Academy → LRS, that endpoint,
  any key and secret. Ctrl-C stops it.`;

let values;
try {
  ({ values } = parseArgs({ args: process.argv.slice(2), options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
} catch (error) {
  console.error(`lrs: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = values.port ?? '18081';
if (!/^\d{1,5}$/u.test(port) || Number(port) > 65535) {
  console.error(`lrs: --port takes a port number from 0 to 65535, not "${port}"\n${USAGE}`);
  process.exit(2);
}

let lrs;
try {
  lrs = await startLrs({ port: Number(port), onLog: (line) => console.error(line) });
} catch (error) {
  console.error(`lrs: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`LRS ready at ${lrs.endpoint} (any key and secret; Ctrl-C stops it)`);
const running = lrs;
let stopping = false;
void running.closed.then(() => {
  if (stopping) return;
  console.error('lrs: the LRS stopped by itself (its log is above)');
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void running.stop().then(() => process.exit(0));
  });
}

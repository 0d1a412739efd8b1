/**
 * crowd-thread.bench.ts's reopen, in a process of its own (the app starting on a workspace it
 * closed): creates the app on the data folder given as the argument and waits until trading
 * answers, measuring main's event loop meanwhile. Prints the phase's line; asserts nothing.
 */
import { createApp } from '#main/app/create-app';
import { phase } from './loop-phase';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: app-reopen.ts DATA_DIR');
const app = await phase('app: reopen until trading answers (restore off main, new process)', async () => {
  const a = createApp({ shell: 'web', dataDir, validate: false, defaultData: false });
  await a.services.trading.ready;
  const r = await a.dispatch('trading.session', {});
  if (!r.ok) throw new Error(r.error.message);
  return a;
});
app.close();

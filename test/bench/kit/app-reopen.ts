/**
 * crowd-thread.bench.ts's reopen, in a process of its own (the app starting on a workspace it
 * closed): creates the app on the data folder given as the argument and waits until trading
 * answers, measuring main's event loop meanwhile. Prints the phase's line, then how long creating
 * the app took with its longest gap, and the longest gap once it existed: the desktop window and
 * the web host's server are made after createAppAsync resolves.
 * crowd-thread.bench.ts runs it bundled, with the workers beside it, as the app ships (from its
 * TypeScript through tsx the same reopen took ~0.2 s longer). Asserts nothing.
 */
import { createAppAsync, type App } from '#main/app/create-app';
import { liveHeapMb } from './live-heap';
import { fmt, phase } from './loop-phase';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: app-reopen.ts DATA_DIR');
// A function, not top-level await: the bench bundles this file as CommonJS, as the app ships.
async function reopen(): Promise<void> {
  let createMs = 0;
  let createGap = 0;
  let maxGap = 0;
  const app = await phase('app: reopen until trading answers (restore off main, new process)', async () => {
    const started = performance.now();
    let last = started;
    const ui = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 10);
    let a: App;
    try {
      // As the desktop shell and the web host start: the page check in a worker, the rest on main.
      a = await createAppAsync({ shell: 'web', dataDir, validate: false, defaultData: false });
      createMs = performance.now() - started;
      // The part of createAppAsync after the check holds main until it resolves: count it as a gap.
      createGap = Math.max(maxGap, performance.now() - last);
      maxGap = 0;
      last = performance.now();
      await a.services.trading.ready;
      const r = await a.dispatch('trading.session', {});
      if (!r.ok) throw new Error(r.error.message);
    } finally {
      clearInterval(ui);
    }
    return a;
  });
  console.log(
    `  creating the app (createAppAsync, before any window): ${fmt(createMs)} ms, longest UI gap ${fmt(createGap)} ms; longest UI gap once it existed: ${fmt(maxGap)} ms`,
  );
  console.log(`  live heap after a full collection: ${fmt(liveHeapMb())} MB`);
  app.close();
}

reopen().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

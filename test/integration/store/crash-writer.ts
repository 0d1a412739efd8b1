/**
 * Child process for the crash-safety test: writes N keys per transaction, forever, and reports
 * each committed generation on stdout. The parent kills it with SIGKILL at a random moment.
 */
import { openWorkspace } from '#main/store/db';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-writer <workspace-file>');
const ws = openWorkspace(file);
const put = ws.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
const KEYS = 50;
const writeGeneration = ws.db.transaction((generation: number) => {
  for (let k = 0; k < KEYS; k++) put.run(`crash-${k}`, JSON.stringify({ generation, pad: 'z'.repeat(200) }));
});
for (let generation = 1; ; generation++) {
  writeGeneration(generation);
  process.stdout.write(`${generation}\n`);
}

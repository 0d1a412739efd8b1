/**
 * Child process for the crash test: opens (recovers) a workspace's trading journal, finds where
 * the scripted session stands, and keeps applying it, printing ACK for every trader command
 * after its durable commit. The parent kills it with SIGKILL at a random moment. Third argument
 * 'worker': group commits run in the log writer's worker (as in the app), else on main's connection.
 */
import { Engine } from '#main/engine/engine';
import { openWorkspace } from '#main/store/db';
import { TradingJournal } from '#main/trading/journal';
import { scriptedSession } from './session-script';

const [file, ticksArg, writer] = process.argv.slice(2);
const events = scriptedSession(Number(ticksArg ?? 20000));
const ws = openWorkspace(file!, writer === 'worker' ? { checkpoints: 'worker', logWriter: 'worker' } : {});
const { journal, report } = TradingJournal.open(ws.db, { groupSize: 200, snapshotEvery: 3000, verify: true });
// Where the log stands in the script: replay the script until as many events were accepted.
const probe = new Engine();
let index = 0;
while (probe.readState.seq < report.lastSeq && index < events.length) probe.apply(events[index++]!);
process.stdout.write(`OPEN ${report.lastSeq} ${index}\n`);
for (; index < events.length; index++) {
  const e = events[index]!;
  const durable = e.kind === 'command';
  const r = journal.apply(e, durable);
  if (r.ok && durable) process.stdout.write(`ACK ${journal.seq}\n`);
}
journal.close();
process.stdout.write(`DONE ${journal.engine.stateHash()}\n`);
ws.close();

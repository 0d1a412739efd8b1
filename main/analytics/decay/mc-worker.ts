import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { newFanHistogram } from '#shared/risk/tokens/mc/fan-histogram';
import { PathWalker, simulateBlock } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import { summarise } from '#shared/risk/tokens/mc/summarise';
import type { FromWorker, ToWorker } from './mc-protocol';
import { niceThisThread } from './worker-nice';

/**
 * A Monte Carlo worker thread: runs one block of paths per task and hands its buffers back
 * (transferred, not copied); adds checkpoint values into its own fan histograms; and, on the last
 * step, summarises a run so main never loops over paths.
 */
const port = parentPort;
if (!port) throw new Error('mc-worker runs only as a worker thread');
niceThisThread();
let configs: readonly McConfig[] = [];
let fans: (Int32Array | null)[] = [];

/** This thread's CPU time in ms from /proc/thread-self/stat (utime + stime, in clock ticks of 10 ms), or null. */
function threadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function newFans(): (Int32Array | null)[] {
  return configs.map((cfg) => {
    const rows = new PathWalker(cfg).fanRows();
    return rows > 0 ? newFanHistogram(rows) : null;
  });
}

port.on('message', (msg: ToWorker) => {
  try {
    if (msg.type === 'configs') {
      configs = msg.configs;
      fans = newFans();
      return;
    }
    if (msg.type === 'collect') {
      const out = fans;
      fans = newFans();
      port.postMessage({ type: 'fans', fans: out } satisfies FromWorker, out.filter((f): f is Int32Array => f !== null).map((f) => f.buffer as ArrayBuffer));
      return;
    }
    if (msg.type === 'summarise') {
      port.postMessage({ type: 'summary', summary: summarise(msg.job, configs, msg.taskConfigs, msg.blocks, msg.fans) } satisfies FromWorker);
      return;
    }
    const cfg = configs[msg.config];
    if (!cfg) throw new Error(`no configuration ${msg.config}`);
    const block = simulateBlock(cfg, msg.seed, msg.block, msg.paths, fans[msg.config] ?? null);
    const transfer: ArrayBuffer[] = [block.terminal.buffer as ArrayBuffer, block.liquidated.buffer as ArrayBuffer, block.rebalances.buffer as ArrayBuffer];
    port.postMessage({ type: 'done', task: msg.task, block, cpuMs: threadCpuMs() } satisfies FromWorker, transfer);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
  }
});
port.postMessage({ type: 'ready', cpuMs: threadCpuMs() } satisfies FromWorker);

import { parentPort } from 'node:worker_threads';
import { simulateBlock } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import type { FromWorker, ToWorker } from './mc-protocol';

/** A Monte Carlo worker thread: runs one block of paths per task and hands its buffers back (transferred, not copied). */
const port = parentPort;
if (!port) throw new Error('mc-worker runs only as a worker thread');
let configs: readonly McConfig[] = [];

port.on('message', (msg: ToWorker) => {
  try {
    if (msg.type === 'configs') {
      configs = msg.configs;
      return;
    }
    const cfg = configs[msg.config];
    if (!cfg) throw new Error(`no configuration ${msg.config}`);
    const block = simulateBlock(cfg, msg.seed, msg.block, msg.paths);
    const transfer: ArrayBuffer[] = [block.terminal.buffer as ArrayBuffer, block.liquidated.buffer as ArrayBuffer, block.rebalances.buffer as ArrayBuffer];
    if (block.checkpoints) transfer.push(block.checkpoints.buffer as ArrayBuffer);
    port.postMessage({ type: 'done', task: msg.task, block } satisfies FromWorker, transfer);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromWorker);

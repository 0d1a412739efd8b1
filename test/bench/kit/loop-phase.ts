import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * Runs a phase with the event-loop monitor and a 10 ms "UI" interval; prints the wall time, the
 * monitor's max and p99 delay, and the longest gap between two UI beats (a synchronous phase that
 * never yields shows up there, and in the monitor's first sample after it).
 */
export async function phase<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  let last = performance.now();
  let maxGap = 0;
  const ui = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 10);
  h.enable();
  await new Promise((r) => setTimeout(r, 30));
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const out = await run();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  await new Promise((r) => setTimeout(r, 30));
  h.disable();
  clearInterval(ui);
  console.log(
    `${label.padEnd(62)} ${fmt(ms / 1000, 2).padStart(6)} s | event-loop delay max ${fmt(h.max / 1e6).padStart(6)} ms, p99 ${fmt(h.percentile(99) / 1e6).padStart(5)} ms | longest UI gap ${fmt(maxGap).padStart(6)} ms | process CPU ${fmt((cpu.user + cpu.system) / 1e6, 2)} s (load ${os.loadavg()[0]!.toFixed(2)})`,
  );
  return out;
}


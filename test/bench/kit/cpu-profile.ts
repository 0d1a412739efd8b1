/**
 * Optional CPU profile of the page over the Chrome DevTools Protocol (PROFILE=1): started and
 * stopped around a measurement, reduced to the functions with the most self time, so a bench
 * shows where a slow frame goes before anyone changes code for it.
 */
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface CpuProfiler {
  /** Top `n` functions by self time, one line each, and the total sampled. */
  stop(n?: number): Promise<string[]>;
}

export const profiling = (): boolean => process.env.PROFILE === '1';

export async function startCpuProfile(page: Page): Promise<CpuProfiler> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    async stop(n = 12) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const after = await metrics(cdp);
      await cdp.detach();
      // Where the main thread's busy time went, as Blink counts it (seconds -> ms).
      const spent = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration']
        .map((k) => `${k.replace('Duration', '')} ${(((after[k] ?? 0) - (before[k] ?? 0)) * 1000).toFixed(0)} ms`)
        .join(', ');
      const counts = ['RecalcStyleCount', 'LayoutCount', 'Nodes'].map((k) => `${k} ${(after[k] ?? 0) - (k === 'Nodes' ? 0 : (before[k] ?? 0))}`).join(', ');
      return [`main thread (Performance.getMetrics): ${spent}; ${counts}`, ...topSelfTime(profile, n)];
    },
  };
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

function topSelfTime(profile: Profile, n: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  // A sample's time is the delta to the next sample: attribute it to the sampled (leaf) node.
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    const dt = (deltas[i + 1] ?? 0) / 1000;
    if (!node) continue;
    total += dt;
    const f = node.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [`cpu profile: ${total.toFixed(0)} ms sampled; top self time:`, ...top.map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms ${((ms / Math.max(total, 1)) * 100).toFixed(1).padStart(5)}%  ${k}`)];
}

import fs from 'node:fs';

/**
 * CPU time of this process's main thread and of all its threads (Linux: /proc), so a bench run on
 * a shared machine can say how much of its wall time main's thread actually worked, and how much
 * the other threads (the trading log's writer, the WAL checkpointer) took beside it.
 */
export interface CpuSample {
  readonly mainMs: number | null;
  readonly allMs: number;
}

/** USER_HZ: the unit of /proc's utime and stime (100 on every Linux Node runs on). */
const TICK_MS = 10;

export function cpuSample(): CpuSample {
  const all = process.cpuUsage();
  let mainMs: number | null = null;
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    mainMs = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    // no /proc (macOS, Windows): only the process total is known
  }
  return { mainMs, allMs: (all.user + all.system) / 1000 };
}

/** "main thread 4.1 s CPU, other threads 2.3 s" between two samples. */
export function cpuBetween(a: CpuSample, b: CpuSample): string {
  const all = b.allMs - a.allMs;
  if (a.mainMs === null || b.mainMs === null) return `CPU ${(all / 1000).toFixed(2)} s (all threads)`;
  const main = b.mainMs - a.mainMs;
  return `CPU: main thread ${(main / 1000).toFixed(2)} s, other threads ${((all - main) / 1000).toFixed(2)} s`;
}

import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The heap still in use after a full collection, in MB: what every full collection must mark on
 * main (the size of a big crowd's state). The bench runs without --expose-gc, so the collector is
 * reached through a flag set at run time and a fresh context's `gc`. Call it between phases: the
 * collection takes a few hundred ms and is not part of any phase's figures.
 */
export function liveHeapMb(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
}

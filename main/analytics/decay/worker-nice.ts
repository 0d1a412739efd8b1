import fs from 'node:fs';
import os from 'node:os';

/**
 * Lowers this worker thread's scheduling priority (Linux: setpriority on the thread's id, read
 * from /proc/thread-self), so on a busy machine the OS runs main and the renderer first and the
 * number-crunching threads take what is left: main's event loop and the view's frames do not
 * wait behind a Monte Carlo. Elsewhere it does nothing.
 */
export function niceThisThread(niceness = 5): void {
  try {
    const tid = Number(pathTail(fs.readlinkSync('/proc/thread-self')));
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, niceness);
  } catch {
    // Not Linux, or not permitted: the default priority is fine.
  }
}

function pathTail(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

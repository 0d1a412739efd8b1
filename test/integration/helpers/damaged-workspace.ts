import fs from 'node:fs';
import { openWorkspace } from '#main/store/db';

/** A closed workspace at `file` with enough rows to span many pages, its WAL copied back into it. */
export function filledWorkspace(file: string, filler = 'x'): void {
  const ws = openWorkspace(file);
  const insert = ws.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  ws.db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`filler-${i}`, JSON.stringify(filler.repeat(40)));
  })();
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  ws.close();
}

/** Overwrites the 4 KiB page in the middle of the file: damage inside a b-tree page that only a page check reads. */
export function damageMiddlePage(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
  } finally {
    fs.closeSync(fd);
  }
}

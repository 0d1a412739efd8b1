import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { STALE_AFTER_MS } from './import/staging';

/** Largest file the web host accepts for an import (a year of 1m klines is ~60 MB; 10M rows ~1.2 GB). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export class UploadRefused extends Error {
  override readonly name = 'UploadRefused';
  constructor(
    message: string,
    /** 'name': the file name is not usable (400); 'size': the body is too large (413). */
    readonly reason: 'name' | 'size',
  ) {
    super(message);
  }
}

/**
 * Files the browser sends to the web host for an import (a page cannot hand main a path the way
 * Electron's preload can). Each lands in its own random folder under <dataDir>/uploads, keeping
 * its own name (symbol and interval live in the name), and is deleted once imported. Names are
 * reduced to a safe base name, so nothing is ever written outside that folder.
 */
export class UploadStore {
  /** Files this store wrote in this process and not yet removed: the only paths a web page may import. */
  private readonly issued = new Set<string>();

  constructor(readonly dir: string) {}

  async accept(name: string, body: Readable, limitBytes = MAX_UPLOAD_BYTES): Promise<{ path: string; name: string; bytes: number }> {
    const safe = safeUploadName(name);
    if (!safe) throw new UploadRefused(`"${name}" is not a usable file name (a plain name such as BTCUSDT-1m-2024-01.csv; not hidden, not a folder)`, 'name');
    const folder = path.join(this.dir, randomBytes(12).toString('hex'));
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, safe);
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > limitBytes) done(new UploadRefused(`the file is larger than ${Math.round(limitBytes / 1024 ** 2)} MiB`, 'size'));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body, count, fs.createWriteStream(file, { flags: 'wx' }));
    } catch (err) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw err;
    }
    this.issued.add(path.resolve(file));
    return { path: file, name: safe, bytes };
  }

  /** True for a path this store handed out (an upload of this run, not yet imported). */
  created(p: string): boolean {
    return this.issued.has(path.resolve(p));
  }

  /** True for a file this store wrote (and so may delete). */
  contains(p: string): boolean {
    const rel = path.relative(path.resolve(this.dir), path.resolve(p));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && rel.split(path.sep).length === 2;
  }

  remove(p: string): void {
    this.issued.delete(path.resolve(p));
    if (this.contains(p)) fs.rmSync(path.dirname(path.resolve(p)), { recursive: true, force: true });
  }

  /** Uploads left by a run that stopped before importing them (old ones only: another process may be uploading). */
  sweep(now = Date.now(), olderThanMs = STALE_AFTER_MS): void {
    let folders: string[];
    try {
      folders = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of folders) {
      const folder = path.join(this.dir, name);
      try {
        if (now - fs.statSync(folder).mtimeMs >= olderThanMs) fs.rmSync(folder, { recursive: true, force: true });
      } catch {
        // In use or already gone: a later start tries again.
      }
    }
  }
}

/** The base name only, printable and short; null if nothing usable is left. */
export function safeUploadName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._ ()+-]/g, '_').slice(-200);
  if (cleaned === '' || cleaned.startsWith('.') || /^_+$/.test(cleaned)) return null;
  return cleaned;
}

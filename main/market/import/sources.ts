import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as yauzl from 'yauzl';
import { fileProblem } from './problem';

/**
 * What an import reads: a plain CSV, a gzipped CSV, or a .zip (as data.binance.vision ships every
 * file) holding one or more CSVs. Every entry is a stream: nothing is loaded whole.
 */
export interface ImportEntry {
  /** For messages: the file path, or "file.zip!inner.csv". */
  readonly label: string;
  /** The CSV's own name (the zip entry's name), which carries symbol and interval. */
  readonly baseName: string;
  /** Bytes the entry will yield (uncompressed). */
  readonly size: number;
  open(): Promise<Readable>;
}

export interface OpenedSource {
  readonly file: string;
  readonly bytes: number;
  readonly entries: readonly ImportEntry[];
  close(): void;
}

export async function openSource(file: string): Promise<OpenedSource> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (err) {
    throw fileProblem(file, 'a readable file', 'nothing', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (!stat.isFile()) throw fileProblem(file, 'a file', 'a folder or device', `${file} is not a regular file`);
  const lower = file.toLowerCase();
  if (lower.endsWith('.zip')) return openZip(file, stat.size);
  const baseName = path.basename(file);
  if (lower.endsWith('.gz')) {
    return single(file, stat.size, {
      label: file,
      baseName: baseName.slice(0, -3),
      size: stat.size,
      open: () => Promise.resolve(fs.createReadStream(file).pipe(createGunzip())),
    });
  }
  return single(file, stat.size, { label: file, baseName, size: stat.size, open: () => Promise.resolve(fs.createReadStream(file, { highWaterMark: 256 * 1024 })) });
}

function single(file: string, bytes: number, entry: ImportEntry): OpenedSource {
  return { file, bytes, entries: [entry], close: () => undefined };
}

async function openZip(file: string, bytes: number): Promise<OpenedSource> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z)));
  }).catch((err: Error) => {
    throw fileProblem(file, 'a zip archive', 'unreadable data', `${file} is not a readable zip archive (${err.message})`);
  });
  const found: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (!name.endsWith('/') && !name.startsWith('__MACOSX/') && name.toLowerCase().endsWith('.csv')) found.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  }).catch((err: Error) => {
    zip.close();
    throw fileProblem(file, 'a zip archive', 'a damaged archive', `${file}: the zip archive is damaged (${err.message})`);
  });
  if (found.length === 0) {
    zip.close();
    throw fileProblem(file, 'a .csv inside the zip', 'no .csv entry', `${file} holds no .csv file`);
  }
  found.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  return {
    file,
    bytes,
    entries: found.map((entry) => ({
      label: `${file}!${entry.fileName}`,
      baseName: path.posix.basename(entry.fileName),
      size: entry.uncompressedSize,
      open: () =>
        new Promise<Readable>((resolve, reject) => {
          zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
        }),
    })),
    close: () => zip.close(),
  };
}

/** SHA-256 of the file's bytes (streamed), to recognise a file imported before. */
export async function sha256File(file: string, onChunk?: () => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    onChunk?.();
  }
  return hash.digest('hex');
}

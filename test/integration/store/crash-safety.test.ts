import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '#main/store/db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const WRITER = path.join(import.meta.dirname, 'crash-writer.ts');

/** Runs the writer until it reports `after` commits plus a random extra delay, then SIGKILLs it. */
function runAndKill(file: string, after: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastReported = 0;
    let killTimer: NodeJS.Timeout | undefined;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      const lines = d.toString().trim().split('\n');
      lastReported = Number(lines[lines.length - 1]);
      if (lastReported >= after && !killTimer) killTimer = setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${stderr}`));
      else resolve(lastReported);
    });
  });
}

describe('a write killed mid-flight', () => {
  it('never leaves half a transaction, and loses nothing that was reported committed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.db');
    openWorkspace(file).close();
    // Several kills at different moments; each reopen must see one whole generation.
    for (const [after, extraMs] of [
      [5, 0],
      [20, 3],
      [50, 11],
      [80, 23],
    ] as const) {
      const reported = await runAndKill(file, after, extraMs);
      const ws = openWorkspace(file);
      const rows = ws.db.prepare("SELECT value FROM settings WHERE key LIKE 'crash-%'").pluck().all() as string[];
      ws.close();
      const generations = new Set(rows.map((v) => (JSON.parse(v) as { generation: number }).generation));
      expect(rows).toHaveLength(50);
      expect(generations.size).toBe(1);
      const [generation] = [...generations];
      expect(generation).toBeGreaterThanOrEqual(reported);
    }
  }, 60_000);
});

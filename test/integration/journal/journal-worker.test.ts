import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalImportRefused } from '#main/journal/import/import-journal';
import { JournalCore } from '#main/journal/journal-core';
import { JournalService } from '#main/journal/journal-service';
import { journalWorkerEntry } from '#main/journal/worker/journal-worker-entry';
import { openWorkspace, type Workspace } from '#main/store/db';
import { useTempDirs } from '../helpers/temp-dir';
import { USDM } from './journal-kit';

const tempDir = useTempDirs();
const open: Array<{ ws: Workspace; service: JournalService }> = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.service.close();
    o.ws.close();
  }
});

function setup() {
  const ws = openWorkspace(path.join(tempDir(), 'w.db'));
  const service = new JournalService(ws.db, { dbPath: ws.path, entry: journalWorkerEntry(true) });
  open.push({ ws, service });
  return { ws, service, inline: new JournalCore(ws.db) };
}

describe('the journal worker thread', () => {
  it('imports, pages, summarises, computes statistics and annotates off main, with the same answers as on main', async () => {
    const { ws, service, inline } = setup();
    expect(service.offMain).toBe(true);
    const imported = await service.import(USDM, { account: null, preview: false });
    expect(imported.rowsAdded).toBe(4794);
    expect(imported.trips).toBe(39);
    // main's own connection sees what the worker's writable connection committed.
    expect(inline.book().trips).toHaveLength(39);
    expect(await service.summary(null)).toEqual(inline.summary(null));
    const { ms: _a, ...stats } = await service.stats({ asset: 'USDT' });
    const { ms: _b, ...expected } = inline.stats({ asset: 'USDT' });
    expect(stats).toEqual(expected);
    const page = await service.trips({}, 0, 5, { id: 'net', desc: true });
    expect(page.rows.map((t) => t.id)).toEqual(inline.trips({}, 0, 5, { id: 'net', desc: true }).rows.map((t) => t.id));
    const id = page.rows[0]!.id;
    const detail = await service.trip(id);
    expect(detail?.fills.length).toBeGreaterThan(0);
    expect(detail?.chartNote).toMatch(/no stored candles/);
    const note = { notes: 'worker', tags: ['w'], setup: 'test', mistakes: [], rating: 4 };
    expect((await service.annotate(id, note))?.annotation).toEqual(note);
    expect(new JournalCore(ws.db).trip(id)?.trip.annotation).toEqual(note);
    expect((await service.options()).tags).toEqual(['w']);
  });

  it('a refused import comes back as the same refusal, naming file and line, and adds nothing', async () => {
    const { service, inline } = setup();
    const bad = path.join(tempDir(), 'bad.csv');
    const lines = fs.readFileSync(USDM[0]!, 'utf8').split('\n');
    lines[4] = lines[4]!.replace(/"BUY"|"SELL"/, '"HOLD"');
    fs.writeFileSync(bad, lines.join('\n'));
    const err = await service.import([USDM[3]!, bad], { account: null, preview: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalImportRefused);
    expect((err as JournalImportRefused).message).toMatch(/bad\.csv:5:/);
    expect((err as JournalImportRefused).files).toHaveLength(2);
    expect(inline.summary(null).trades.total).toBe(0);
    expect(Object.keys(inline.summary(null).byAsset)).toEqual([]);
  });
});

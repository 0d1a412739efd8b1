import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalFilter } from '#shared/journal/journal-stats';
import { JournalCore } from '#main/journal/journal-core';
import type { TripSort } from '#main/journal/stats/trip-sort';
import { openWorkspace, type Workspace } from '#main/store/db';
import { useTempDirs } from '../helpers/temp-dir';
import { USDM } from './journal-kit';

const tempDir = useTempDirs();
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

function setup(): { ws: Workspace; core: JournalCore } {
  const ws = openWorkspace(path.join(tempDir(), 'w.db'));
  open.push(ws);
  const core = new JournalCore(ws.db);
  core.import(USDM, { account: null, preview: false });
  return { ws, core };
}

/** Every page of `size` rows, concatenated: what a table scrolled top to bottom has asked for. */
function paged(core: JournalCore, filter: JournalFilter, sort: TripSort | null, size = 7): string[] {
  const ids: string[] = [];
  for (let offset = 0; ; offset += size) {
    const page = core.trips(filter, offset, size, sort);
    ids.push(...page.rows.map((t) => t.id));
    if (offset + size >= page.total) return ids;
  }
}

/** The same list from a core that has cached nothing: one page holding everything. */
const fresh = (ws: Workspace, filter: JournalFilter, sort: TripSort | null): string[] => new JournalCore(ws.db).trips(filter, 0, 1_000_000, sort).rows.map((t) => t.id);

describe('journal pages (the sorted list is cached between page requests)', () => {
  it('pages concatenated equal the full sorted list, for every sort and with no sort', () => {
    const { ws, core } = setup();
    for (const sort of [{ id: 'net', desc: true }, { id: 'closedAt', desc: false }, { id: 'symbol', desc: true }, null]) {
      const ids = paged(core, {}, sort);
      expect(ids).toHaveLength(39);
      expect(new Set(ids).size).toBe(39);
      expect(ids).toEqual(fresh(ws, {}, sort));
    }
  });

  it('a new filter is a new list, not the last one cached', () => {
    const { ws, core } = setup();
    const sort = { id: 'net', desc: false };
    const all = paged(core, {}, sort);
    const symbol = core.options().symbols[0]!;
    const some = paged(core, { symbols: [symbol] }, sort);
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    expect(some).toEqual(fresh(ws, { symbols: [symbol] }, sort));
  });

  it('an annotation moves its trip in a list sorted or filtered by what was annotated', () => {
    const { ws, core } = setup();
    const bySetup = { id: 'setup', desc: true };
    const before = paged(core, {}, bySetup);
    const last = before[before.length - 1]!;
    core.annotate(last, { notes: '', tags: ['moved'], setup: 'zzz', mistakes: [], rating: null }, 0);
    const after = paged(core, {}, bySetup);
    expect(after[0]).toBe(last);
    expect(after).toEqual(fresh(ws, {}, bySetup));
    expect(paged(core, { tags: { all: ['moved'], any: [], none: [] } }, bySetup)).toEqual([last]);
  });

  it('an import is in the next page asked for', () => {
    const { ws, core } = setup();
    const sort = { id: 'closedAt', desc: true };
    expect(paged(core, {}, sort)).toHaveLength(39);
    const file = path.join(tempDir(), 'generic.csv');
    fs.writeFileSync(
      file,
      'time,symbol,side,price,quantity,fee,fee_asset,realized_pnl,trade_id,position_side\n' +
        '2030-01-01T00:00:00.000Z,BTCUSDT,BUY,60000.0,0.010,0.0240,,0,1,LONG\n' +
        '2030-01-01T00:01:00.000Z,BTCUSDT,SELL,61000.0,0.010,0.0240,,10.0000,2,LONG\n',
    );
    core.import([file], { account: 'later', preview: false });
    const after = paged(core, {}, sort);
    expect(after).toHaveLength(40);
    expect(core.trips({}, 0, 1, sort).rows[0]?.account).toBe('later');
    expect(after).toEqual(fresh(ws, {}, sort));
  });
});

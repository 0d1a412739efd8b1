import fs from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { JournalSummary } from '#shared/journal/journal-import';
import { openWorkspace } from '#main/store/db';
import { useTempDirs } from '../helpers/temp-dir';

function fingerprint(file: string): string {
  const w = openWorkspace(file);
  try {
    return dbFingerprint(w.db);
  } finally {
    w.close();
  }
}
import { dbFingerprint } from '../helpers/db-fingerprint';
import { cli, COINM, readExport, USDM } from './journal-kit';

const tempDir = useTempDirs();

/** Sums taken straight from the files, with decimal.js, without the importer. */
function independentTotals(files: string[]) {
  const trades = readExport(files[0]!);
  const txs = readExport(files[3]!);
  const sums = new Map<string, { realized: Decimal; fees: Decimal; funding: Decimal; insurance: Decimal; txRealized: Decimal; commission: Decimal }>();
  const of = (a: string) => {
    let s = sums.get(a);
    if (!s) sums.set(a, (s = { realized: new Decimal(0), fees: new Decimal(0), funding: new Decimal(0), insurance: new Decimal(0), txRealized: new Decimal(0), commission: new Decimal(0) }));
    return s;
  };
  for (const t of trades) {
    const sym = t.Symbol!;
    const settle = /USD_/.test(sym) ? sym.split('USD_')[0]! : sym.split('_')[0]!.endsWith('USDC') ? 'USDC' : 'USDT';
    of(settle).realized = of(settle).realized.plus(t['Realized Profit']!);
    const [amount, asset] = t.Fee!.split(' ');
    // Account A writes paid fees negative.
    of(asset!).fees = of(asset!).fees.minus(amount!);
  }
  for (const x of txs) {
    const s = of(x.Asset!);
    if (x.type === 'FUNDING_FEE') s.funding = s.funding.plus(x.Amount!);
    if (x.type === 'INSURANCE_CLEAR') s.insurance = s.insurance.plus(x.Amount!);
    if (x.type === 'REALIZED_PNL' || x.type === 'DELIVERED_SETTELMENT') s.txRealized = s.txRealized.plus(x.Amount!);
    if (x.type === 'COMMISSION') s.commission = s.commission.plus(x.Amount!);
  }
  return sums;
}

describe('journal: the real Binance exports', () => {
  for (const [name, files] of [
    ['USDⓈ-M', USDM],
    ['COIN-M', COINM],
  ] as const) {
    it(`${name}: reconciles to zero and its totals equal sums taken from the files`, async () => {
      const ws = tempDir();
      const imp = await cli(['journal', 'import', ...files, '--workspace', ws]);
      expect(imp.code, imp.err).toBe(0);
      const result = JSON.parse(imp.out) as { files: Array<{ format: string; rowsRead: number; rowsAdded: number; errors: string[] }>; rowsAdded: number };
      expect(result.files.map((f) => f.format)).toEqual(['binance-trades', 'binance-orders', 'binance-positions', 'binance-transactions']);
      for (const [i, f] of result.files.entries()) {
        expect(f.rowsRead).toBe(readExport(files[i]!).length);
        expect(f.rowsAdded).toBe(f.rowsRead);
      }
      const sum = await cli(['journal', 'summary', '--workspace', ws]);
      expect(sum.code, sum.err).toBe(0);
      const summary = JSON.parse(sum.out) as JournalSummary;
      const expected = independentTotals([...files]);
      for (const [asset, e] of expected) {
        // The exports' own cross-check: trades against the wallet's transaction history.
        expect(e.realized.minus(e.txRealized).isZero(), `${asset} realised`).toBe(true);
        expect(e.fees.plus(e.commission).isZero(), `${asset} fees`).toBe(true);
        const got = summary.byAsset[asset]!;
        expect(got.realizedPnl).toBe(e.realized.toFixed());
        expect(new Decimal(got.fees).eq(e.fees)).toBe(true);
        expect(new Decimal(got.funding).eq(e.funding)).toBe(true);
        expect(new Decimal(got.insuranceClear).eq(e.insurance)).toBe(true);
        expect(new Decimal(got.net).eq(e.realized.minus(e.fees).plus(e.funding).plus(e.insurance))).toBe(true);
        const rec = summary.reconciliation[asset]!;
        expect([rec.realizedPnlDifference, rec.feesDifference, rec.fundingDifference]).toEqual(['0', '0', '0']);
      }
      expect(summary.trades.total).toBe(summary.trades.wins + summary.trades.losses + summary.trades.breakeven);
      expect(summary.trades.total).toBeGreaterThan(0);
      // Never added across assets: one line per asset, and USDT and USDC both present for USDⓈ-M.
      if (name === 'USDⓈ-M') expect(Object.keys(summary.byAsset).sort()).toEqual(['BNB', 'USDC', 'USDT']);
      else expect(Object.keys(summary.byAsset)).toEqual(['BTC']);
    });
  }

  it('re-importing adds nothing', async () => {
    const ws = tempDir();
    expect((await cli(['journal', 'import', ...USDM, ...COINM, '--workspace', ws])).code).toBe(0);
    const db = path.join(ws, 'workspace.levdesk.db');
    const again = await cli(['journal', 'import', ...USDM, ...COINM, '--workspace', ws]);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as { rowsAdded: number }).rowsAdded).toBe(0);
    const w = openWorkspace(db);
    const n = (w.db.prepare('SELECT COUNT(*) AS n FROM journal_fills').get() as { n: number }).n;
    w.close();
    expect(n).toBe(readExport(USDM[0]!).length + readExport(COINM[0]!).length);
  });

  it('a corrupted row is refused with its file, line and column, and nothing is added', async () => {
    const ws = tempDir();
    const bad = path.join(tempDir(), 'trades.csv');
    const lines = fs.readFileSync(USDM[0]!, 'utf8').split('\n');
    lines[41] = lines[41]!.replace(/"(\d+\.\d+)","(\d+\.\d+)","(\d+\.\d+)"/, '"$1","1.2.3","$3"');
    fs.writeFileSync(bad, lines.join('\n'));
    await cli(['journal', 'import', COINM[0]!, '--workspace', ws]);
    const before = fingerprint(path.join(ws, 'workspace.levdesk.db'));
    const r = await cli(['journal', 'import', USDM[3]!, bad, '--workspace', ws]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:42:7`);
    expect(r.err).toContain('Quantity');
    expect(fingerprint(path.join(ws, 'workspace.levdesk.db'))).toEqual(before);
  });

  it('a preview counts what would be added and writes nothing', async () => {
    const ws = tempDir();
    await cli(['journal', 'import', COINM[0]!, '--workspace', ws]);
    const before = fingerprint(path.join(ws, 'workspace.levdesk.db'));
    const r = await cli(['journal', 'import', ...COINM, '--preview', '--workspace', ws]);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out) as { preview: boolean; files: Array<{ rowsAdded: number; rowsRead: number; assets: string[]; from: number }> };
    expect(p.preview).toBe(true);
    expect(p.files[0]!.rowsAdded).toBe(0);
    expect(p.files[3]!.rowsAdded).toBe(p.files[3]!.rowsRead);
    expect(p.files[3]!.assets).toEqual(['BTC']);
    expect(fingerprint(path.join(ws, 'workspace.levdesk.db'))).toEqual(before);
  });
});

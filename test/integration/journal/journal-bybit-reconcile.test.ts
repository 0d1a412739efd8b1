import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalSummary } from '#shared/journal/journal-import';
import { useTempDirs } from '../helpers/temp-dir';
import { cli } from './journal-kit';

const tempDir = useTempDirs();

const T0 = Date.UTC(2025, 5, 1, 0, 0, 0);
/** One long BTCUSDT trip in Bybit's execution fields: 0.1 bought at 60,000, sold at 61,000, one funding payment while held. */
const EXECUTIONS = [
  'symbol,side,execPrice,execQty,execFee,execId,execTime,orderId,execType,feeCurrency',
  `BTCUSDT,Buy,60000,0.1,3.3,e1,${T0},o1,Trade,USDT`,
  `BTCUSDT,Buy,0,0,0.5,f1,${T0 + 3_600_000},,Funding,USDT`,
  `BTCUSDT,Sell,61000,0.1,3.355,e2,${T0 + 7_200_000},o2,Trade,USDT`,
].join('\n');
// Gross 100, fees 3.3 + 3.355, funding paid 0.5: Bybit's Closed P&L for that position is 92.845.
const closedPnl = (btcPnl: string) =>
  [
    'Contracts,Closing Direction,Qty,Entry Price,Exit Price,Closed P&L,Exit Type,Trade Time(UTC+0),Order No.,Create Time',
    `BTCUSDT,Close Long,0.1,60000,61000,${btcPnl},Trade,2025-06-01 02:00:00,o2,2025-06-01 00:00:00`,
    'ETHUSDT,Close Short,1,2600,2550,48.1,Trade,2025-06-03 10:00:00,o9,2025-06-03 08:00:00',
  ].join('\n');

async function summaryOf(files: Record<string, string>): Promise<JournalSummary> {
  const dir = tempDir();
  const paths = Object.entries(files).map(([name, text]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, `${text}\n`);
    return p;
  });
  const ws = path.join(dir, 'ws');
  const imp = await cli(['journal', 'import', ...paths, '--workspace', ws]);
  expect(imp.code, imp.err).toBe(0);
  const sum = await cli(['journal', 'summary', '--workspace', ws]);
  expect(sum.code, sum.err).toBe(0);
  return JSON.parse(sum.out) as JournalSummary;
}

describe('journal: Bybit Closed P&L against executions', () => {
  it('a Closed P&L row that its executions explain reconciles to zero and is not counted twice', async () => {
    const s = await summaryOf({ 'bybit-executions.csv': EXECUTIONS, 'bybit-closed-pnl.csv': closedPnl('92.845') });
    // The BTC row checks the execution trip; the ETH row (no executions) is a trip of its own.
    expect(s.trades.total).toBe(2);
    const usdt = s.reconciliation.USDT!;
    expect(usdt.closedPnlDifference).toBe('0');
    expect(usdt.closedPnlRows).toBe(1);
    // 100 realised from the executions + 48.1 from the lone Closed P&L row; never 100 + 92.845.
    expect(s.byAsset.USDT!.realizedPnl).toBe('148.1');
    expect(s.byAsset.USDT!.fees).toBe('6.655');
    expect(s.byAsset.USDT!.funding).toBe('-0.5');
    expect(usdt.unreconcilable).toEqual([{ account: 'bybit', reason: expect.stringContaining('1 Closed P&L row(s) (bybit) fall outside the imported executions') }]);
  });

  it('a Closed P&L row that disagrees with its executions shows the difference', async () => {
    const s = await summaryOf({ 'bybit-executions.csv': EXECUTIONS, 'bybit-closed-pnl.csv': closedPnl('92.8') });
    expect(s.reconciliation.USDT!.closedPnlDifference).toBe('0.045');
  });

  it('Closed P&L alone, or executions alone, are stated as unreconcilable and why', async () => {
    const closedOnly = await summaryOf({ 'bybit-closed-pnl.csv': closedPnl('92.845') });
    expect(closedOnly.trades.total).toBe(2);
    expect(closedOnly.reconciliation.USDT!.closedPnlDifference).toBeNull();
    expect(closedOnly.reconciliation.USDT!.unreconcilable[0]!.reason).toMatch(/2 Closed P&L row\(s\) \(bybit\) with no executions imported/);
    const execOnly = await summaryOf({ 'bybit-executions.csv': EXECUTIONS });
    expect(execOnly.reconciliation.USDT!.unreconcilable[0]!.reason).toMatch(/fill\(s\) \(bybit\): no Closed P&L rows match them/);
  });
});

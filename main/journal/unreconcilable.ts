import type { SummaryInput } from './summary';

const CHECKING = new Set(['REALIZED_PNL', 'COMMISSION', 'DELIVERED_SETTELMENT', 'DELIVERED_SETTLEMENT']);

/**
 * Which accounts' figures in one asset nothing imported can check, and why, so a summary never
 * shows an unchecked total as if it had reconciled. An account is checked by its transaction
 * history (Binance) or by Closed P&L rows matched to its executions (Bybit).
 */
export function unreconcilable(asset: string, input: SummaryInput): Array<{ account: string; reason: string }> {
  const per = new Map<string, { venue: string; fills: number; tx: number; closedAlone: number; checks: number }>();
  const see = (account: string, venue: string) => {
    let s = per.get(account);
    if (!s) per.set(account, (s = { venue, fills: 0, tx: 0, closedAlone: 0, checks: 0 }));
    return s;
  };
  for (const f of input.fills) if (f.venue !== 'paper' && (f.settleAsset === asset || f.feeAsset === asset)) see(f.account, f.venue).fills += 1;
  // Only rows that check trades count (funding rows check nothing about realised PnL or fees).
  for (const x of input.transactions) if (x.venue !== 'paper' && x.asset === asset && CHECKING.has(x.type)) see(x.account, x.venue).tx += 1;
  for (const c of input.closed) if (c.asset === asset) see(c.account, c.venue).closedAlone += 1;
  for (const c of input.closedChecks) if (c.row.asset === asset) see(c.row.account, c.row.venue).checks += 1;
  const out: Array<{ account: string; reason: string }> = [];
  for (const [account, s] of [...per.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (s.closedAlone > 0 && s.fills === 0) {
      out.push({ account, reason: `${s.closedAlone} Closed P&L row(s) (${s.venue}) with no executions imported to check them: their P&L (already net of fees and funding) is counted as is` });
    } else if (s.closedAlone > 0) {
      out.push({ account, reason: `${s.closedAlone} Closed P&L row(s) (${s.venue}) fall outside the imported executions: counted as trips of their own, unchecked` });
    }
    if (s.fills > 0 && s.tx === 0 && s.checks === 0) {
      const what = s.venue === 'bybit' ? 'no Closed P&L rows match them and Bybit exports no transaction log here' : 'no transaction history was imported';
      out.push({ account, reason: `${s.fills} fill(s) (${s.venue}): ${what}, so realised PnL and fees are unchecked (the differences are the trades' own totals)` });
    }
  }
  return out;
}

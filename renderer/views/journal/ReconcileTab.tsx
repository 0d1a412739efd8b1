import { useEffect, useState } from 'react';
import type { JournalSummary } from '#shared/journal/journal-import';
import { useApi } from '../../api/context';
import { formatDecimal } from '../../components/format/decimal-text';
import { ConvertControl } from './ConvertControl';
import { moneyDp } from './trip-columns';
import { utcDateTime } from './use-journal';

/** Per-asset totals (never added across assets) and the trades-vs-wallet reconciliation. */
export function ReconcileTab(props: { account: string | undefined; version: number; convertTo: string | undefined; onConvert: (q: string | undefined) => void }) {
  const api = useApi();
  const [summary, setSummary] = useState<JournalSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('journal.summary', { ...(props.account ? { account: props.account } : {}), ...(props.convertTo ? { convertTo: props.convertTo } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok) setSummary(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, props.account, props.version, props.convertTo]);
  if (error) return <p role="alert">{error}</p>;
  if (!summary) return <p className="faint">Reading…</p>;
  const assets = Object.keys(summary.byAsset);
  const m = (asset: string, v: string) => formatDecimal(v, moneyDp(asset));
  const conv = summary.converted;
  const unreconcilable = Object.entries(summary.reconciliation).flatMap(([a, r]) => r.unreconcilable.map((u) => ({ asset: a, ...u })));
  return (
    <div className="jv-reconcile" data-testid="journal-reconcile">
      <div className="jv-row jv-stats-head">
        <p className="faint">
          Accounts: {summary.accounts.join(', ') || 'none'} · {summary.trades.total} trips ({summary.trades.wins} won, {summary.trades.losses} lost, {summary.trades.breakeven} break-even)
        </p>
        <ConvertControl value={props.convertTo} onChange={props.onConvert} />
      </div>
      <table className="jv-table-plain" aria-label="Totals per asset">
        <thead>
          <tr><th>Asset</th><th>Realized PnL</th><th>Fees paid</th><th>Funding</th><th>Insurance clear</th><th>Net</th><th>Transfers</th></tr>
        </thead>
        <tbody>
          {assets.map((a) => {
            const t = summary.byAsset[a]!;
            return (
              <tr key={a} data-testid={`journal-asset-${a}`}>
                <th scope="row">{a}</th><td className="num">{m(a, t.realizedPnl)}</td><td className="num">{m(a, t.fees)}</td><td className="num">{m(a, t.funding)}</td>
                <td className="num">{m(a, t.insuranceClear)}</td><td className={`num ${Number(t.net) >= 0 ? 'up' : 'down'}`}>{m(a, t.net)}</td><td className="num">{m(a, t.transfers)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {conv && (
        <section className="jv-converted" data-testid="journal-converted" aria-label={conv.label}>
          <h3>Trip results {conv.label}</h3>
          <table className="jv-table-plain">
            <thead>
              <tr><th>Asset</th><th>Trips</th><th>Net (own asset)</th><th>Converted ({conv.quote})</th><th>Price source</th></tr>
            </thead>
            <tbody>
              {Object.entries(conv.byAsset).map(([a, c]) => (
                <tr key={a} data-testid={`journal-converted-${a}`}>
                  <th scope="row">{a}</th>
                  <td className="num">{c.convertedTrips}/{c.trips}{c.missingTrips > 0 && <span className="warn"> ({c.missingTrips} without a stored price)</span>}</td>
                  <td className="num">{m(a, c.net)} {a}</td><td className="num">{m(conv.quote, c.converted)}</td><td className="faint">{c.source}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Total</th><td className="num">{conv.missingTrips > 0 ? `${conv.missingTrips} left out` : ''}</td><td />
                <td className="num" data-testid="journal-converted-total"><strong>{m(conv.quote, conv.net)} {conv.quote}</strong></td><td />
              </tr>
            </tbody>
          </table>
        </section>
      )}
      <h3>Reconciliation against the transaction history</h3>
      <table className="jv-table-plain" aria-label="Reconciliation per asset">
        <thead>
          <tr><th>Asset</th><th>Realized PnL difference</th><th>Fees difference</th><th>Funding not matched to a trip</th><th>Closed P&amp;L difference</th><th>Transaction rows</th></tr>
        </thead>
        <tbody>
          {Object.entries(summary.reconciliation).map(([a, r]) => {
            const zero = r.realizedPnlDifference === '0' && r.feesDifference === '0' && r.fundingDifference === '0' && (r.closedPnlDifference ?? '0') === '0';
            return (
              <tr key={a} data-testid={`journal-reconcile-${a}`} data-zero={zero}>
                <th scope="row">{a}</th><td className="num">{r.realizedPnlDifference}</td><td className="num">{r.feesDifference}</td><td className="num">{r.fundingDifference}</td>
                <td className="num" title="Bybit: execution trips' net minus their Closed P&L rows">{r.closedPnlDifference === null ? '—' : `${r.closedPnlDifference} (${r.closedPnlRows} rows)`}</td>
                <td className="num">{r.transactionRows}{r.transactionRows === 0 && <span className="warn"> — no transaction history imported</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unreconcilable.length > 0 && (
        <div data-testid="journal-unreconcilable">
          <h3>Not reconcilable</h3>
          <ul className="jv-unmatched">
            {unreconcilable.map((u, i) => (
              <li key={i}>
                <strong>{u.asset}</strong>, account {u.account}: {u.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {Object.values(summary.reconciliation).some((r) => r.unmatched.length > 0) && (
        <>
          <h3>Unmatched rows</h3>
          <ul className="jv-unmatched">
            {Object.entries(summary.reconciliation).flatMap(([a, r]) =>
              r.unmatched.slice(0, 50).map((u, i) => (
                <li key={`${a}${i}`}>
                  {utcDateTime(u.t)} {u.type} {u.symbol ?? '(no symbol)'} {u.amount} {a} — no round trip of that symbol was open
                </li>
              )),
            )}
          </ul>
        </>
      )}
    </div>
  );
}

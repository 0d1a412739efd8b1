import type { AccountSummary, MarketView } from '#shared/domain/trading-account';
import type { InsuranceEntry } from '#shared/domain/trading-history';
import { chartNumber } from '../../../components/format/decimal-text';
import { useFmt } from '../format';
import { ExplainButton } from '../tables/cells';

/** The fund's balance over time as a line; float coordinates only, the amounts stay text. */
function FundSparkline({ history }: { history: readonly InsuranceEntry[] }) {
  const points = history.map((e) => [e.t, chartNumber(e.balance) ?? 0] as const);
  if (points.length < 2) return null;
  const [t0, t1] = [points[0]![0], points[points.length - 1]![0]];
  const values = points.map((p) => p[1]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (t: number): number => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * 100);
  const y = (v: number): number => (hi === lo ? 20 : 38 - ((v - lo) / (hi - lo)) * 36);
  const d = points.map(([t, v], i) => `${i ? 'L' : 'M'}${x(t).toFixed(2)},${y(v).toFixed(2)}`).join(' ');
  return (
    <svg className="fund-spark" viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={`Insurance fund history, ${history.length} changes`}>
      <path d={d} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

function level(ratio: number): 'ok' | 'warn' | 'danger' {
  return ratio >= 0.8 ? 'danger' : ratio >= 0.5 ? 'warn' : 'ok';
}

/**
 * Wallet, margin balance, available, the margin-ratio gauge (liquidation at 100%), and the
 * market's insurance fund with its history. Every amount is the engine's decimal string.
 */
export function AccountPanel(props: {
  account: AccountSummary | null;
  market: MarketView | null;
  insurance: readonly InsuranceEntry[];
  onExplainMarginRatio: (() => void) | null;
  onShowInsurance: () => void;
}) {
  const { account: a, market: m, insurance, onExplainMarginRatio, onShowInsurance } = props;
  const fmt = useFmt();
  const ratio = chartNumber(a?.marginRatio) ?? 0;
  const lvl = level(ratio);
  return (
    <section className="account" aria-label="Account" data-testid="account-panel">
      <div className="gauge">
        <div className="gauge-head">
          <span className="faint">Cross margin ratio</span>
          {onExplainMarginRatio && a?.marginRatio != null ? (
            <ExplainButton label="Explain the margin ratio" onClick={onExplainMarginRatio} testId="account-ratio">
              <span className={lvl === 'ok' ? 'up' : lvl === 'warn' ? 'warn-text' : 'down'}>{fmt.pct(a.marginRatio)}</span>
            </ExplainButton>
          ) : (
            <span className="num faint" data-testid="account-ratio">
              {a?.marginRatio != null ? fmt.pct(a.marginRatio) : 'no cross positions'}
            </span>
          )}
        </div>
        <div className="gauge-bar" title="Liquidation at 100%: maintenance margin = margin balance" role="meter" aria-label="Cross margin ratio" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, Math.round(ratio * 100))}>
          <div className="gauge-fill" data-level={lvl} style={{ width: `${Math.min(100, ratio * 100)}%` }} />
        </div>
      </div>
      <dl className="facts-grid">
        <dt>Margin balance</dt>
        <dd data-testid="account-margin-balance">
          <strong>{fmt.money(a?.marginBalance)}</strong>
        </dd>
        <dt>Available</dt>
        <dd data-testid="account-available">
          <strong>{fmt.money(a?.availableBalance)}</strong>
        </dd>
        <dt>Wallet balance</dt>
        <dd data-testid="account-wallet">{fmt.money(a?.walletBalance)}</dd>
        <dt>Unrealized PnL</dt>
        <dd data-testid="account-upnl">{fmt.pnl(a?.unrealizedPnl)}</dd>
        <dt>Isolated margin</dt>
        <dd data-testid="account-isolated">{fmt.money(a?.isolatedMargin)}</dd>
        <dt>Cross position margin</dt>
        <dd>{fmt.money(a?.positionInitialMargin)}</dd>
        <dt>Order margin</dt>
        <dd>{fmt.money(a?.openOrderMargin)}</dd>
        <dt>Cross maintenance</dt>
        <dd>{fmt.money(a?.maintenanceMargin)}</dd>
      </dl>
      <div>
        <h3 className="panel-title" style={{ padding: '4px 0' }}>
          Insurance fund
        </h3>
        <dl className="facts-grid">
          <dt>Balance</dt>
          <dd data-testid="insurance-balance">
            <button type="button" className="linkish" onClick={onShowInsurance} aria-label="Show the insurance fund history">
              {fmt.money(m?.insuranceFund)}
            </button>
          </dd>
          <dt>Open interest</dt>
          <dd>{fmt.qty(m?.openInterest)}</dd>
        </dl>
        <FundSparkline history={insurance} />
      </div>
    </section>
  );
}

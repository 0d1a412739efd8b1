import type { ComingFunding } from '#shared/domain/market-replay';
import type { MarketView } from '#shared/domain/trading-account';
import { dec, toWire } from '#shared/money/decimal';
import { useFmt } from '../format';
import { ExplainButton } from '../tables/cells';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Time left to the next funding on the MARKET clock (a replay at 600x counts down 600x faster). */
export function countdown(next: number | null, now: number | null): string {
  if (next == null || now == null) return '—';
  const s = Math.max(0, Math.floor((next - now) / 1000));
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function depthText(scale: number): string {
  const pct = scale * 100;
  return pct >= 1 ? `${pct.toFixed(0)}%` : `${pct.toPrecision(1)}%`;
}

function Stat(props: { label: string; children: React.ReactNode; testId?: string; title?: string }) {
  return (
    <div className="mh-stat" title={props.title}>
      <span className="mh-label">{props.label}</span>
      <span className="mh-value num" data-testid={props.testId}>
        {props.children}
      </span>
    </div>
  );
}

/**
 * The strip above the chart: last (coloured by its last move), mark, index, basis, funding rate
 * and countdown, open interest. Mark and index are what liquidation and funding use; the basis
 * is shown so a trader sees when the perp's own book runs away from spot.
 */
export function MarketHeader(props: { market: MarketView | null; lastDirection: -1 | 0 | 1; onExplainFunding: () => void; coming?: ComingFunding | null }) {
  const { market: m, lastDirection, onExplainFunding, coming = null } = props;
  // The coming settlement's rate, as exchanges show it; the last paid one only when the replay knows no coming one.
  const rate = coming?.rate ?? m?.lastFundingRate ?? null;
  const rateNote = coming ? (coming.source === 'history' ? 'stored' : 'est.') : 'last';
  const rateTitle = coming
    ? coming.source === 'history'
      ? `The coming settlement's rate, from the stored funding history (settles at ${new Date(coming.t).toISOString().slice(11, 16)} UTC)`
      : `The premium model's running estimate of the coming settlement's rate (settles at ${new Date(coming.t).toISOString().slice(11, 16)} UTC)`
    : 'The last settled rate';
  const fmt = useFmt();
  const basisPct = m?.basis && m.index ? toWire(dec(m.basis).div(m.index)) : null;
  return (
    <section className="market-header" aria-label="Market" data-testid="market-header">
      <div className="mh-symbol">
        <strong>{m?.symbol ?? '—'}</strong>
        <small>Perpetual</small>
      </div>
      <div className={`mh-last num ${lastDirection > 0 ? 'up' : lastDirection < 0 ? 'down' : ''}`} data-testid="market-last" aria-label="Last price">
        {fmt.price(m?.last)}
      </div>
      <Stat label="Mark" testId="market-mark" title="Mark price: what PnL, margin ratio and liquidation use">
        {fmt.price(m?.mark)}
      </Stat>
      <Stat label="Index" testId="market-index" title="Index: median of the source venues">
        {fmt.price(m?.index)}
      </Stat>
      <Stat label="Basis" testId="market-basis" title="Mark − index">
        {fmt.price(m?.basis)} <small>({fmt.pct(basisPct, 3)})</small>
      </Stat>
      <Stat label="Funding / countdown" testId="market-funding" title={rateTitle}>
        <ExplainButton label="Explain the funding rate" onClick={onExplainFunding}>
          <span className={rate?.startsWith('-') ? 'down' : 'up'} data-testid="funding-rate" data-source={coming?.source ?? 'last'}>
            {fmt.pct(rate, 4)}
          </span>
        </ExplainButton>{' '}
        <small className="mh-note" data-testid="funding-rate-source">
          {rateNote}
        </small>{' '}
        <span data-testid="funding-countdown">{countdown(coming?.t ?? m?.nextFundingT ?? null, m?.t ?? null)}</span>
      </Stat>
      <Stat label="Open interest" testId="market-oi" title="Sum of open positions (one side)">
        {fmt.qty(m?.openInterest)} <small>{m?.openInterestNotional ? `≈ ${fmt.money(m.openInterestNotional)}` : ''}</small>
      </Stat>
      {m && Math.abs(m.impact) >= 0.001 && (
        <span className="mh-chip" title="How far liquidations and our own orders have pushed the paper market's book away from the replayed price" data-testid="market-impact">
          Impact {(m.impact * 100).toFixed(2)}%
        </span>
      )}
      {m?.liquidity && m.liquidity.depthScale < 0.5 && (
        <span className="mh-chip warn" role="status" title={`The modeled book holds ${depthText(m.liquidity.depthScale)} of its normal depth and quotes a ${m.liquidity.spreadBps.toFixed(0)} bps spread: market and stop orders will slip`}>
          Thin book {depthText(m.liquidity.depthScale)} · {m.liquidity.spreadBps.toFixed(0)} bps
        </span>
      )}
    </section>
  );
}

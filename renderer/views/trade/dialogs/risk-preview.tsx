import type { PositionView } from '#shared/domain/trading-account';
import { dec, toWire } from '#shared/money/decimal';
import { compareDecimal } from '../../../components/format/decimal-text';
import { useFmt } from '../format';

export interface ExitRisk {
  /** PnL of the whole position if it exits at the price, before fees and slippage. */
  readonly pnl: string;
  /** That PnL over the position's margin. */
  readonly ofMargin: string | null;
  /** The price lies at or beyond the liquidation price: the exit would never be reached. */
  readonly beyondLiquidation: boolean;
}

/**
 * What exiting the position at `price` means, exactly (decimal.js on the engine's strings):
 * s·q·(price − entry). Fees and the stop's slippage through the book are not in it, and the
 * preview says so.
 */
export function exitRisk(p: PositionView, price: string): ExitRisk {
  const s = p.side === 'long' ? 1 : -1;
  const pnl = dec(price).minus(p.entryPrice).mul(p.quantity).mul(s);
  const margin = dec(p.margin);
  const lp = p.liquidationPrice;
  const beyond = lp != null && (p.side === 'long' ? compareDecimal(price, lp) <= 0 : compareDecimal(price, lp) >= 0);
  return { pnl: toWire(pnl), ofMargin: margin.isZero() ? null : toWire(pnl.div(margin)), beyondLiquidation: beyond };
}

export function RiskPreview({ position, price, kind }: { position: PositionView; price: string; kind: 'stop' | 'takeProfit' }) {
  const fmt = useFmt();
  const r = exitRisk(position, price);
  return (
    <div className="risk-preview" data-testid="risk-preview">
      <p>
        <strong>{kind === 'stop' ? 'Stop' : 'Take-profit'}</strong> at <span className="num">{fmt.price(price)}</span>
      </p>
      <p>
        {kind === 'stop' ? 'Loss' : 'Gain'} if hit: <span className="num">{fmt.pnl(r.pnl)}</span> USDT ({fmt.signedPct(r.ofMargin, 1)} of margin)
      </p>
      <p className="faint">Before fees and slippage through the book.</p>
      {r.beyondLiquidation && (
        <p className="pv-alert" role="alert" data-testid="risk-beyond-liq">
          Beyond the liquidation price {fmt.price(position.liquidationPrice)}: the position is liquidated first.
        </p>
      )}
    </div>
  );
}

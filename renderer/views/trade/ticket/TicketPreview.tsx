import type { OrderPreview } from '#shared/domain/trading-queries';
import { dec, toWire } from '#shared/money/decimal';
import { formatDecimal } from '../../../components/format/decimal-text';
import { useFmt } from '../format';

/** Distance from the reference price to liquidation in ATRs, exact (decimal.js), null when unknown. */
export function distanceInAtr(preview: OrderPreview | null, atr: string | null): string | null {
  if (!preview?.liquidationPrice || !atr || dec(atr).isZero()) return null;
  return toWire(dec(preview.referencePrice).minus(preview.liquidationPrice).abs().div(atr));
}

function Row(props: { label: string; children: React.ReactNode; testId?: string; title?: string; tone?: 'warn' | 'down' }) {
  return (
    <div className={`pv-row${props.tone ? ` ${props.tone}` : ''}`} title={props.title}>
      <dt>{props.label}</dt>
      <dd className="num" data-testid={props.testId}>
        {props.children}
      </dd>
    </div>
  );
}

/**
 * The live preview: computed by the engine in main for exactly this order (cost, margin, fee,
 * liquidation price of the position it would leave, max open), never estimated here.
 */
/** The engine's own words for the stop-beyond-liquidation case: the ticket says it once, in its alert. */
const STOP_BEYOND_WARNING = /^the stop sits at or beyond the liquidation price/;

export function TicketPreview(props: {
  preview: OrderPreview | null;
  atr: string | null;
  stale: boolean;
  stopPrice: string | null;
  missing?: { field: string; message: string } | null;
  lossAtStop?: string | null;
  equity?: string | null;
}) {
  const { preview: p, atr, stale, stopPrice, missing = null, lossAtStop = null, equity = null } = props;
  const fmt = useFmt();
  const inAtr = distanceInAtr(p, atr);
  return (
    <section className="ticket-preview" aria-label="Order preview" aria-busy={stale && !missing} data-testid="ticket-preview" data-stale={stale}>
      {missing && (
        <p className="pv-missing" role="status" data-testid="preview-missing" data-field={missing.field}>
          No preview yet: {missing.message}
        </p>
      )}
      <dl>
        <Row label="Est. price" testId="preview-price" title="Expected average fill from the modeled book, or the limit/trigger">
          {fmt.price(p?.referencePrice)}
          {p?.expectedSlippage && p.expectedSlippage !== '0' ? <small> (slip {fmt.price(p.expectedSlippage)})</small> : null}
        </Row>
        <Row label="Notional" testId="preview-notional">
          {fmt.money(p?.notional)}
        </Row>
        <Row label="Initial margin" testId="preview-margin">
          {fmt.money(p?.initialMargin)}
        </Row>
        <Row label="Fee" testId="preview-fee">
          {fmt.money(p?.fee)} <small>({fmt.pct(p?.feeRate, 3)})</small>
        </Row>
        <Row label="Cost" testId="preview-cost" title="Initial margin of the opening part + fee">
          <strong>{fmt.money(p?.cost)}</strong>
        </Row>
        <Row label="Liq. price" testId="preview-liq" tone="warn" title="Liquidation price of the position after this order fills">
          {fmt.price(p?.liquidationPrice)}
        </Row>
        <Row label="To liquidation" testId="preview-distance">
          {fmt.pct(p?.distanceToLiquidation)} <small>· {inAtr ? `${formatDecimal(inAtr, 1)} ATR` : '— ATR'}</small>
        </Row>
        {stopPrice !== null && (
          <Row label="Loss at stop" testId="preview-loss-at-stop" tone="down" title="If the attached stop fills: quantity x distance to the stop, plus the entry fee and the stop's taker fee">
            <span data-value={lossAtStop ?? ''}>{lossAtStop ? fmt.money(lossAtStop) : '—'}</span>
            {lossAtStop && equity && dec(equity).gt(0) ? <small> ({fmt.pct(toWire(dec(lossAtStop).div(equity)), 2)} of equity)</small> : null}
          </Row>
        )}
        <Row label="Max open" testId="preview-max" title={p ? `Limited by ${p.maxOpenLimitedBy === 'bracket' ? 'the leverage bracket' : 'the available balance'}` : undefined}>
          {fmt.qty(p?.maxOpenQuantity)}
          {p && <small> ({p.maxOpenLimitedBy})</small>}
        </Row>
      </dl>
      {p?.stopBeyondLiquidation && (
        <p className="pv-alert" role="alert" data-testid="preview-stop-warning">
          The stop{stopPrice ? ` at ${fmt.price(stopPrice)}` : ''} sits beyond the liquidation price {fmt.price(p.liquidationPrice)}: the position would be
          liquidated before the stop could fire. Lower the leverage or move the stop.
        </p>
      )}
      {p?.rejection && (
        <p className="pv-reject" data-testid="preview-rejection">
          The engine would refuse this order: {p.rejection.message}
        </p>
      )}
      {p?.warnings
        .filter((w) => !(p.stopBeyondLiquidation && STOP_BEYOND_WARNING.test(w)))
        .map((w) => (
          <p key={w} className="pv-warn">
            {w}
          </p>
        ))}
    </section>
  );
}

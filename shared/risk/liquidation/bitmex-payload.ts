import type { Side } from '../../domain/exchange';
import { Dec } from '../../money/decimal';
import { RiskInputError } from '../errors';

const SATS_PER_XBT = new Dec(100_000_000);

/** The XBT amounts of a BitMEX position payload, in satoshi (its own fields). */
export interface BitmexPositionPayload {
  readonly side: Side;
  readonly contracts: Dec;
  readonly posCost: Dec;
  readonly posInit: Dec;
  readonly posMargin: Dec;
  readonly posMaint: Dec;
  /** XBTUSD: 0.5. */
  readonly tickSize: Dec;
}

/**
 * BitMEX's displayed liquidation and bankruptcy prices, reconstructed from a position payload
 * (exchange-mechanics.md 4.2, [C], two data points): value in sat = |posCost| + s x (posMargin
 * - posMaint) (liquidation) or |posCost| + s x posInit (bankruptcy); per-contract value rounded
 * conservatively (down for longs, up for shorts); price = 1e8 / that, rounded to the tick
 * conservatively (longs up, shorts down). Null where the value is not positive (a 1x short:
 * BitMEX shows its 100000000 sentinel).
 */
export function bitmexPayloadPrices(p: BitmexPositionPayload): { liquidationPrice: Dec | null; bankruptcyPrice: Dec | null } {
  if (!p.contracts.gt(0)) throw new RiskInputError('contracts', 'must be greater than zero');
  const s = p.side === 'long' ? 1 : -1;
  const price = (valueSat: Dec): Dec | null => {
    const perContract = valueSat.div(p.contracts);
    const rounded = s === 1 ? perContract.floor() : perContract.ceil();
    if (!rounded.gt(0)) return null;
    const raw = SATS_PER_XBT.div(rounded);
    const ticks = raw.div(p.tickSize);
    return (s === 1 ? ticks.ceil() : ticks.floor()).mul(p.tickSize);
  };
  const cost = p.posCost.abs();
  return {
    liquidationPrice: price(cost.plus(p.posMargin.minus(p.posMaint).mul(s))),
    bankruptcyPrice: price(cost.plus(p.posInit.mul(s))),
  };
}

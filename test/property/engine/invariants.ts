import { expect } from 'vitest';
import { ZERO } from '#shared/money/decimal';
import type { Engine } from '#main/engine/engine';
import { isFinal } from '#main/engine/model/order';
import { isLiquidatable } from '#main/engine/risk/position-risk';
import { conservationResidual, netPositionBySymbol } from '#main/engine/state/ledger-check';

/** Every invariant of issue 5 §8 that can be read off one state. */
export function checkInvariants(engine: Engine): void {
  const st = engine.readState;
  const idx = engine.indexes;
  // Conservation, exactly.
  expect(conservationResidual(st).toFixed(), 'conservation residual').toBe('0');
  expect(st.insurance.gte(0), `insurance ${st.insurance.toFixed()}`).toBe(true);
  const markets = (s: string) => st.markets.get(s)!;
  for (const [symbol, net] of netPositionBySymbol(st)) {
    expect(net.isZero(), `net position on ${symbol}`).toBe(true);
    let longs = ZERO;
    for (const a of st.accounts.values()) {
      const p = a.positions.get(symbol);
      if (p?.side === 'long') longs = longs.plus(p.qty);
    }
    expect(markets(symbol).openInterest.eq(longs), 'open interest').toBe(true);
  }
  let liveOrders = 0;
  for (const a of st.accounts.values()) {
    if (a.kind !== 'liquidity') {
      // Non-recourse: no trader wallet, no isolated margin below zero.
      expect(a.wallet.gte(0), `wallet of ${a.id} = ${a.wallet.toFixed()}`).toBe(true);
    }
    for (const p of a.positions.values()) {
      expect(p.qty.gt(0), 'qty').toBe(true);
      expect(p.entryValue.gt(0), 'entryValue').toBe(true);
      expect(p.margin.gte(0), `margin of ${a.id}`).toBe(true);
      expect(idx.positionsIn(p.symbol).get(a.id)).toBe(p);
      if (a.kind !== 'liquidity' && st.markets.get(p.symbol)!.hasPrices()) {
        // The trigger run leaves nothing liquidatable behind.
        expect(isLiquidatable(markets, a, p), `${a.id} left liquidatable`).toBe(false);
      }
    }
    for (const o of a.orders.values()) {
      liveOrders += 1;
      expect(isFinal(o.status), `final order ${o.id} still live`).toBe(false);
      expect(idx.orders.byId.get(o.id)).toBe(o);
      expect(o.filled.lte(o.qty) || o.closePosition, `order ${o.id} overfilled`).toBe(true);
      if (o.reduceOnly && !o.closePosition && o.status !== 'pending') {
        const p = a.positions.get(o.symbol);
        expect(p, `reduce-only order ${o.id} without a position`).toBeDefined();
        expect(o.qty.minus(o.filled).lte(p!.qty), `resting reduce-only ${o.id} larger than the position`).toBe(true);
      }
      if (o.reduceOnly && !o.closePosition && o.status === 'pending') {
        const p = a.positions.get(o.symbol);
        expect(p, `pending reduce-only order ${o.id} without a position`).toBeDefined();
        expect(o.qty.minus(o.filled).lte(p!.qty), `pending reduce-only ${o.id} ${o.qty.toFixed()} > position ${p!.qty.toFixed()}`).toBe(true);
      }
    }
  }
  expect(idx.orders.byId.size).toBe(liveOrders);
  for (const [symbol, positions] of idx.positions) {
    for (const [id, p] of positions) expect(st.accounts.get(id)!.positions.get(symbol)).toBe(p);
  }
}

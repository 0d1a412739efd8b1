import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { solvePrices } from '#main/engine/risk/position-risk';
import { conservationResidual } from '#main/engine/state/ledger-check';
import { effectsOf, mustApply, order, startedEngine, tick, T0 } from './engine/helpers';

const q = (s: string) => s as never;

/**
 * A partial close of an isolated position releases the closed part's share of the margin
 * (pro rata to the quantity) and settles that part's realised PnL against that share: the
 * remaining position keeps its own share of the margin, untouched by the closed part's loss.
 * Before the fix the realised loss was first taken out of the whole margin and only then split,
 * so the remaining position carried part of a loss that was already realised: its margin was too
 * small, its liquidation price too close, and the wallet got back more than the closed part had.
 */
describe('isolated partial close', () => {
  it('releases margin pro rata to the closed quantity and settles the realised loss against that share', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 10 });
    expect(order(e, { side: 'buy', type: 'market', quantity: q('1') }).ok).toBe(true);
    const me = e.readState.accounts.get('me')!;
    const pos = me.positions.get('BTCUSDT')!;
    const marginBefore = pos.margin;
    const entryValueBefore = pos.entryValue;
    const walletBefore = me.wallet;
    mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '97000') });
    const r = order(e, { side: 'sell', type: 'market', quantity: q('0.4'), reduceOnly: true });
    expect(r.ok).toBe(true);
    const fills = effectsOf(r.ok ? r.effects : [], 'fill');
    const realized = fills.reduce((s, f) => s.plus(f.fill.realizedPnl), new Dec(0));
    const fee = fills.reduce((s, f) => s.plus(f.fill.fee), new Dec(0));
    expect(realized.lt(0)).toBe(true);
    const after = me.positions.get('BTCUSDT')!;
    expect(after.qty.toFixed()).toBe('0.6');
    // The remaining 0.6 keeps 60% of the margin, exactly as it had before the close.
    const share = marginBefore.mul('0.4').toDecimalPlaces(8);
    expect(after.margin.toFixed()).toBe(marginBefore.minus(share).toFixed());
    // The wallet receives the closed share less its loss and fee.
    expect(me.wallet.toFixed()).toBe(walletBefore.plus(share).plus(realized).minus(fee).toFixed());
    // The remaining cost basis is 60% of the original, so the liquidation price did not move.
    expect(after.entryValue.toFixed()).toBe(entryValueBefore.minus(entryValueBefore.mul('0.4').toDecimalPlaces(8)).toFixed());
    expect(conservationResidual(e.readState).toFixed()).toBe('0');
  });

  it('keeps the bankruptcy price of the remaining short where it was', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 20 });
    expect(order(e, { side: 'sell', type: 'market', quantity: q('2') }).ok).toBe(true);
    mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '102000') });
    const me = e.readState.accounts.get('me')!;
    const markets = (s: string) => e.readState.markets.get(s)!;
    const before = solvePrices(markets, me, me.positions.get('BTCUSDT')!).bankruptcy!;
    expect(order(e, { side: 'buy', type: 'market', quantity: q('1'), reduceOnly: true }).ok).toBe(true);
    const after = solvePrices(markets, me, me.positions.get('BTCUSDT')!).bankruptcy!;
    // Same entry and margin per unit: the same price, up to the 1e-8 rounding of the shares.
    expect(after.minus(before).abs().lt('0.001')).toBe(true);
  });

  it('a close in profit credits the profit and the share, the rest keeps its margin', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 10 });
    expect(order(e, { side: 'buy', type: 'market', quantity: q('1') }).ok).toBe(true);
    const me = e.readState.accounts.get('me')!;
    const marginBefore = me.positions.get('BTCUSDT')!.margin;
    mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '104000') });
    expect(order(e, { side: 'sell', type: 'market', quantity: q('0.5'), reduceOnly: true }).ok).toBe(true);
    const after = me.positions.get('BTCUSDT')!;
    expect(after.margin.toFixed()).toBe(marginBefore.minus(marginBefore.mul('0.5').toDecimalPlaces(8)).toFixed());
    expect(conservationResidual(e.readState).toFixed()).toBe('0');
  });
});

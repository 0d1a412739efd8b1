import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { Engine } from '#main/engine/engine';
import { conservationResidual } from '#main/engine/state/ledger-check';
import { fundingPayment } from '#shared/risk/index';
import { command, effectsOf, mustApply, order, startedEngine, tick, T0 } from './helpers';

const q = (s: string) => s as never;
const funding = (t: number, rate: string): EngineEvent => ({ kind: 'funding', funding: { t, symbol: 'BTCUSDT', rate: rate as never, intervalHours: 8, source: 'history' } });

describe('funding', () => {
  it('moves notional at mark x rate from longs to shorts, records it per position, and keeps the ledger closed', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 5, accounts: ['me', 'b'] });
    order(e, { side: 'buy', type: 'market', quantity: q('1') });
    order(e, { side: 'sell', type: 'market', quantity: q('0.4') }, 'b');
    mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '100000', { mark: '100010' }) });
    const fx = mustApply(e, funding(T0 + 60_000, '0.0001'));
    const pays = effectsOf(fx, 'funding').map((x) => [x.payment.account, x.payment.amount, x.payment.notional]);
    expect(pays).toEqual([
      ['b', '4.0004', '40004'],
      ['me', '-10.001', '100010'],
    ]);
    expect(e.readState.accounts.get('me')!.positions.get('BTCUSDT')!.fundingPaid.toFixed()).toBe('10.001');
    expect(conservationResidual(e.readState).isZero()).toBe(true);
  });

  it('settles three intervals with the real October 2025 rates, negative ones paying the long', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 5 });
    order(e, { side: 'buy', type: 'market', quantity: q('0.5') });
    const rates = ['0.00001013', '0.00010000', '-0.00003055'];
    const paid: string[] = [];
    rates.forEach((r, i) => {
      const t = T0 + (i + 1) * 8 * 3_600_000;
      mustApply(e, { kind: 'tick', tick: tick(t, '100000') });
      paid.push(effectsOf(mustApply(e, funding(t, r)), 'funding')[0]!.payment.amount);
    });
    expect(paid).toEqual(['-0.5065', '-5', '1.5275']);
    expect(e.readState.accounts.get('me')!.positions.get('BTCUSDT')!.fundingPaid.toFixed()).toBe('3.979');
  });

  it('liquidates an isolated position whose margin funding has eaten', () => {
    const e = startedEngine('100000', { deposit: '10000', leverage: 100 });
    order(e, { side: 'buy', type: 'market', quantity: q('0.1') });
    const fx = mustApply(e, funding(T0 + 1, '0.02'));
    expect(effectsOf(fx, 'liquidation')).toHaveLength(1);
    expect(e.readState.accounts.get('me')!.wallet.gte(0)).toBe(true);
    expect(conservationResidual(e.readState).isZero()).toBe(true);
  });
});

describe('account rules', () => {
  it('withdraws only what positions and orders do not need', () => {
    const e = startedEngine('100000', { deposit: '10000', leverage: 10, mode: 'cross' });
    order(e, { side: 'buy', type: 'market', quantity: q('0.5') });
    const r = command(e, { type: 'withdraw', amount: q('6000') });
    expect(r.ok ? '' : r.rejection.code).toBe('insufficientBalance');
    expect(command(e, { type: 'withdraw', amount: q('4000') }).ok).toBe(true);
    expect(e.readState.netDeposits.toFixed()).toBe('1006000'); // 1,000,000 fund seed + 10,000 - 4,000
  });

  it('refuses a leverage the position bracket does not allow, and a margin-mode switch with a position', () => {
    const e = startedEngine('100000', { deposit: '1000000', leverage: 20 });
    order(e, { side: 'buy', type: 'market', quantity: q('7') }); // ~700,000: tier 3 (max 75x)
    const r = command(e, { type: 'setLeverage', symbol: 'BTCUSDT', leverage: 100 });
    expect(r.ok ? '' : r.rejection.code).toBe('leverageAboveBracket');
    expect(r.ok ? '' : r.rejection.message).toContain('75x');
    expect(command(e, { type: 'setLeverage', symbol: 'BTCUSDT', leverage: 75 }).ok).toBe(true);
    const lower = command(e, { type: 'setLeverage', symbol: 'BTCUSDT', leverage: 2 });
    expect(lower.ok ? '' : lower.rejection.code).toBe('insufficientMargin');
    const mode = command(e, { type: 'setMarginMode', symbol: 'BTCUSDT', mode: 'cross' });
    expect(mode.ok ? '' : mode.rejection.code).toBe('openPosition');
  });

  it('adds and removes isolated margin, moving the liquidation price', () => {
    const e = startedEngine('100000', { deposit: '10000', leverage: 20 });
    order(e, { side: 'buy', type: 'market', quantity: q('0.1') });
    const lp0 = e.indexes.liq.get('me', 'BTCUSDT')!.liquidation!;
    expect(command(e, { type: 'adjustMargin', symbol: 'BTCUSDT', amount: q('500') }).ok).toBe(true);
    const lp1 = e.indexes.liq.get('me', 'BTCUSDT')!.liquidation!;
    expect(lp1.lt(lp0)).toBe(true);
    const tooMuch = command(e, { type: 'adjustMargin', symbol: 'BTCUSDT', amount: q('-600') });
    expect(tooMuch.ok ? '' : tooMuch.rejection.code).toBe('marginLocked');
    expect(command(e, { type: 'adjustMargin', symbol: 'BTCUSDT', amount: q('-400') }).ok).toBe(true);
    expect(e.readState.accounts.get('me')!.positions.get('BTCUSDT')!.margin.toFixed()).toBe(new Dec('500.025').plus(100).toFixed());
  });

  it('refuses events older than the clock and commands before setup', () => {
    const e = startedEngine();
    const r = e.apply({ kind: 'tick', tick: tick(T0 - 1, '100000') });
    expect(r.ok ? '' : r.rejection.code).toBe('timeBackwards');
  });
});

describe('funding with a crowd: lazy re-solving is exact', () => {
  it('liquidates exactly the positions an eagerly re-solved engine liquidates, at the same ticks', () => {
    const run = (restoreAfterFunding: boolean) => {
      let e = startedEngine('100000', { deposit: '100000', leverage: 5 });
      mustApply(e, {
        kind: 'crowd',
        t: T0,
        symbol: 'BTCUSDT',
        params: { seed: 9, traders: 400, longShare: 0.5, leverage: [{ leverage: 25, weight: 1 }, { leverage: 50, weight: 1 }, { leverage: 100, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.4, stops: { share: 0, minDistance: 0.01, maxDistance: 0.02 }, entryWindowHours: 0 },
      });
      mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '100000') });
      // A steep funding rate eats a large part of the margins.
      mustApply(e, funding(T0 + 1000, '0.003'));
      if (restoreAfterFunding) e = Engine.restore(JSON.parse(JSON.stringify(e.snapshot())));
      const liquidated: string[] = [];
      for (let i = 1; i <= 40; i++) {
        const price = (100000 * (1 - i * 0.0005)).toFixed(1);
        for (const x of effectsOf(mustApply(e, { kind: 'tick', tick: tick(T0 + 1000 + i * 1000, price) }), 'liquidation')) liquidated.push(`${i}:${x.liquidation.account}`);
      }
      return { liquidated, hash: e.stateHash() };
    };
    const lazy = run(false);
    const eager = run(true);
    expect(lazy.liquidated.length).toBeGreaterThan(10);
    expect(lazy.liquidated).toEqual(eager.liquidated);
    expect(lazy.hash).toBe(eager.hash);
  });
});

describe('funding over a crowd', () => {
  it('pays every crowd position exactly what fundingPayment gives it, for either sign of the rate', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 5 });
    mustApply(e, {
      kind: 'crowd',
      t: T0,
      symbol: 'BTCUSDT',
      params: {
        seed: 3,
        traders: 300,
        longShare: 0.5,
        leverage: [
          { leverage: 3, weight: 1 },
          { leverage: 10, weight: 1 },
        ],
        notional: { median: 7_000, logSigma: 1.2 },
        crossShare: 0.4,
        stops: { share: 0, minDistance: 0.05, maxDistance: 0.2 },
        entryWindowHours: 0,
      },
    });
    mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '100000', { mark: '100013.7' }) });
    for (const [i, rate] of ['0.00012345', '-0.0000731'].entries()) {
      const t = T0 + (i + 1) * 8 * 3_600_000;
      const before = new Map<string, Dec>();
      for (const [id, a] of e.readState.accounts) {
        const p = a.positions.get('BTCUSDT');
        if (p && a.kind !== 'liquidity') before.set(id, p.fundingPaid);
      }
      mustApply(e, funding(t, rate));
      const mark = e.readState.markets.get('BTCUSDT')!.mark;
      let checked = 0;
      for (const [id, paidBefore] of before) {
        const p = e.readState.accounts.get(id)!.positions.get('BTCUSDT');
        if (!p) continue;
        const expected = fundingPayment(p.side, p.qty, mark, new Dec(rate)).amount.toDecimalPlaces(8, Dec.ROUND_HALF_EVEN);
        expect(paidBefore.minus(p.fundingPaid).toFixed(), id).toBe(expected.toFixed());
        checked += 1;
      }
      expect(checked).toBeGreaterThan(250);
      expect(conservationResidual(e.readState).isZero()).toBe(true);
    }
  });
});

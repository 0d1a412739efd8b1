import type { FundingTick } from '#shared/domain/market-tick';
import type { FundingPaymentView } from '#shared/domain/trading-history';
import { Dec, ZERO, isAtMostZero, isBelowZero, toWire } from '#shared/money/decimal';
import { fundingPayment } from '#shared/risk/index';
import { market, type EngineContext } from '../context';
import { money } from '../ledger/money';
import { nextId } from '../state/engine-state';
import { NEVER, drain } from '../steps';
import { SharedPayments } from './shared-payments';
import { toFloat } from '#shared/money/to-float';

/**
 * A funding settlement: every open position on the market pays or receives notional at the mark
 * × rate (the risk core's fundingPayment: longs pay shorts when the rate is positive). The
 * liquidity account holds the other side of the book's fills, so the market's positions net to
 * zero and the payments cancel exactly before rounding; each payment is rounded to the
 * settlement precision and the few 1e-8 of rounding dust go to the fee account, so the ledger
 * stays closed. Isolated positions pay from their margin, cross ones from the wallet; a margin
 * that funding empties is liquidated by the trigger run that follows.
 */
export function settleFunding(ctx: EngineContext, f: FundingTick): void {
  drain(settleFundingSteps(ctx, f, NEVER));
}

/** settleFunding pausing after every `every` positions (100,000 of them take a few hundred ms: Engine.applySteps). */
export function* settleFundingSteps(ctx: EngineContext, f: FundingTick, every: number): Generator<void, void> {
  const m = market(ctx, f.symbol);
  const rate = new Dec(f.rate);
  m.lastFundingRate = rate;
  m.lastFundingT = f.t;
  m.fundingIntervalHours = f.intervalHours;
  if (!m.hasPrices()) return;
  const mark = m.mark;
  let net = ZERO;
  let paid = ZERO;
  let count = 0;
  const reported: Array<{ account: string; payment: Omit<FundingPaymentView, 'id'> }> = [];
  // A linear contract pays quantity × contract size × mark × rate: the product of the last three
  // is the same for every position, so it is taken once (decimal products are exact at 40
  // digits, so the amounts are the very ones fundingPayment gives; an inverse contract divides by
  // the mark and keeps the general formula). Positions of equal quantity pay the same amount,
  // so it is computed once per quantity too (SharedPayments).
  const shared = m.spec.settlement === 'linear' ? new SharedPayments(m.spec.contractSize.mul(mark).mul(rate).neg()) : null;
  let n = 0;
  const entries = ctx.idx.liq.symbolEntries(m.symbol);
  for (const [id, p] of ctx.idx.positionsIn(m.symbol)) {
    if (++n % every === 0) yield;
    const account = ctx.state.accounts.get(id)!;
    const pay = shared && !account.history ? null : fundingPayment(p.side, p.qty, mark, rate, m.spec.settlement, m.spec.contractSize);
    const amount = pay ? money(pay.amount) : shared!.take(p.side, p.qty);
    if (pay) {
      net = net.plus(amount);
      if (isBelowZero(amount)) paid = paid.minus(amount);
    }
    if (amount.isZero()) continue;
    if (p.mode === 'isolated' && account.kind !== 'liquidity') p.margin = p.margin.plus(amount);
    else account.wallet = account.wallet.plus(amount);
    p.fundingPaid = p.fundingPaid.minus(amount);
    p.updatedAt = f.t;
    count += 1;
    if (account.kind !== 'liquidity') {
      // History accounts (the trader), emptied margins and positions without a liquidation price
      // are re-solved now; the crowd's entries go stale and are re-solved when the mark comes
      // near (liquidation-index.ts, fundingSettled).
      const emptied = p.mode === 'isolated' ? isAtMostZero(p.margin) : isBelowZero(account.wallet);
      // liquidationF is null exactly when the decimal is: an entry restored from a snapshot keeps
      // its decimals as text until read, and 100,000 of them need not be parsed here.
      if (account.history || emptied || (entries.get(id)?.liquidationF ?? null) === null) ctx.dirty.add(id);
    }
    if (account.history) {
      reported.push({
        account: id,
        payment: {
          t: f.t,
          account: id,
          symbol: m.symbol,
          side: p.side,
          quantity: toWire(p.qty),
          markPrice: toWire(mark),
          rate: toWire(rate),
          notional: toWire(pay!.notional),
          amount: toWire(amount),
          source: f.source,
        },
      });
    }
  }
  if (shared) {
    net = net.plus(shared.net());
    paid = paid.plus(shared.paid());
  }
  ctx.idx.liq.fundingSettled(m.symbol, rate.gt(0) ? 'long' : rate.lt(0) ? 'short' : 'none', m.markF, Math.abs(toFloat(rate)));
  // Positions net to zero, so Σ amounts is only rounding dust: the fee account takes its opposite.
  ctx.state.fees = ctx.state.fees.minus(net);
  ctx.effects.push({ kind: 'fundingSettled', t: f.t, symbol: m.symbol, rate: toWire(rate), markPrice: toWire(mark), positions: count, paid: toWire(paid) });
  reported.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  for (const r of reported) {
    ctx.effects.push({ kind: 'funding', payment: { id: nextId(ctx.state, 'funding'), ...r.payment } });
    ctx.effects.push({ kind: 'position', account: r.account, symbol: m.symbol });
  }
}


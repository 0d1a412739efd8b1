import type { Side } from '#shared/domain/exchange';
import type { FillLiquidity } from '#shared/domain/trading-history';
import type { OrderSide } from '#shared/domain/trading-orders';
import { Dec, ZERO, compactDigits, isAboveZero, isBelowZero, toWire } from '#shared/money/decimal';
import { initialMargin, timesContractSize, tradingFee } from '#shared/risk/index';
import type { EngineContext } from '../context';
import type { Account, Position } from '../model/account';
import { leverageDecimal, sideOfOrder } from '../model/account';
import type { MarketState } from '../model/market';
import { nextId } from '../state/engine-state';
import { money, moneyUp } from './money';

export interface FillRequest {
  readonly account: Account;
  readonly market: MarketState;
  readonly side: OrderSide;
  readonly qty: Dec;
  readonly price: Dec;
  /** The fee rate (maker/taker); null for fills that carry no trading fee (liquidation, ADL, liquidity account). */
  readonly feeRate: Dec | null;
  readonly liquidity: FillLiquidity;
  readonly orderId: number | null;
  readonly liquidationId: number | null;
  /**
   * Liquidation: the realised PnL of the closing part is credited nowhere (the caller holds the
   * position's margin in escrow and settles escrow + PnL with the insurance fund), and no margin
   * is released.
   */
  readonly escrow?: boolean;
  /** qty × price × contract size, when the caller has it (computed so): reused for a whole close or a whole open. */
  readonly value?: Dec;
  /**
   * The fee and initial margin of a new position's opening, when the caller computed them as this
   * function does (a crowd trader's entry: openArrival). Used only when the fill opens a position
   * whole; 100,000 traders arrive when a big crowd opens.
   */
  readonly opening?: { readonly fee: Dec; readonly im: Dec };
}

export interface FillOutcome {
  readonly closed: Dec;
  readonly opened: Dec;
  readonly realized: Dec;
  readonly fee: Dec;
  /**
   * Isolated position closed below zero margin (a fill worse than its bankruptcy price): the
   * negative amount the position could not cover. The caller settles it (insurance fund).
   */
  readonly shortfall: Dec;
  readonly positionAfter: Position | null;
}

/** No fee to move: a fill without a fee rate (ZERO itself) or one whose fee rounded to nothing. */
const isZeroFee = (fee: Dec): boolean => fee === ZERO || fee.isZero();

/**
 * Books one side of a fill into an account: closes against an opposite position first (one-way
 * mode), opens or adds with the rest.
 *
 * Cost basis is exact: closing x of q removes money(entryValue × x / q) (all of it when x = q),
 * realised PnL = proceeds − removed cost. Every amount moves whole between buckets (wallet,
 * isolated margin, fee account), so the conservation identity holds to the last digit:
 * Σ(wallet + isolated margin − s × entryValue) + fund + fees = net deposits.
 *
 * Fees: opening fees come from the cross wallet (the order check reserved them); closing fees from
 * the isolated margin or the cross wallet, never beyond what is there (non-recourse).
 */
export function applyFill(ctx: EngineContext, req: FillRequest): FillOutcome {
  const { account, market } = req;
  const symbol = market.symbol;
  const openSide: Side = sideOfOrder(req.side);
  let pos = account.positions.get(symbol) ?? null;
  const t = ctx.state.t;
  let closed = ZERO;
  let realized = ZERO;
  let feePaid = ZERO;
  let shortfall = ZERO;
  // On the fill's value: the same qty × price × contract size the caller computed for it.
  const feeOn = (value: Dec): Dec => (req.feeRate ? money(tradingFee(value, req.feeRate)) : ZERO);

  if (pos && pos.side !== openSide) {
    closed = req.qty.lte(pos.qty) ? req.qty : pos.qty;
    const before = pos.qty;
    const removed = closed.eq(before) ? pos.entryValue : money(pos.entryValue.mul(closed).div(before));
    const proceeds = req.value && closed.eq(req.qty) ? req.value : timesContractSize(closed.mul(req.price), market.spec.contractSize);
    realized = pos.side === 'long' ? proceeds.minus(removed) : removed.minus(proceeds);
    pos.entryValue = pos.entryValue.minus(removed);
    pos.qty = before.minus(closed);
    pos.realizedPnl = pos.realizedPnl.plus(realized);
    if (pos.side === 'long') market.openInterest = market.openInterest.minus(closed);
    const fee = feeOn(proceeds);
    if (req.escrow) {
      // Settled by the liquidation engine with the insurance fund.
    } else if (pos.mode === 'isolated' && account.kind !== 'liquidity') {
      // The closed part takes its own share of the margin (pro rata to quantity, like its cost
      // basis) and settles its PnL and fee against that share alone. Settling the PnL against the
      // whole margin first would leave the remaining position carrying part of a loss already
      // realised: a thinner margin than its size and entry call for, and a wallet credited with
      // margin the closed part never had.
      const share = pos.qty.isZero() ? pos.margin : money(pos.margin.mul(closed).div(before));
      pos.margin = pos.margin.minus(share);
      let back = share.plus(realized);
      const charged = isAboveZero(fee) ? Dec.min(fee, Dec.max(ZERO, back)) : fee;
      back = back.minus(charged);
      ctx.state.fees = ctx.state.fees.plus(charged);
      feePaid = feePaid.plus(charged);
      if (isBelowZero(back)) {
        // Closed beyond its bankruptcy price (or funding had emptied the margin): the rest of the
        // same position's margin is its collateral too and pays first; only what that cannot
        // cover is the gap reported to the caller (the fund). The wallet is never touched.
        const cover = Dec.min(back.neg(), Dec.max(ZERO, pos.margin));
        pos.margin = pos.margin.minus(cover);
        shortfall = back.plus(cover);
      } else {
        account.wallet = account.wallet.plus(back);
      }
    } else {
      account.wallet = account.wallet.plus(realized);
      // A fill without a fee rate (the liquidity account's side of every book fill) moves no fee:
      // skipping its zero fee spares four decimals per fill, 100,000 of them when a crowd opens.
      if (req.feeRate) {
        const charged = isAboveZero(fee) ? Dec.min(fee, Dec.max(ZERO, account.wallet)) : fee;
        account.wallet = account.wallet.minus(charged);
        ctx.state.fees = ctx.state.fees.plus(charged);
        feePaid = feePaid.plus(charged);
      }
    }
    if (!feePaid.isZero()) pos.feesPaid = pos.feesPaid.plus(feePaid);
    pos.updatedAt = t;
    if (pos.qty.isZero()) {
      account.positions.delete(symbol);
      ctx.idx.positionsIn(symbol).delete(account.id);
      pos = null;
    }
  }

  const opened = closed === ZERO ? req.qty : req.qty.minus(closed);
  if (isAboveZero(opened)) {
    const whole = opened === req.qty;
    const known = whole && !pos ? req.opening : undefined;
    const value = whole && req.value ? req.value : timesContractSize(opened.mul(req.price), market.spec.contractSize);
    const fee = known ? known.fee : feeOn(value);
    const imOf = (p: Position): Dec => moneyUp(initialMargin(value, leverageDecimal(p.leverage)));
    if (openSide === 'long') market.openInterest = market.openInterest.plus(opened);
    if (!isZeroFee(fee)) {
      account.wallet = account.wallet.minus(fee);
      ctx.state.fees = ctx.state.fees.plus(fee);
      // Nothing paid on a close before it (every opening fill): 0 + fee is the fee itself.
      feePaid = feePaid === ZERO ? fee : feePaid.plus(fee);
    }
    if (!pos) {
      // A new position takes its amounts as they are: 0 + x is x, without a decimal each.
      const settings = account.settings.get(symbol) ?? ctx.state.defaults;
      const mode = account.kind === 'liquidity' ? 'cross' : settings.mode;
      pos = {
        account: account.id,
        symbol,
        side: openSide,
        qty: compactDigits(opened),
        entryValue: compactDigits(value),
        mode,
        leverage: settings.leverage,
        margin: ZERO,
        fundingPaid: ZERO,
        realizedPnl: ZERO,
        feesPaid: fee,
        openedAt: t,
        updatedAt: t,
      };
      account.positions.set(symbol, pos);
      ctx.idx.positionsIn(symbol).set(account.id, pos);
      if (mode === 'isolated') {
        const im = known ? known.im : imOf(pos);
        account.wallet = account.wallet.minus(im);
        pos.margin = im;
      }
    } else {
      pos.qty = pos.qty.plus(opened);
      pos.entryValue = pos.entryValue.plus(value);
      pos.updatedAt = t;
      if (!isZeroFee(fee)) pos.feesPaid = pos.feesPaid.plus(fee);
      if (pos.mode === 'isolated' && account.kind !== 'liquidity') {
        const im = imOf(pos);
        account.wallet = account.wallet.minus(im);
        pos.margin = pos.margin.plus(im);
      }
    }
  }

  if (account.history) {
    ctx.effects.push({
      kind: 'fill',
      fill: {
        id: nextId(ctx.state, 'fill'),
        t,
        account: account.id,
        symbol,
        orderId: req.orderId,
        side: req.side,
        quantity: toWire(req.qty),
        price: toWire(req.price),
        fee: toWire(feePaid),
        realizedPnl: toWire(realized),
        liquidity: req.liquidity,
        liquidationId: req.liquidationId,
      },
    });
  }
  if (account.kind !== 'liquidity') ctx.dirty.add(account.id);
  return { closed, opened, realized, fee: feePaid, shortfall, positionAfter: pos };
}

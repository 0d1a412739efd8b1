import type { MarginMode } from '#shared/domain/exchange';
import { Dec, ZERO, toWire } from '#shared/money/decimal';
import { initialMargin, maxLeverageForNotional } from '#shared/risk/index';
import { market, reject, type EngineContext } from '../context';
import { leverageDecimal, type Account, type Position } from '../model/account';
import { accountMargin } from '../risk/account-margin';
import { positionUpnl } from '../risk/position-risk';
import { marketLookup } from '../risk/refresh';

function balanceEffect(ctx: EngineContext, account: Account, amount: Dec, reason: 'deposit' | 'withdrawal' | 'marginAdded' | 'marginRemoved', symbol: string | null): void {
  if (!account.history) return;
  ctx.effects.push({ kind: 'balance', entry: { t: ctx.state.t, account: account.id, symbol, amount: toWire(amount), reason } });
}

export function deposit(ctx: EngineContext, account: Account, amount: Dec): void {
  account.wallet = account.wallet.plus(amount);
  account.deposited = account.deposited.plus(amount);
  ctx.state.netDeposits = ctx.state.netDeposits.plus(amount);
  ctx.dirty.add(account.id);
  balanceEffect(ctx, account, amount, 'deposit', null);
}

/** Only what no position or order needs, and never unrealised profit (Binance's max withdraw). */
export function withdraw(ctx: EngineContext, account: Account, amount: Dec): void {
  const max = accountMargin(marketLookup(ctx), account).maxWithdrawable;
  if (amount.gt(max)) reject('insufficientBalance', `at most ${max.toFixed(2)} can be withdrawn now (wallet less the margin positions and orders hold, and less any open loss)`, 'amount');
  account.wallet = account.wallet.minus(amount);
  account.withdrawn = account.withdrawn.plus(amount);
  ctx.state.netDeposits = ctx.state.netDeposits.minus(amount);
  ctx.dirty.add(account.id);
  balanceEffect(ctx, account, amount.neg(), 'withdrawal', null);
}

/**
 * Changes the leverage of a symbol. Refused, with the reason, when the bracket of the current
 * position (or tier 1 without one) does not allow it, when a lower leverage needs more isolated
 * margin than the position has, or when the cross account cannot fund the larger initial margin.
 */
export function setLeverage(ctx: EngineContext, account: Account, symbol: string, leverage: number): void {
  const m = market(ctx, symbol);
  const pos = account.positions.get(symbol);
  const lev = new Dec(leverage);
  const notional = pos ? pos.qty.mul(m.spec.contractSize).mul(m.hasPrices() ? m.mark : pos.entryValue.div(pos.qty)) : ZERO;
  const allowed = maxLeverageForNotional(m.spec.brackets, notional);
  if (lev.gt(allowed)) {
    reject(
      'leverageAboveBracket',
      pos
        ? `a ${symbol} position of ${notional.toFixed(2)} notional sits in a bracket that allows at most ${allowed.toFixed()}x`
        : `${symbol} allows at most ${allowed.toFixed()}x (tier 1)`,
      'leverage',
    );
  }
  const settings = account.settings.get(symbol) ?? { ...ctx.state.defaults };
  if (pos && pos.mode === 'isolated') {
    const needed = initialMargin(pos.entryValue.mul(m.spec.contractSize), lev);
    if (needed.gt(pos.margin)) {
      reject('insufficientMargin', `at ${leverage}x the position needs ${needed.toFixed(2)} isolated margin and has ${pos.margin.toFixed(2)}: add margin first`, 'leverage');
    }
  }
  if (pos && pos.mode === 'cross' && m.hasPrices()) {
    // What-if: the same account with the new leverage, nothing mutated.
    const moved: Position = { ...pos, leverage };
    const whatIf: Account = { ...account, positions: new Map(account.positions).set(symbol, moved), settings: new Map(account.settings).set(symbol, { ...settings, leverage }) };
    const after = accountMargin(marketLookup(ctx), whatIf);
    if (after.available.lt(0) && lev.lt(pos.leverage)) {
      reject('insufficientMargin', `at ${leverage}x the cross initial margin would exceed the available balance by ${after.available.neg().toFixed(2)}`, 'leverage');
    }
  }
  account.settings.set(symbol, { ...settings, leverage });
  if (pos) {
    pos.leverage = leverage;
    ctx.dirty.add(account.id);
  }
}

/** Binance's rule: no switch while a position or an order is open on the symbol. */
export function setMarginMode(ctx: EngineContext, account: Account, symbol: string, mode: MarginMode): void {
  market(ctx, symbol);
  if (account.positions.has(symbol)) reject('openPosition', `close the ${symbol} position before switching it to ${mode} margin`, 'mode');
  if ([...account.orders.values()].some((o) => o.symbol === symbol)) reject('openOrders', `cancel the open ${symbol} orders before switching margin mode`, 'mode');
  const settings = account.settings.get(symbol) ?? { ...ctx.state.defaults };
  account.settings.set(symbol, { ...settings, mode });
}

/**
 * Isolated margin add/remove. Adding takes from the available balance; removing leaves at least
 * the initial margin at the mark plus any open loss (Binance's max removable).
 */
export function adjustMargin(ctx: EngineContext, account: Account, symbol: string, amount: Dec): void {
  const m = market(ctx, symbol);
  const pos = account.positions.get(symbol);
  if (!pos || pos.mode !== 'isolated') reject('noIsolatedPosition', `there is no isolated ${symbol} position to adjust`, 'symbol');
  const markets = marketLookup(ctx);
  if (amount.gt(0)) {
    const available = accountMargin(markets, account).available;
    if (amount.gt(available)) reject('insufficientBalance', `only ${Dec.max(ZERO, available).toFixed(2)} is available to add`, 'amount');
    account.wallet = account.wallet.minus(amount);
    pos.margin = pos.margin.plus(amount);
    balanceEffect(ctx, account, amount, 'marginAdded', symbol);
  } else {
    const upnl = positionUpnl(m, pos);
    const im = initialMargin(pos.qty.mul(m.spec.contractSize).mul(m.mark), leverageDecimal(pos.leverage));
    const removable = Dec.max(ZERO, pos.margin.plus(Dec.min(ZERO, upnl)).minus(im));
    if (amount.neg().gt(removable)) reject('marginLocked', `at most ${removable.toFixed(2)} can be removed (the position keeps its initial margin at the mark and covers its open loss)`, 'amount');
    pos.margin = pos.margin.plus(amount);
    account.wallet = account.wallet.minus(amount);
    balanceEffect(ctx, account, amount, 'marginRemoved', symbol);
  }
  pos.updatedAt = ctx.state.t;
  ctx.dirty.add(account.id);
  if (account.history) ctx.effects.push({ kind: 'position', account: account.id, symbol });
}

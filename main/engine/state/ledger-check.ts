import { ZERO, type Dec } from '#shared/money/decimal';
import type { EngineState } from './engine-state';

/**
 * The conservation identity, exactly (docs/engine.md):
 *
 *   Σ accounts (cross wallet + isolated margins − Σ s × entryValue) + insurance fund + fee account
 *     = net deposits
 *
 * entryValue is the exact cost basis of open positions: the cash a long paid (a short received)
 * for what it still holds. Equivalently, at any common price P the sum of every account's equity
 * (wallet + margins + unrealised PnL at P) plus fund plus fees equals net deposits, because the
 * positions of all accounts, the liquidity account's included, net to zero. When every position
 * is flat the identity is literally "wallets + margins + fund + fees change only by deposits and
 * withdrawals". Returns left − right: zero, to the last digit, after every event.
 */
export function conservationResidual(st: EngineState): Dec {
  let sum = st.insurance.plus(st.fees);
  for (const a of st.accounts.values()) {
    sum = sum.plus(a.wallet);
    for (const p of a.positions.values()) {
      sum = sum.plus(p.margin);
      sum = p.side === 'long' ? sum.minus(p.entryValue) : sum.plus(p.entryValue);
    }
  }
  return sum.minus(st.netDeposits);
}

/** Σ long quantity = Σ short quantity on every market (every fill has two sides). */
export function netPositionBySymbol(st: EngineState): Map<string, Dec> {
  const out = new Map<string, Dec>();
  for (const a of st.accounts.values()) {
    for (const p of a.positions.values()) {
      const q = p.side === 'long' ? p.qty : p.qty.neg();
      out.set(p.symbol, (out.get(p.symbol) ?? ZERO).plus(q));
    }
  }
  return out;
}

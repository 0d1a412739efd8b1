import { Dec } from '#shared/money/decimal';

/**
 * Settlement precision of every ledger amount: 8 decimal places of the quote currency (what
 * Binance reports for USDT balances, fees, funding and realised PnL). Each amount is rounded
 * once, where it is created, and then moved whole from one bucket to another, so rounding can
 * never create or destroy money (the conservation test checks it to the last digit).
 */
export const MONEY_DP = 8;

/** Half-even to the settlement precision (fees, funding, proportional cost and margin shares). */
export function money(x: Dec): Dec {
  return x.toDecimalPlaces(MONEY_DP, Dec.ROUND_HALF_EVEN);
}

/** Up to the settlement precision: margin the account must set aside (never a fraction short). */
export function moneyUp(x: Dec): Dec {
  return x.toDecimalPlaces(MONEY_DP, Dec.ROUND_UP);
}

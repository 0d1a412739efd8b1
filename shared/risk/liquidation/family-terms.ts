import { Dec, ZERO } from '../../money/decimal';
import { bracketForNotional, type Bracket } from '../brackets';
import { unrealizedPnl } from '../margin';
import type { FormulaFamily } from '../profile';
import { valueAt, type ResolvedPosition } from './position';

/**
 * Every family's trigger is one balance equation, solved for the price P of one position with
 * the account's other positions held at their marks:
 *
 *   WB + UPNL_others + upnl_self(P) = REQ_others + A + B x N(P)
 *
 * where N(P) is the position's value at P. What differs by family is A, B, which bracket sets
 * them, and what the other positions reserve (REQ_others). This file holds those differences.
 */

/** Which notional selects the bracket: the one at the liquidation price, or the entry value. */
export type BracketBasis = 'liquidation' | 'entry';

export function bracketBasis(family: FormulaFamily): BracketBasis {
  switch (family) {
    case 'binance':
    case 'okx':
      // MM is charged on the value at the price, so the bracket is the one at the LP (FAQ b3c689c1).
      return 'liquidation';
    case 'bybit':
    case 'bitmex-inverse':
      // MM is charged on the entry value; the bracket cannot change while the position does not.
      return 'entry';
    default: {
      const never: never = family;
      throw new Error(`unknown formula family ${String(never)}`);
    }
  }
}

/** The self terms A (constant) and B (rate on N(P)) of the balance equation for one bracket. */
export interface SelfTerms {
  readonly constant: Dec;
  readonly rate: Dec;
  readonly maintenanceMarginRate: Dec;
  readonly maintenanceAmount: Dec;
  /** The fee rate folded into the requirement (OKX taker, BitMEX taker + funding), 0 otherwise. */
  readonly feeRate: Dec;
}

export interface SelfTermsContext {
  readonly family: FormulaFamily;
  readonly pos: ResolvedPosition;
  readonly bracket: Bracket;
  /** BitMEX: the funding rate about to be settled; added to mmr' when this position pays it. */
  readonly fundingRate?: Dec | undefined;
  /** Bybit inverse cross: the bankruptcy price, whose closing fee the requirement reserves. */
  readonly closeFeeAtBankruptcy?: { readonly rate: Dec; readonly bankruptcyPrice: Dec } | undefined;
}

export function selfTerms(ctx: SelfTermsContext): SelfTerms {
  const { pos, bracket } = ctx;
  const mmr = bracket.maintenanceMarginRate;
  const cum = bracket.maintenanceAmount;
  switch (ctx.family) {
    case 'binance':
      return { constant: cum.neg(), rate: mmr, maintenanceMarginRate: mmr, maintenanceAmount: cum, feeRate: ZERO };
    case 'okx':
      // OKX/Gate: liquidation when margin falls to value x (mmr + taker); cum generalises the
      // published one-tier form so MM stays continuous across tiers.
      return { constant: cum.neg(), rate: mmr.plus(pos.takerFeeRate), maintenanceMarginRate: mmr, maintenanceAmount: cum, feeRate: pos.takerFeeRate };
    case 'bybit': {
      const entryValue = valueAt(pos, pos.state.entryPrice);
      let constant = entryValue.mul(mmr).minus(cum);
      let feeRate = ZERO;
      const fee = ctx.closeFeeAtBankruptcy;
      if (fee) {
        // Bybit help 360039261334 (inverse cross): the requirement also holds the fee to close at BP.
        constant = constant.plus(valueAt(pos, fee.bankruptcyPrice).mul(fee.rate));
        feeRate = fee.rate;
      }
      return { constant, rate: ZERO, maintenanceMarginRate: mmr, maintenanceAmount: cum, feeRate };
    }
    case 'bitmex-inverse': {
      const entryValue = valueAt(pos, pos.state.entryPrice);
      const funding = ctx.fundingRate ? Dec.max(ZERO, ctx.fundingRate.mul(pos.s)) : ZERO;
      const feeRate = pos.takerFeeRate.plus(funding);
      const constant = entryValue.mul(mmr.plus(feeRate)).minus(cum);
      return { constant, rate: ZERO, maintenanceMarginRate: mmr, maintenanceAmount: cum, feeRate };
    }
    default: {
      const never: never = ctx.family;
      throw new Error(`unknown formula family ${String(never)}`);
    }
  }
}

/** The bracket a position of this family uses when valued at `price`. */
export function bracketAt(family: FormulaFamily, pos: ResolvedPosition, price: Dec): Bracket {
  const basis = bracketBasis(family) === 'entry' ? pos.state.entryPrice : price;
  return bracketForNotional(pos.brackets, valueAt(pos, basis));
}

/**
 * What another cross position reserves out of the shared wallet, held at its mark:
 * Binance its MM; OKX its MM plus the close fee; Bybit and BitMEX its initial margin (their
 * cross formulas start from the available balance, which has already set it aside).
 */
export function otherRequirement(family: FormulaFamily, other: ResolvedPosition): Dec {
  const mark = other.state.markPrice;
  const value = valueAt(other, mark);
  const b = bracketAt(family, other, mark);
  switch (family) {
    case 'binance':
      return value.mul(b.maintenanceMarginRate).minus(b.maintenanceAmount);
    case 'okx':
      return value.mul(b.maintenanceMarginRate.plus(other.takerFeeRate)).minus(b.maintenanceAmount);
    case 'bybit':
    case 'bitmex-inverse':
      return valueAt(other, other.state.entryPrice).div(other.state.leverage);
    default: {
      const never: never = family;
      throw new Error(`unknown formula family ${String(never)}`);
    }
  }
}

export function otherUnrealizedPnl(other: ResolvedPosition): Dec {
  const st = other.state;
  return unrealizedPnl(st.side, st.quantity, st.entryPrice, st.markPrice, other.spec.settlement, other.spec.contractSize);
}

/**
 * The closing fee the bankruptcy condition reserves: only Bybit's inverse cross article defines
 * BP with it, BP = (1 + f) Q / (Q/EP + balance). Everywhere else BP is "margin balance = 0".
 */
export function bankruptcyCloseFeeRate(family: FormulaFamily, pos: ResolvedPosition): Dec {
  if (family === 'bybit' && pos.spec.settlement === 'inverse' && pos.state.marginMode === 'cross') return pos.takerFeeRate;
  return ZERO;
}

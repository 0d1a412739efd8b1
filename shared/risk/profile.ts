import type { ProfileId } from '../domain/exchange';
import type { Dec } from '../money/decimal';
import type { ContractSpec, Settlement } from './contract-spec';

/**
 * The liquidation-price formula an exchange publishes. Profiles name a family instead of
 * carrying code, so adding an exchange that shares a formula (Gate uses OKX's) is data only.
 *
 * - binance: margin balance = MM at the mark, MM = N(P) x mmr - cum with the bracket at P.
 * - bybit: MM on the entry value (constant while the position is unchanged), LP = EP -+ (IM - MM)/q.
 * - okx: margin balance = N(P) x (mmr + taker fee); the close fee is part of the requirement.
 * - bitmex-inverse: loss = initial - maintenance margin on the entry value, with mmr' = mmr + taker fee
 *   (+ funding when the position pays it).
 */
export type FormulaFamily = 'binance' | 'bybit' | 'okx' | 'bitmex-inverse';

export interface FeeRates {
  readonly maker: Dec;
  readonly taker: Dec;
}

/** How the funding rate is built and bounded (exchange-mechanics.md section 6). */
export interface FundingRules {
  readonly intervalHours: number;
  /** Interest component I per interval (0.01% per 8 h on Binance and Bybit). */
  readonly interestRate: Dec;
  /** F = P + clamp(I - P, -clampRate, +clampRate). */
  readonly clampRate: Dec;
  /** Then F is bounded to [floorRate, capRate]. */
  readonly capRate: Dec;
  readonly floorRate: Dec;
  /** Premium samples averaged equally (Binance) or with linearly rising weights (Bybit). */
  readonly premiumWeighting: 'equal' | 'linear';
}

export interface ExchangeProfile {
  readonly id: ProfileId;
  readonly label: string;
  readonly family: FormulaFamily;
  readonly settlement: Settlement;
  /** Regular-tier trading fees, as rates of the notional (negative maker = rebate). */
  readonly fees: FeeRates;
  /** Clearance fee charged on the amount liquidated, paid to the insurance fund. */
  readonly liquidationFeeRate: Dec;
  readonly funding: FundingRules;
  /** Whether large positions are liquidated tier by tier instead of all at once. */
  readonly partialLiquidation: boolean;
  readonly symbols: Readonly<Record<string, ContractSpec>>;
  /** Used for any symbol the profile does not list (a conservative small-cap table). */
  readonly defaultSpec: ContractSpec;
  /** Sources for the fees and rules above; each spec carries its own. */
  readonly sources: readonly string[];
}

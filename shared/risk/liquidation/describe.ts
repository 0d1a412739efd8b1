import type { MarginMode } from '../../domain/exchange';
import type { Settlement } from '../contract-spec';
import type { FormulaFamily } from '../profile';

/** Names the formula a liquidation price came from, for the Trade view's explanation panel. */
export type LiquidationFormulaId = `${FormulaFamily}-${Settlement}-${MarginMode}`;

export function formulaId(family: FormulaFamily, settlement: Settlement, mode: MarginMode): LiquidationFormulaId {
  return `${family}-${settlement}-${mode}`;
}

/** The published form of each formula, in the notation of exchange-mechanics.md. */
export function describeFormula(family: FormulaFamily, settlement: Settlement, mode: MarginMode): string {
  const cross = mode === 'cross';
  switch (family) {
    case 'binance':
      if (settlement === 'linear') {
        return cross
          ? 'LP = (WB - TMM1 + UPNL1 + cum - s*q*EP) / (q*mmr - s*q), bracket at q*LP (Binance FAQ b3c689c1)'
          : 'LP = (WB + cum - s*q*EP) / (q*mmr - s*q), WB = isolated wallet, bracket at q*LP (Binance FAQ b3c689c1)';
      }
      return 'LP = Q*(mmr + s) / (WB - TMM1 + UPNL1 + cum + s*Q/EP), bracket at Q/LP (COIN-M balance condition)';
    case 'bybit':
      if (settlement === 'linear') {
        return cross
          ? 'LP = EP - s*(available + IM - MM)/q, MM = q*EP*mmr - deduction (Bybit 900000181046)'
          : 'LP = EP - s*(IM + extra - MM)/q, MM = q*EP*mmr - deduction (Bybit USDT contract)';
      }
      return cross
        ? 'Q*(1/EP - 1/LP) = -s*(balance - Q/EP*mmr - Q*f/BP), BP = Q*(s + f)/(balance + s*Q/EP) (Bybit 360039261334)'
        : 'LP = Q / (Q/EP + s*(IM - MM)), MM = Q/EP*mmr - deduction (Bybit UTA inverse)';
    case 'okx':
      return settlement === 'linear'
        ? 'LP = (EP - s*(M + cum)/q) / (1 - s*(mmr + taker)), M = position margin (OKX 360053909592 / Gate 27724)'
        : 'LP = Q*(mmr + taker + s) / (M + s*Q/EP + cum) (OKX inverse, close fee in the requirement)';
    case 'bitmex-inverse':
      return "LP = EP / (1 + s*(imr - mmr')), mmr' = mmr + taker (+ funding when paying) (BitMEX support formula)";
    default: {
      const never: never = family;
      throw new Error(`unknown formula family ${String(never)}`);
    }
  }
}

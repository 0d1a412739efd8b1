import type { PlanResult } from '#shared/plan/compute-plan';
import type { Fmt } from '../trade/format';

export type WorkingId = 'quantity' | 'loss' | 'liq' | 'verdict' | 'maxSafe' | 'margin' | 'fees' | 'bracket';

export interface Working {
  readonly title: string;
  readonly subtitle: string;
  readonly formula: string;
  readonly result: string;
  readonly inputs: readonly { readonly symbol?: string; readonly label: string; readonly value: string; readonly note?: string }[];
}

const ORIGIN_NOTE: Record<string, string> = {
  typed: 'typed',
  account: "the paper account's margin balance",
  'last price': "the market's last price",
  atr: 'entry -+ k x ATR of the stored candles',
  swing: 'the swing low/high of the stored candles',
  percent: 'entry -+ the % distance',
};

const SOURCE_NOTE: Record<string, string> = {
  input: 'typed',
  'profile taker': "the profile's taker rate (as levdesk size)",
  'book model': "the engine's book model at this size (as levdesk size)",
  'assumed zero': 'assumed 0 unless typed',
};

/**
 * What each Planner number is made of, as in the Trade view's explanations: the formula, every
 * input with its value and where it came from. Built only when a panel opens (not per keystroke).
 */
export function planWorking(id: WorkingId, r: Extract<PlanResult, { ok: true }>, fmt: Fmt): Working {
  const o = r.outputs;
  const p = r.resolved;
  const pct = (x: string) => fmt.pct(x, 3);
  const common = [
    { symbol: 'E', label: 'Equity', value: fmt.money(o.equity), note: ORIGIN_NOTE[p.equityOrigin] },
    { symbol: 'P₀', label: 'Entry', value: fmt.price(o.entry), note: ORIGIN_NOTE[p.entryOrigin] },
    { symbol: 'S', label: 'Stop trigger', value: fmt.price(o.stop), note: ORIGIN_NOTE[p.stopOrigin] },
    { symbol: 'slip', label: 'Stop slippage', value: pct(o.fees.stopSlippageRate), note: SOURCE_NOTE[p.fees.source.stopSlippageRate] },
    { symbol: 'S′', label: 'Stop fill', value: fmt.price(o.stopFill), note: 'S x (1 -+ slip)' },
    { symbol: 'fᵢ', label: 'Entry fee rate', value: pct(o.fees.entryRate), note: SOURCE_NOTE[p.fees.source.entryRate] },
    { symbol: 'fₒ', label: 'Exit fee rate', value: pct(o.fees.exitRate), note: SOURCE_NOTE[p.fees.source.exitRate] },
  ];
  switch (id) {
    case 'quantity':
      return {
        title: 'Quantity',
        subtitle: 'Fixed-fractional: the stop costs the risk budget, fees and slippage included',
        formula: `budget R = E x risk\nd = |P₀ - S′| + fᵢ x P₀ + fₒ x S′   (loss per unit)\nq = R / d, capped by leverage, bracket and margin\nq floored to the contract's step`,
        result: `${fmt.qty(o.quantity)}${o.cappedBy.length ? ` (capped by ${o.cappedBy.join(', ')})` : ''}`,
        inputs: [...common, { symbol: 'R', label: 'Risk budget', value: fmt.money(o.riskBudget) }, { symbol: 'd', label: 'Loss per unit', value: fmt.money(o.lossPerUnit) }],
      };
    case 'loss':
      return {
        title: 'Loss at the stop',
        subtitle: 'What the stop costs at this quantity, and its share of equity',
        formula: 'loss = q x d = q x (|P₀ - S′| + fᵢ x P₀ + fₒ x S′)\nshare = loss / E',
        result: `${fmt.money(o.lossAtStop)} = ${fmt.pct(o.lossFraction, 3)} of equity`,
        inputs: [{ symbol: 'q', label: 'Quantity', value: fmt.qty(o.quantity) }, ...common, { symbol: 'd', label: 'Loss per unit', value: fmt.money(o.lossPerUnit) }],
      };
    case 'liq':
    case 'verdict':
      return {
        title: id === 'liq' ? 'Liquidation price' : 'Stop before liquidation?',
        subtitle: `${inputsMode(r)} at ${p.leverage.toString()}x, the same function as levdesk liq / levdesk size`,
        formula:
          'isolated long: LP = (q x P₀ - WB - cum) / (q x (1 - MMR))\nisolated short: LP = (q x P₀ + WB + cum) / (q x (1 + MMR))\nWB = q x P₀ / leverage (cross: the cross wallet after the entry fee,\n     less the maintenance of the other cross positions, plus their unrealised PnL)\nbuffer = (S′ - LP) toward safety: positive, the stop fills first',
        result: o.liquidationPrice ? `LP ${fmt.price(o.liquidationPrice)}, buffer ${fmt.price(o.stopToLiquidation)} (${fmt.pct(o.stopToLiquidationFraction, 2)} of entry): ${o.verdict}` : 'No liquidation price: the margin covers any move',
        inputs: [
          { symbol: 'q', label: 'Quantity', value: fmt.qty(o.quantity) },
          ...common.slice(1, 5),
          { symbol: 'MMR', label: `Maintenance rate (tier ${o.bracket.tier})`, value: pct(o.bracket.maintenanceMarginRate) },
          { symbol: 'cum', label: 'Maintenance amount', value: fmt.money(o.bracket.maintenanceAmount) },
          ...(o.cross
            ? [
                { symbol: 'WB', label: 'Cross wallet', value: fmt.money(o.cross.walletBalance), note: o.cross.walletOrigin === 'account' ? "the paper account's cross wallet" : 'the typed equity' },
                {
                  label: 'Other positions',
                  value: o.cross.others.length ? o.cross.others.map((x) => `${x.symbol} ${x.side} ${x.quantity} (${x.marginMode})`).join(', ') : 'none',
                  note: 'cross ones share the wallet: their unrealised PnL and maintenance margin move the LP',
                },
              ]
            : []),
        ],
      };
    case 'maxSafe':
      return {
        title: 'Highest safe leverage',
        subtitle: 'The highest whole leverage at which the stop still fills before liquidation',
        formula: 'bisection over 1..bracket max of: stop fill inside LP(leverage)\nclosed form (cum = 0): long L < 1 / (1 - (1 - MMR) x S′/P₀)',
        result: o.maxSafeLeverage ? `${o.maxSafeLeverage}x` : 'none: even 1x liquidates before the stop',
        inputs: [{ symbol: 'q', label: 'Quantity', value: fmt.qty(o.quantity) }, ...common.slice(1, 5), { symbol: 'max', label: 'Bracket max leverage', value: `${o.bracket.maxLeverage}x` }],
      };
    case 'margin':
      return {
        title: 'Notional and initial margin',
        subtitle: 'What the position is worth and what it locks',
        formula: 'N = q x P₀\nIM = N / leverage\neffective leverage = N / E',
        result: `N ${fmt.money(o.notional)}, IM ${fmt.money(o.initialMargin)}, ${o.effectiveLeverage}x of equity`,
        inputs: [
          { symbol: 'q', label: 'Quantity', value: fmt.qty(o.quantity) },
          { symbol: 'P₀', label: 'Entry', value: fmt.price(o.entry) },
          { symbol: 'L', label: 'Leverage', value: `${p.leverage.toString()}x` },
        ],
      };
    case 'fees':
      return {
        title: 'Fees',
        subtitle: 'Entry at the entry price, exit at the stop fill',
        formula: 'entry fee = q x P₀ x fᵢ\nexit fee = q x S′ x fₒ',
        result: `${fmt.money(o.entryFee)} + ${fmt.money(o.exitFee)}`,
        inputs: [{ symbol: 'q', label: 'Quantity', value: fmt.qty(o.quantity) }, ...common.slice(1)],
      };
    case 'bracket':
      return {
        title: 'Bracket used',
        subtitle: `${p.profile.label} ${p.symbol}: the tier of this notional`,
        formula: 'tier: notional floor < N <= cap\nMM = N x MMR - cum',
        result: `tier ${o.bracket.tier}: up to ${fmt.money(o.bracket.notionalCap)}, max ${o.bracket.maxLeverage}x`,
        inputs: [
          { symbol: 'N', label: 'Notional', value: fmt.money(o.notional) },
          { symbol: 'MMR', label: 'Maintenance rate', value: pct(o.bracket.maintenanceMarginRate) },
          { symbol: 'cum', label: 'Maintenance amount', value: fmt.money(o.bracket.maintenanceAmount) },
        ],
      };
    default: {
      const never: never = id;
      throw new Error(`unknown working ${String(never)}`);
    }
  }
}

function inputsMode(r: Extract<PlanResult, { ok: true }>): string {
  return `${r.resolved.profile.label}, ${r.outputs.side}`;
}

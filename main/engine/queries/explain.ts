import type { FundingPaymentView } from '#shared/domain/trading-history';
import type { Explanation } from '#shared/domain/trading-queries';
import { Dec, toWire, toWireOrNull } from '#shared/money/decimal';
import type { Account, Position } from '../model/account';
import { explainPosition } from '../risk/position-risk';
import { bracketView, lookup, type EngineView } from './account-view';

type Input = Explanation['inputs'][number];
const sig = (d: Dec): string => d.toSignificantDigits(20).toFixed();
const input = (name: string, symbol: string, value: string, note: string | null = null): Input => ({ name, symbol, value, note });

/**
 * The explanation panel of a position's liquidation price or margin ratio: the risk core's
 * explainLiquidation (formula, bracket, every term) laid out as named inputs with their values.
 */
export function explainRisk(v: EngineView, account: Account, p: Position, kind: 'liquidationPrice' | 'marginRatio'): Explanation {
  const m = v.state.markets.get(p.symbol)!;
  const e = explainPosition(lookup(v), account, p);
  const t = e.terms;
  const cross = e.marginMode === 'cross';
  const common: Input[] = [
    input(cross ? 'Cross wallet balance' : 'Isolated margin (position wallet)', 'WB', sig(t.walletBalance)),
    ...(cross
      ? [
          input('Unrealised PnL of the other cross positions', 'UPNL1', sig(t.otherUnrealizedPnl), 'held at their marks'),
          input('Maintenance of the other cross positions', 'TMM1', sig(t.otherRequirement)),
        ]
      : []),
    input('Side', 's', e.side === 'long' ? '+1' : '-1', e.side),
    input('Quantity', 'q', sig(t.size), p.symbol),
    input('Entry price', 'EP', sig(t.entryPrice)),
    input('Mark price', 'MP', m.mark.toFixed()),
    input('Maintenance margin rate', 'mmr', t.maintenanceMarginRate.toFixed(), `tier ${e.bracket.tier}`),
    input('Maintenance amount', 'cum', t.maintenanceAmount.toFixed(), 'keeps MM continuous across tiers'),
  ];
  const bracket = { ...bracketView(e.bracket), basis: e.bracketBasis };
  if (kind === 'liquidationPrice') {
    return {
      kind,
      title: `${p.symbol} ${e.side} liquidation price`,
      formula: e.description,
      formulaId: e.formula,
      inputs: [...common, ...(t.feeRate.gt(0) ? [input('Fee rate in the requirement', 'f', t.feeRate.toFixed())] : [])],
      result: { name: 'Liquidation price', value: toWireOrNull(e.liquidationPrice?.toSignificantDigits(20) ?? null) },
      bracket,
      notes: [
        `Bankruptcy price (margin balance = 0): ${e.bankruptcyPrice ? sig(e.bankruptcyPrice) : 'none'}.`,
        e.bracketBasis === 'liquidation'
          ? 'The bracket is the one that holds the notional at the liquidation price itself (Binance FAQ), not at entry.'
          : 'This profile charges maintenance on the entry value, so the bracket is the one at entry.',
        'Liquidation is triggered by the mark price, never by the last trade.',
      ],
    };
  }
  return {
    kind,
    title: `${p.symbol} margin ratio`,
    formula: 'margin ratio = maintenance requirement / margin balance; liquidation when it reaches 100%',
    formulaId: 'margin-ratio',
    inputs: [
      ...common,
      input('Margin balance', 'MB', sig(e.marginBalance), cross ? 'cross wallet + unrealised PnL of cross positions' : 'isolated margin + unrealised PnL'),
      input('Maintenance requirement', 'MM', sig(e.requirement), 'N x mmr - cum at the mark (+ the other cross positions)'),
    ],
    result: { name: 'Margin ratio', value: toWireOrNull(e.marginRatio?.toSignificantDigits(12) ?? null) },
    bracket,
    notes: [`This position's own maintenance margin: ${sig(e.maintenanceMargin)}.`],
  };
}

/** A funding payment laid out: value at the mark × rate, paid by longs when the rate is positive. */
export function explainFunding(p: FundingPaymentView): Explanation {
  const s = p.side === 'long' ? '+1' : '-1';
  return {
    kind: 'funding',
    title: `${p.symbol} funding at ${new Date(p.t).toISOString()}`,
    formula: 'payment = -s x q x MP x F: with F > 0 longs pay shorts, with F < 0 shorts pay longs; traders pay each other, the exchange takes nothing',
    formulaId: 'funding-payment',
    inputs: [
      input('Side', 's', s, p.side),
      input('Quantity', 'q', p.quantity),
      input('Mark price at settlement', 'MP', p.markPrice),
      input('Position value', 'N = q x MP', p.notional),
      input('Funding rate', 'F', p.rate, p.source === 'history' ? 'imported exchange history' : 'premium model'),
    ],
    result: { name: 'Payment (negative = paid)', value: toWire(new Dec(p.amount)) },
    bracket: null,
    notes: ['Rounded to 8 decimals; the rounding dust of all positions goes to the exchange fee account so the ledger stays closed.'],
  };
}

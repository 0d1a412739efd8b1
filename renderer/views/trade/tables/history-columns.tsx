import type { FillLiquidity, FillView, FundingPaymentView, InsuranceEntry, LiquidationView } from '#shared/domain/trading-history';
import { dec, toWire } from '#shared/money/decimal';
import type { ColumnSpec } from '../../../components/table/column-spec';
import type { Fmt } from '../format';
import { ExplainButton, SideTag } from './cells';

const LIQUIDITY: Record<FillLiquidity, string> = { maker: 'Maker', taker: 'Taker', liquidation: 'Liquidation', adl: 'ADL' };

export function fillColumns(fmt: Fmt): ColumnSpec<FillView>[] {
  return [
    { id: 'time', header: 'Time', value: (f) => f.t, sort: 'number', time: true, size: 142, cell: (f) => fmt.time(f.t) },
    { id: 'symbol', header: 'Symbol', value: (f) => f.symbol, size: 84 },
    { id: 'side', header: 'Side', value: (f) => f.side, size: 52, cell: (f) => <SideTag side={f.side} /> },
    { id: 'price', header: 'Price', value: (f) => f.price, align: 'end', size: 96, cell: (f) => fmt.price(f.price) },
    { id: 'quantity', header: 'Quantity', value: (f) => f.quantity, align: 'end', size: 88, cell: (f) => fmt.qty(f.quantity) },
    { id: 'fee', header: 'Fee', description: 'Fee paid (negative: rebate)', value: (f) => f.fee, align: 'end', size: 84, cell: (f) => fmt.money(f.fee) },
    { id: 'realized', header: 'Realized PnL', value: (f) => f.realizedPnl, align: 'end', size: 104, cell: (f) => fmt.pnl(f.realizedPnl) },
    { id: 'liquidity', header: 'Role', description: 'Maker, taker, liquidation or ADL', value: (f) => LIQUIDITY[f.liquidity], size: 90 },
    { id: 'order', header: 'Order', value: (f) => f.orderId, sort: 'number', align: 'end', size: 64 },
  ];
}

export function fundingColumns(fmt: Fmt, explain: (f: FundingPaymentView) => void): ColumnSpec<FundingPaymentView>[] {
  return [
    { id: 'time', header: 'Time', value: (f) => f.t, sort: 'number', time: true, size: 142, cell: (f) => fmt.time(f.t) },
    { id: 'symbol', header: 'Symbol', value: (f) => f.symbol, size: 84 },
    { id: 'side', header: 'Side', value: (f) => f.side, size: 52, cell: (f) => <SideTag side={f.side} /> },
    { id: 'quantity', header: 'Size', value: (f) => f.quantity, align: 'end', size: 84, cell: (f) => fmt.qty(f.quantity) },
    { id: 'mark', header: 'Mark', value: (f) => f.markPrice, align: 'end', size: 96, cell: (f) => fmt.price(f.markPrice) },
    { id: 'rate', header: 'Rate', value: (f) => f.rate, align: 'end', size: 80, cell: (f) => fmt.signedPct(f.rate, 4) },
    { id: 'notional', header: 'Notional', value: (f) => f.notional, align: 'end', size: 104, cell: (f) => fmt.money(f.notional) },
    {
      id: 'amount',
      header: 'Amount',
      description: 'Paid (−) or received (+); click for the computation',
      value: (f) => f.amount,
      align: 'end',
      size: 100,
      cell: (f) => (
        <ExplainButton label={`Explain the funding payment at ${fmt.time(f.t)}`} onClick={() => explain(f)} testId="funding-amount">
          {fmt.pnl(f.amount)}
        </ExplainButton>
      ),
    },
    { id: 'source', header: 'Rate from', value: (f) => (f.source === 'history' ? 'History' : 'Model'), size: 80 },
  ];
}

export function liquidationColumns(fmt: Fmt, open: (l: LiquidationView) => void): ColumnSpec<LiquidationView>[] {
  return [
    { id: 'time', header: 'Time', value: (l) => l.t, sort: 'number', time: true, size: 142, cell: (l) => fmt.time(l.t) },
    { id: 'account', header: 'Account', value: (l) => (l.isTrader ? 'You' : l.account), size: 80, cell: (l) => (l.isTrader ? <strong className="down">You</strong> : l.account) },
    { id: 'side', header: 'Side', value: (l) => l.side, size: 52, cell: (l) => <SideTag side={l.side} /> },
    { id: 'quantity', header: 'Quantity', value: (l) => l.quantity, align: 'end', size: 88, cell: (l) => `${fmt.qty(l.quantity)}${l.partial ? ' (part)' : ''}` },
    { id: 'mark', header: 'Mark', description: 'Mark price at the trigger', value: (l) => l.markPrice, align: 'end', size: 96, cell: (l) => fmt.price(l.markPrice) },
    { id: 'bankruptcy', header: 'Bankr.', description: 'Bankruptcy price', value: (l) => l.bankruptcyPrice, align: 'end', size: 96, cell: (l) => fmt.price(l.bankruptcyPrice) },
    { id: 'average', header: 'Avg. fill', description: 'Average book fill of the liquidation order', value: (l) => l.averageFillPrice, align: 'end', size: 96, cell: (l) => fmt.price(l.averageFillPrice) },
    { id: 'fee', header: 'Clearance fee', value: (l) => l.clearanceFee, align: 'end', size: 96, cell: (l) => fmt.money(l.clearanceFee) },
    {
      id: 'fund',
      header: 'Fund Δ',
      description: 'Insurance fund change from this liquidation',
      value: (l) => l.insuranceAfter,
      sort: false,
      csv: (l) => `${l.insuranceBefore}->${l.insuranceAfter}`,
      align: 'end',
      size: 96,
      cell: (l) => fmt.pnl(fundDelta(l)),
    },
    { id: 'adl', header: 'ADL', description: 'Positions closed by auto-deleveraging', value: (l) => l.adl.length, sort: 'number', align: 'end', size: 52 },
    {
      id: 'waterfall',
      header: '',
      pinEnd: true,
      size: 92,
      sort: false,
      csv: false,
      hideable: false,
      cell: (l) => (
        <button type="button" className="btn-ghost" onClick={() => open(l)} aria-label={`Waterfall of liquidation ${l.id}`} data-testid="liquidation-waterfall">
          Waterfall
        </button>
      ),
    },
  ];
}

/** after - before, exactly (decimal.js on the wire strings, never a float). */
export function fundDelta(l: LiquidationView): string {
  return toWire(dec(l.insuranceAfter).minus(l.insuranceBefore));
}

const INSURANCE_REASONS: Record<InsuranceEntry['reason'], string> = {
  seed: 'Seed',
  clearanceFee: 'Clearance fee',
  surplus: 'Surplus above bankruptcy',
  deficit: 'Deficit covered',
  bankruptcy: 'Bankruptcy',
};

export function insuranceColumns(fmt: Fmt): ColumnSpec<InsuranceEntry>[] {
  return [
    { id: 'time', header: 'Time', value: (e) => e.t, sort: 'number', time: true, size: 142, cell: (e) => fmt.time(e.t) },
    { id: 'reason', header: 'Reason', value: (e) => INSURANCE_REASONS[e.reason], size: 170 },
    { id: 'delta', header: 'Change', value: (e) => e.delta, align: 'end', size: 110, cell: (e) => fmt.pnl(e.delta) },
    { id: 'balance', header: 'Balance', value: (e) => e.balance, align: 'end', size: 130, cell: (e) => fmt.money(e.balance) },
    { id: 'account', header: 'Account', value: (e) => e.account, size: 90 },
    { id: 'liquidation', header: 'Liquidation', value: (e) => e.liquidationId, sort: 'number', align: 'end', size: 84 },
  ];
}

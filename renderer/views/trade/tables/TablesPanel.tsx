import { useCallback, useId, useMemo, useState } from 'react';
import type { PositionView } from '#shared/domain/trading-account';
import type { InsuranceEntry, LiquidationView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import { CROWD_SORTS, type CrowdRow, type CrowdSort } from '#shared/domain/trading-queries';
import { useApi } from '../../../api/context';
import { Segmented } from '../../../components/Segmented';
import { DataTable } from '../../../components/table/DataTable';
import type { FetchPage } from '../../../components/table/use-paged-rows';
import { Tabs } from '../../../components/layout/Tabs';
import type { History } from '../data/use-history';
import { useFmt } from '../format';
import { crowdColumns } from './crowd-columns';
import { fillColumns, fundingColumns, insuranceColumns, liquidationColumns } from './history-columns';
import { openOrderColumns, orderHistoryColumns, type OrderActions } from './order-columns';
import { positionColumns, type PositionActions } from './position-columns';

export const TABLE_TABS = ['positions', 'open', 'history', 'fills', 'funding', 'liquidations', 'insurance', 'market'] as const;
export type TableTab = (typeof TABLE_TABS)[number];

export interface TablesPanelProps {
  readonly tab: TableTab;
  readonly onTab: (tab: TableTab) => void;
  readonly symbol: string;
  readonly positions: readonly PositionView[];
  readonly openOrders: readonly OrderView[];
  readonly history: History;
  /** Bumped as the market moves: the Market tab's visible rows are refetched (throttled). */
  readonly crowdVersion: number;
  readonly positionActions: PositionActions;
  readonly orderActions: OrderActions;
  readonly openWaterfall: (l: LiquidationView) => void;
  readonly explainFunding: (paymentId: number) => void;
  readonly onCancelAll: () => void;
}

const positionId = (p: PositionView): string => p.symbol;
const orderId = (o: { id: number }): string => String(o.id);
const crowdId = (r: CrowdRow): string => r.account;
const insuranceId = (e: InsuranceEntry): string => String(e.id);

/** The tables under the chart: the trader's positions, orders and histories, and the crowd. */
export function TablesPanel(props: TablesPanelProps) {
  const { tab, onTab, symbol, positions, openOrders, history, crowdVersion, positionActions, orderActions, openWaterfall, explainFunding, onCancelAll } = props;
  const api = useApi();
  const fmt = useFmt();
  const [liqScope, setLiqScope] = useState<'mine' | 'all'>('mine');
  const scopeLabel = useId();

  const cols = useMemo(
    () => ({
      positions: positionColumns(fmt, positionActions),
      open: openOrderColumns(fmt, orderActions),
      history: orderHistoryColumns(fmt),
      fills: fillColumns(fmt),
      funding: fundingColumns(fmt, (f) => explainFunding(f.id)),
      liquidations: liquidationColumns(fmt, openWaterfall),
      insurance: insuranceColumns(fmt),
      market: crowdColumns(fmt),
    }),
    [fmt, positionActions, orderActions, explainFunding, openWaterfall],
  );

  const fetchCrowd = useCallback<FetchPage<CrowdRow>>(
    async ({ offset, limit, sorting }) => {
      const s = sorting[0];
      const sort: CrowdSort = s && (CROWD_SORTS as readonly string[]).includes(s.id) ? (s.id as CrowdSort) : 'notional';
      const r = await api.get('trading.crowd', { symbol, sort, desc: s ? s.desc : true, offset, limit });
      return { total: r.total, rows: r.rows };
    },
    [api, symbol],
  );
  const fetchMarketLiquidations = useCallback<FetchPage<LiquidationView>>(
    async ({ offset, limit }) => {
      const r = await api.get('trading.liquidations', { scope: 'all', offset, limit });
      return { total: r.total, rows: r.rows };
    },
    [api],
  );
  const fetchInsurance = useCallback<FetchPage<InsuranceEntry>>(
    async ({ offset, limit }) => {
      const r = await api.get('trading.insurance', { offset, limit });
      return { total: r.history.total, rows: r.history.rows };
    },
    [api],
  );

  const tabs = [
    { id: 'positions' as const, label: 'Positions', badge: positions.length },
    { id: 'open' as const, label: 'Open orders', badge: openOrders.length },
    { id: 'history' as const, label: 'Order history' },
    { id: 'fills' as const, label: 'Fills' },
    { id: 'funding' as const, label: 'Funding' },
    { id: 'liquidations' as const, label: 'Liquidations', badge: history.liquidations.length },
    { id: 'insurance' as const, label: 'Insurance fund' },
    { id: 'market' as const, label: 'Market' },
  ];

  return (
    <Tabs tabs={tabs} value={tab} onChange={onTab} label="Trading tables" testId="tables">
      {tab === 'positions' && (
        <DataTable id="positions" label="Positions" columns={cols.positions} rows={positions} getRowId={positionId} exportName="positions" emptyText="No open positions." onActivate={(p) => positionActions.explainLiquidation(p)} />
      )}
      {tab === 'open' && (
        <DataTable
          id="openOrders"
          label="Open orders"
          columns={cols.open}
          rows={openOrders}
          getRowId={orderId}
          exportName="open-orders"
          emptyText="No open orders."
          defaultSorting={[{ id: 'time', desc: true }]}
          toolbar={
            <button type="button" className="btn-ghost" onClick={onCancelAll} disabled={openOrders.length === 0} data-testid="cancel-all" title="Cancel all (Shift+X)">
              Cancel all <kbd>Shift+X</kbd>
            </button>
          }
        />
      )}
      {tab === 'history' && <DataTable id="orderHistory" label="Order history" columns={cols.history} rows={history.orders} getRowId={orderId} exportName="order-history" defaultSorting={[{ id: 'time', desc: true }]} emptyText="No finished orders yet." />}
      {tab === 'fills' && <DataTable id="fills" label="Fills" columns={cols.fills} rows={history.fills} getRowId={orderId} exportName="fills" defaultSorting={[{ id: 'time', desc: true }]} emptyText="No fills yet." />}
      {tab === 'funding' && <DataTable id="funding" label="Funding payments" columns={cols.funding} rows={history.funding} getRowId={orderId} exportName="funding" defaultSorting={[{ id: 'time', desc: true }]} emptyText="No funding payments yet." />}
      {tab === 'liquidations' && (
        <DataTable
          key={liqScope}
          id={liqScope === 'mine' ? 'liquidations' : 'marketLiquidations'}
          label={liqScope === 'mine' ? 'Your liquidations and ADL' : 'Every liquidation in the market'}
          columns={cols.liquidations}
          getRowId={orderId}
          exportName={liqScope === 'mine' ? 'liquidations' : 'market-liquidations'}
          onActivate={openWaterfall}
          emptyText={liqScope === 'mine' ? 'You have not been liquidated.' : 'No liquidations in this market yet.'}
          {...(liqScope === 'mine'
            ? { rows: history.liquidations, defaultSorting: [{ id: 'time', desc: true }] }
            : { server: { fetchPage: fetchMarketLiquidations, version: history.marketVersion }, sortable: false })}
          toolbar={
            <>
              <span id={scopeLabel} className="sr-only">
                Whose liquidations
              </span>
              <Segmented<'mine' | 'all'>
                labelledBy={scopeLabel}
                options={[
                  { value: 'mine', label: 'Mine' },
                  { value: 'all', label: 'Whole market' },
                ]}
                value={liqScope}
                onChange={setLiqScope}
                testId="liquidations-scope"
              />
            </>
          }
        />
      )}
      {tab === 'insurance' && (
        <DataTable id="insurance" label="Insurance fund history" columns={cols.insurance} getRowId={insuranceId} exportName="insurance-fund" server={{ fetchPage: fetchInsurance, version: history.marketVersion }} sortable={false} emptyText="No fund changes yet." />
      )}
      {tab === 'market' && (
        <DataTable
          id="crowd"
          label="The market's positions"
          columns={cols.market}
          getRowId={crowdId}
          exportName="market-positions"
          server={{ fetchPage: fetchCrowd, version: crowdVersion }}
          defaultSorting={[{ id: 'notional', desc: true }]}
          emptyText="No crowd in this scenario."
        />
      )}
    </Tabs>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { FillView, FundingPaymentView, LiquidationView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import type { TradingActivity } from '#shared/ipc/channels/trading';
import { useApi } from '../../../api/context';
import type { ApiClient } from '../../../api/client';

/** The trader's histories, in memory: a few thousand rows a session, sorted in the renderer. */
export interface History {
  readonly orders: readonly OrderView[];
  readonly fills: readonly FillView[];
  readonly funding: readonly FundingPaymentView[];
  readonly liquidations: readonly LiquidationView[];
  /** Bumped whenever something in the market's liquidations or the insurance fund changed. */
  readonly marketVersion: number;
}

/** Cap on what one table keeps in memory; older rows stay in the workspace and in CSV exports of the channel. */
const KEEP = 20_000;
const PAGE = 500;

type Paged<T> = (offset: number) => Promise<{ total: number; rows: T[] } | null>;

async function loadAll<T>(fetch: Paged<T>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; offset < KEEP; offset += PAGE) {
    const page = await fetch(offset);
    if (!page) break;
    out.push(...page.rows);
    if (offset + PAGE >= page.total || page.rows.length === 0) break;
  }
  return out;
}

/** Newer versions of a row replace older ones (an order moving from open to filled); newest first. */
function merge<T extends { id: number }>(current: readonly T[], incoming: readonly T[], time: (x: T) => number): T[] {
  if (incoming.length === 0) return current as T[];
  const byId = new Map(current.map((x) => [x.id, x]));
  for (const x of incoming) byId.set(x.id, x);
  return [...byId.values()].sort((a, b) => time(b) - time(a) || b.id - a.id).slice(0, KEEP);
}

const FINAL = new Set(['filled', 'canceled', 'expired']);

async function loadHistory(api: ApiClient): Promise<Omit<History, 'marketVersion'>> {
  const [orders, fills, funding, liquidations] = await Promise.all([
    loadAll<OrderView>(async (offset) => {
      const r = await api.call('trading.orderHistory', { offset, limit: PAGE });
      return r.ok ? r.value : null;
    }),
    loadAll<FillView>(async (offset) => {
      const r = await api.call('trading.fills', { offset, limit: PAGE });
      return r.ok ? r.value : null;
    }),
    loadAll<FundingPaymentView>(async (offset) => {
      const r = await api.call('trading.funding', { offset, limit: PAGE });
      return r.ok ? r.value : null;
    }),
    loadAll<LiquidationView>(async (offset) => {
      const r = await api.call('trading.liquidations', { scope: 'mine', offset, limit: PAGE });
      return r.ok ? r.value : null;
    }),
  ]);
  return { orders: orders.filter((o) => FINAL.has(o.status)), fills, funding, liquidations };
}

/**
 * Loads the histories once (and again after a reset), then folds each 'trading.activity' push
 * in. When the push says it dropped some of the trader's rows (more than one push carries), the
 * histories are reloaded instead of guessed.
 */
export function useHistory(epoch: number, onActivity: (a: TradingActivity) => void): History {
  const api = useApi();
  const [history, setHistory] = useState<History>({ orders: [], fills: [], funding: [], liquidations: [], marketVersion: 0 });
  const listener = useRef(onActivity);
  useEffect(() => {
    listener.current = onActivity;
  }, [onActivity]);

  const reload = useCallback(() => {
    void loadHistory(api).then((h) => setHistory((prev) => ({ ...h, marketVersion: prev.marketVersion + 1 })));
  }, [api]);

  useEffect(() => {
    reload();
  }, [reload, epoch]);

  useEffect(
    () =>
      api.on('trading.activity', (a) => {
        listener.current(a);
        // Dropped crowd liquidations only thin the market list (paged from main anyway); dropped
        // fills or orders of the trader's own would leave a hole, so those reload.
        if (a.dropped.fills + a.dropped.orders > 0) {
          reload();
          return;
        }
        setHistory((h) => ({
          orders: merge(
            h.orders,
            a.orders.filter((o) => FINAL.has(o.status)),
            (o) => o.updatedAt,
          ),
          fills: merge(h.fills, a.fills, (f) => f.t),
          funding: merge(h.funding, a.funding, (f) => f.t),
          liquidations: merge(
            h.liquidations,
            a.liquidations.filter((l) => l.isTrader || l.adl.some((s) => s.account === 'me')),
            (l) => l.t,
          ),
          marketVersion: a.marketLiquidations > 0 || a.insuranceChanges > 0 ? h.marketVersion + 1 : h.marketVersion,
        }));
      }),
    [api, reload],
  );

  return history;
}

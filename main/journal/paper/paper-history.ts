import type { FillView, FundingPaymentView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import type { Db } from '../../store/db-types';
import type { FillRow, TransactionRow } from '../import/rows';

/** The paper engine's trader account ('me' in the engine); its trips are journalled as account "paper". */
export const PAPER_ACCOUNT = 'paper';
const ENGINE_TRADER = 'me';
/** The engine's markets are linear USDT contracts (DESIGN.md, "The domain"). */
const PAPER_ASSET = 'USDT';

export interface PaperHistory {
  readonly fills: FillRow[];
  /** Funding payments as FUNDING_FEE rows, so they match trips the same way an export's do. */
  readonly funding: TransactionRow[];
  /** Fill id -> the engine's liquidation id (its waterfall). */
  readonly liquidationOf: Map<string, number>;
  /** Entry order id -> the stop attached to it. */
  readonly attachedStops: Map<string, string>;
  /** Order id -> the plan's stop it was placed from. */
  readonly planStops: Map<string, string>;
  /** Leverage and margin mode changes per symbol, in time order. */
  readonly settings: Map<string, Array<{ t: number; leverage?: number; mode?: 'cross' | 'isolated' }>>;
  readonly scenario: string | null;
  /** Fill id -> engine order id. */
  readonly orderOf: Map<string, string>;
}

/** Reads the engine's history tables (written by the trading journal) into journal rows. */
export function readPaperHistory(db: Db): PaperHistory {
  const fills: FillRow[] = [];
  const liquidationOf = new Map<string, number>();
  const orderOf = new Map<string, string>();
  for (const { body } of db.prepare('SELECT body FROM trading_fills WHERE account = ? ORDER BY id').all(ENGINE_TRADER) as Array<{ body: string }>) {
    const f = JSON.parse(body) as FillView;
    const id = String(f.id);
    if (f.liquidationId !== null) liquidationOf.set(id, f.liquidationId);
    if (f.orderId !== null) orderOf.set(id, String(f.orderId));
    fills.push({
      account: PAPER_ACCOUNT,
      venue: 'paper',
      symbol: f.symbol,
      tradeId: id,
      t: f.t,
      // Liquidation/ADL fills carry the liquidation as their "order", so reconstruct flags them.
      orderId: f.liquidity === 'liquidation' || f.liquidity === 'adl' ? `liq:${f.liquidationId ?? 0}` : f.orderId === null ? null : String(f.orderId),
      side: f.side,
      positionSide: 'both',
      price: f.price,
      quantity: f.quantity,
      fee: f.fee,
      feeAsset: PAPER_ASSET,
      realizedPnl: f.realizedPnl,
      settleAsset: PAPER_ASSET,
      maker: f.liquidity === 'maker',
    });
  }
  const funding: TransactionRow[] = [];
  for (const { body } of db.prepare('SELECT body FROM trading_funding WHERE account = ? ORDER BY id').all(ENGINE_TRADER) as Array<{ body: string }>) {
    const p = JSON.parse(body) as FundingPaymentView;
    funding.push({ account: PAPER_ACCOUNT, venue: 'paper', txId: String(p.id), type: 'FUNDING_FEE', asset: PAPER_ASSET, t: p.t, amount: p.amount, symbol: p.symbol });
  }
  const attachedStops = new Map<string, string>();
  const firstVersions = db
    .prepare('SELECT body FROM trading_order_versions v WHERE account = ? AND seq = (SELECT MIN(seq) FROM trading_order_versions w WHERE w.order_id = v.order_id)')
    .all(ENGINE_TRADER) as Array<{ body: string }>;
  for (const { body } of firstVersions) {
    const o = JSON.parse(body) as OrderView;
    if (o.role === 'stopLoss' && o.parentId !== null && o.triggerPrice !== null && !attachedStops.has(String(o.parentId))) attachedStops.set(String(o.parentId), o.triggerPrice);
  }
  const planStops = new Map<string, string>();
  const planRows = db.prepare('SELECT po.order_id AS orderId, p.body AS body FROM plan_orders po JOIN plans p ON p.id = po.plan_id').all() as Array<{ orderId: number; body: string }>;
  for (const r of planRows) {
    try {
      const plan = JSON.parse(r.body) as { stop?: unknown };
      if (typeof plan.stop === 'string' && /^\d+(\.\d+)?$/.test(plan.stop)) planStops.set(String(r.orderId), plan.stop);
    } catch {
      // A plan body the planner wrote differently is not a stop: the trip simply has no plan stop.
    }
  }
  return { fills, funding, liquidationOf, attachedStops, planStops, settings: readSettings(db), scenario: readScenario(db), orderOf };
}

function readSettings(db: Db): PaperHistory['settings'] {
  const out: PaperHistory['settings'] = new Map();
  const push = (symbol: string, v: { t: number; leverage?: number; mode?: 'cross' | 'isolated' }) => {
    const list = out.get(symbol) ?? [];
    list.push(v);
    out.set(symbol, list);
  };
  const rows = db.prepare("SELECT t, kind, body FROM trading_events WHERE kind IN ('setup', 'command') ORDER BY seq").all() as Array<{ t: number; kind: string; body: string }>;
  for (const r of rows) {
    const e = JSON.parse(r.body) as Record<string, unknown>;
    if (r.kind === 'setup') {
      const setup = e.setup as { accounts?: Array<{ id: string; settings?: Array<{ symbol: string; leverage: number; mode: 'cross' | 'isolated' }> }> } | undefined;
      for (const a of setup?.accounts ?? []) if (a.id === ENGINE_TRADER) for (const s of a.settings ?? []) push(s.symbol, { t: r.t, leverage: s.leverage, mode: s.mode });
      continue;
    }
    if (e.account !== ENGINE_TRADER) continue;
    const c = e.command as { type?: string; symbol?: string; leverage?: number; mode?: 'cross' | 'isolated' } | undefined;
    if (c?.type === 'setLeverage' && c.symbol) push(c.symbol, { t: r.t, leverage: c.leverage });
    if (c?.type === 'setMarginMode' && c.symbol) push(c.symbol, { t: r.t, mode: c.mode });
  }
  return out;
}

function readScenario(db: Db): string | null {
  const row = db.prepare("SELECT value FROM trading_meta WHERE key = 'session'").get() as { value: string } | undefined;
  if (!row) return null;
  try {
    const s = JSON.parse(row.value) as { name?: unknown };
    return typeof s.name === 'string' ? s.name : null;
  } catch {
    return null;
  }
}

/** Leverage and margin mode in force at `t`. */
export function settingsAt(history: PaperHistory, symbol: string, t: number): { leverage: number | null; mode: 'cross' | 'isolated' | null } {
  let leverage: number | null = null;
  let mode: 'cross' | 'isolated' | null = null;
  for (const s of history.settings.get(symbol) ?? []) {
    if (s.t > t) break;
    if (s.leverage !== undefined) leverage = s.leverage;
    if (s.mode !== undefined) mode = s.mode;
  }
  return { leverage, mode };
}

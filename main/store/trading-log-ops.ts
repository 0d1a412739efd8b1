import type { EngineEvent } from '#shared/domain/trading-commands';
import { eventTime } from '#shared/domain/trading-commands';
import type { Effect } from '#main/engine/effects';
import { accountKindOf } from '#main/engine/model/ids';
import { TickColumnsBuilder, eventBodies, plainTickLayout } from './tick-columns';

/** One applied engine event and what it did: the unit that commits whole or not at all. */
export interface LoggedEvent {
  readonly seq: number;
  readonly event: EngineEvent;
  readonly effects: readonly Effect[];
  /** A command placed from a saved plan: the orders it created are linked to the plan (plan_orders). */
  readonly plan?: { readonly planId: string; readonly orderIds: readonly number[] };
  /** Its effects' rows written ahead as PACKED_ROWS texts in UTF-8 (encodeRowsSteps); else encoded at the commit. */
  readonly rows?: readonly Uint8Array[];
}

export interface StoredSnapshot {
  readonly seq: number;
  readonly t: number | null;
  readonly hash: string;
  readonly body: string;
  /** The engine's liquidation index at that point (JSON), when it was stored with the snapshot. */
  readonly index?: string | null;
}

/** A stored snapshot with its body as UTF-8 bytes (TradingLogRepo.latestSnapshotBytes; its index: snapshotIndexBytes). */
export interface SnapshotBytes {
  readonly seq: number;
  readonly t: number | null;
  readonly hash: string;
  readonly body: Buffer;
}

/**
 * A snapshot's text as written: a string, or its UTF-8 bytes in chunks (a big state's snapshot is
 * written in slices on main and handed to the log writer's thread without a copy: joining and
 * posting 70 MB of text held main 200-400 ms in one piece). The chunks are decoded where the
 * statement runs.
 */
export type SnapshotText = string | readonly Uint8Array[];

export interface SnapshotToStore {
  readonly seq: number;
  readonly t: number | null;
  readonly hash: string;
  readonly body: SnapshotText;
  readonly index?: SnapshotText | null;
}

/** A SnapshotText as a string (chunks are concatenated, then decoded once). */
export function snapshotText(x: SnapshotText): string {
  return typeof x === 'string' ? x : Buffer.concat(x).toString('utf8');
}

/** Event rows per multi-row INSERT (1,024 parameters: well under SQLite's 32,766). */
export const EVENT_CHUNK = 256;

/**
 * The statements a commit of the trading log runs, by index: a commit is encoded once (on main's
 * thread) as a flat list of primitives, [statement, ...its parameters, statement, ...], which
 * either main's connection or the log writer's worker (log-writer.ts) runs in one transaction.
 * Plain SQL text, so the worker (plain JavaScript) prepares the same statements.
 */
export const LOG_STATEMENTS: readonly string[] = [
  'INSERT INTO trading_events (seq, t, kind, body) VALUES (?, ?, ?, ?)',
  `INSERT INTO trading_events (seq, t, kind, body) VALUES ${Array(EVENT_CHUNK).fill('(?, ?, ?, ?)').join(', ')}`,
  'INSERT OR REPLACE INTO trading_snapshots (seq, t, hash, body, index_body) VALUES (?, ?, ?, ?, ?)',
  'INSERT OR REPLACE INTO trading_order_versions (order_id, seq, account, symbol, status, updated_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
  'INSERT INTO trading_fills (id, seq, t, account, symbol, body) VALUES (?, ?, ?, ?, ?, ?)',
  'INSERT INTO trading_funding (id, seq, t, account, symbol, body) VALUES (?, ?, ?, ?, ?, ?)',
  'INSERT INTO trading_liquidations (id, seq, t, account, is_trader, symbol, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
  'INSERT INTO trading_insurance (id, seq, t, body) VALUES (?, ?, ?, ?)',
  'INSERT INTO trading_balance (seq, t, account, body) VALUES (?, ?, ?, ?)',
  'INSERT OR IGNORE INTO plan_orders (order_id, plan_id, seq) VALUES (?, ?, ?)',
  // An attached stop or take-profit belongs to the plan of the entry it was attached to.
  'INSERT OR IGNORE INTO plan_orders (order_id, plan_id, seq) SELECT ?, plan_id, ? FROM plan_orders WHERE order_id = ?',
];

/** Indexes into LOG_STATEMENTS. */
export const S = { event: 0, events: 1, snapshot: 2, order: 3, fill: 4, funding: 5, liquidation: 6, insurance: 7, balance: 8, planOrder: 9, inheritPlanOrder: 10 } as const;

/** How many parameters each statement takes (the '?' in its text). */
export const LOG_ARITY: readonly number[] = LOG_STATEMENTS.map((sql) => sql.split('?').length - 1);

export type LogOps = Array<number | string | null | Float64Array | Uint8Array | readonly Uint8Array[]>;

/**
 * Order and fill rows are kept for trader accounts only. The crowd's (100,000 entry fills and
 * 30,000 stops when a big crowd opens) and the liquidity account's are never read: the views ask
 * for the trader's history, and the crowd's liquidations have rows of their own. They stay
 * derivable from the event log, which holds every event.
 */
function keepsHistory(account: string): boolean {
  return accountKindOf(account) === 'trader';
}

/**
 * The op that inserts a group's event rows: [PACKED_EVENTS, n, seq and t of each (Float64Array of
 * 2n), the kinds joined by '\n', the bodies of the events that are not plain ticks, the separator
 * between two of those bodies, which events are plain ticks (Uint8Array of n: 0, or 1 + the
 * tick's layout; null when none is), the plain ticks' columns (tick-columns.ts: numbers and text,
 * or null)]. A few strings per group instead of thousands: handing a group to the log writer's
 * worker copies it (structured clone), and long strings copy at memory speed.
 *
 * The other bodies are written by one JSON.stringify of them all with a marker string between
 * the events (a third cheaper than a call per event), then split on the marker's JSON text. A
 * group where that text occurs more often than between its events (an event holding the marker
 * itself) is written one event at a time and joined by '\n' instead (JSON never holds a raw newline).
 */
export const PACKED_EVENTS = -1;
/** Slots of a PACKED_EVENTS op, the op itself included. */
export const PACKED_EVENTS_SLOTS = 9;

/**
 * The op that runs ops written ahead as one JSON text: [PACKED_ROWS, [its UTF-8 bytes]]. A
 * cascade's thousands of history rows (a liquidation, its insurance entries, its ADL) are
 * encoded in steps while the event is applied in steps (encodeRowsSteps), a few hundred effects
 * per text: at the group's commit, encoding 20,000 liquidations' rows and handing them to the log
 * writer (a structured clone of every value) held main 135-150 ms in one piece. The bytes are
 * moved to the writer's thread as a snapshot's chunks are, not copied. Row ops hold only
 * numbers, strings and nulls, whose JSON round trip is exact.
 */
export const PACKED_ROWS = -2;

const MARKER = '\u0000levdesk-next-event\u0000';
/** What separates two events in JSON.stringify([e1, MARKER, e2, MARKER, ...]). */
const MARKER_SEPARATOR = `,${JSON.stringify(MARKER)},`;

/** The JSON bodies of `events` and the separator that splits them (see PACKED_EVENTS). */
function packBodies(events: readonly EngineEvent[]): [string, string] {
  const n = events.length;
  const marked: unknown[] = new Array<unknown>(Math.max(0, 2 * n - 1));
  for (let i = 0; i < n; i++) {
    marked[2 * i] = events[i];
    if (i < n - 1) marked[2 * i + 1] = MARKER;
  }
  const text = JSON.stringify(marked);
  let count = 0;
  for (let at = text.indexOf(MARKER_SEPARATOR); at !== -1; at = text.indexOf(MARKER_SEPARATOR, at + MARKER_SEPARATOR.length)) count += 1;
  if (count === Math.max(0, n - 1)) return [text.slice(1, -1), MARKER_SEPARATOR];
  return [events.map((e) => JSON.stringify(e)).join('\n'), '\n'];
}

/** The statements that append whole events with their rows (and optionally a snapshot). */
export function encodeAppend(batch: readonly LoggedEvent[], snapshot: SnapshotToStore | undefined): LogOps {
  const n = batch.length;
  const seqT = new Float64Array(2 * n);
  const kinds: string[] = new Array<string>(n);
  let layouts: Uint8Array | null = null;
  const ticks = new TickColumnsBuilder(n);
  const others: EngineEvent[] = [];
  for (let i = 0; i < n; i++) {
    const event = batch[i]!.event;
    const layout = plainTickLayout(event);
    if (layout === -1 || event.kind !== 'tick') {
      others.push(event);
      continue;
    }
    layouts ??= new Uint8Array(n);
    layouts[i] = layout + 1;
    ticks.add(event.tick, layout);
  }
  const [bodies, separator] = packBodies(others);
  const columns = layouts ? ticks.build() : null;
  const ops: LogOps = [PACKED_EVENTS, n, seqT, '', bodies, separator, layouts, columns?.nums ?? null, columns?.text ?? null];
  for (let i = 0; i < n; i++) {
    const e = batch[i]!;
    seqT[2 * i] = e.seq;
    seqT[2 * i + 1] = eventTime(e.event);
    kinds[i] = e.event.kind;
    if (e.rows) {
      encodePlan(e, ops);
      for (const bytes of e.rows) ops.push(PACKED_ROWS, [bytes]);
    } else if (e.plan || e.effects.length > 0) {
      encodePlan(e, ops);
      for (const x of e.effects) encodeEffect(e.seq, x, ops);
    }
  }
  ops[3] = kinds.join('\n');
  if (snapshot) ops.push(S.snapshot, snapshot.seq, snapshot.t, snapshot.hash, snapshot.body, snapshot.index ?? null);
  return ops;
}

/** The plan links of one event's orders: before its effects, so attached orders created by the same command inherit the link. */
function encodePlan(e: LoggedEvent, ops: LogOps): void {
  if (e.plan) for (const id of e.plan.orderIds) ops.push(S.planOrder, id, e.plan.planId, e.seq);
}

/**
 * The history rows of an event's effects as PACKED_ROWS texts of `every` effects each, pausing
 * after each text: what encodeAppend would write for them, spread over the event's own slices.
 */
export function* encodeRowsSteps(seq: number, effects: readonly Effect[], every: number): Generator<void, Uint8Array[]> {
  const texts: Uint8Array[] = [];
  for (let from = 0; from < effects.length; from += every) {
    const ops: LogOps = [];
    for (let i = from; i < Math.min(effects.length, from + every); i++) encodeEffect(seq, effects[i]!, ops);
    if (ops.length > 0) texts.push(utf8.encode(JSON.stringify(ops)));
    yield;
  }
  return texts;
}

const utf8 = new TextEncoder();

/** The history row of one effect, if it has one. */
function encodeEffect(seq: number, x: Effect, ops: LogOps): void {
  switch (x.kind) {
    case 'order':
      if (!keepsHistory(x.account)) break;
      ops.push(S.order, x.order.id, seq, x.account, x.order.symbol, x.order.status, x.order.updatedAt, JSON.stringify(x.order));
      if (x.order.parentId !== null) ops.push(S.inheritPlanOrder, x.order.id, seq, x.order.parentId);
      break;
    case 'fill':
      if (!keepsHistory(x.fill.account)) break;
      ops.push(S.fill, x.fill.id, seq, x.fill.t, x.fill.account, x.fill.symbol, JSON.stringify(x.fill));
      break;
    case 'funding':
      ops.push(S.funding, x.payment.id, seq, x.payment.t, x.payment.account, x.payment.symbol, JSON.stringify(x.payment));
      break;
    case 'liquidation': {
      const l = x.liquidation;
      ops.push(S.liquidation, l.id, seq, l.t, l.account, l.isTrader ? 1 : 0, l.symbol, JSON.stringify(l));
      break;
    }
    case 'insurance':
      ops.push(S.insurance, x.entry.id, seq, x.entry.t, JSON.stringify(x.entry));
      break;
    case 'balance':
      ops.push(S.balance, seq, x.entry.t, x.entry.account, JSON.stringify(x.entry));
      break;
    case 'position':
    case 'triggered':
    case 'fundingSettled':
    case 'crowdArrived':
      break; // derivable from the state or the rows above; pushed to the UI only
    default: {
      const never: never = x;
      throw new Error(`unknown effect ${String(never)}`);
    }
  }
}

/**
 * Runs encoded ops with `statements` prepared from LOG_STATEMENTS (the caller holds the
 * transaction). The log writer's worker runs the same loop (log-writer.ts, in plain JavaScript).
 */
export function runOps(statements: ReadonlyArray<{ run(...params: unknown[]): unknown }>, ops: LogOps): void {
  let i = 0;
  while (i < ops.length) {
    const s = ops[i] as number;
    if (s === PACKED_ROWS) {
      runOps(statements, JSON.parse(snapshotText(ops[i + 1] as readonly Uint8Array[])) as LogOps);
      i += 2;
      continue;
    }
    if (s === PACKED_EVENTS) {
      const bodies = eventBodies(ops[i + 1] as number, ops[i + 4] as string, ops[i + 5] as string, ops[i + 6] as Uint8Array | null, ops[i + 7] as Float64Array | null, ops[i + 8] as string | null);
      insertEvents(statements, ops[i + 1] as number, ops[i + 2] as Float64Array, ops[i + 3] as string, bodies);
      i += PACKED_EVENTS_SLOTS;
      continue;
    }
    const n = LOG_ARITY[s];
    if (n === undefined) throw new Error(`bad log op ${String(s)} at ${i}`);
    statements[s]!.run(...ops.slice(i + 1, i + 1 + n).map((p) => (Array.isArray(p) ? snapshotText(p as readonly Uint8Array[]) : p)));
    i += 1 + n;
  }
}

/** Event rows go in EVENT_CHUNK at a time: one statement per row was most of a tick's cost. */
function insertEvents(statements: ReadonlyArray<{ run(...params: unknown[]): unknown }>, n: number, seqT: Float64Array, kindsText: string, bodies: readonly string[]): void {
  if (n === 0) return;
  const kinds = kindsText.split('\n');
  if (kinds.length !== n || bodies.length !== n) throw new Error(`a packed group of ${n} events has ${kinds.length} kinds and ${bodies.length} bodies`);
  let row = 0;
  const params: Array<number | string> = [];
  for (; row + EVENT_CHUNK <= n; row += EVENT_CHUNK) {
    params.length = 0;
    for (let r = row; r < row + EVENT_CHUNK; r++) params.push(seqT[2 * r]!, seqT[2 * r + 1]!, kinds[r]!, bodies[r]!);
    statements[S.events]!.run(...params);
  }
  for (; row < n; row++) statements[S.event]!.run(seqT[2 * row]!, seqT[2 * row + 1]!, kinds[row]!, bodies[row]!);
}

import type { EngineEvent } from '#shared/domain/trading-commands';

/**
 * Price updates handed to the log writer as columns, and stored as a packed row (issue 10 item 8).
 *
 * A persisted replay is almost all price updates. Writing each one's JSON on main's thread and
 * handing the text to the writer's worker cost ~1.5 µs an event there (the JSON.stringify of a
 * group builds its text in pieces, and the first read of it, or the copy to the worker, flattens
 * 380 KB of pieces): a third of what main spent per event. A plain tick instead goes as its three
 * numbers and its strings. And where the group commits, it is stored as a packed body,
 * `~L|t|symbol|last|index|mark|depthScale|spreadBps[|price1|price2]` (L: its layout), not as its
 * ~150 bytes of JSON: SQLite's insert of a row costs about in proportion to its size (2.7 µs
 * for the JSON row, 1.6 µs for the packed one, measured alone here), and the checkpointer copies
 * every byte again. The writer's thread was what a persisted replay waited for.
 *
 * A tick is plain when decodeEventBody gives back an event whose JSON.stringify is the tick's own:
 * its keys are one of TICK_LAYOUTS in that order (the event's are kind, tick; the liquidity's
 * depthScale, spreadBps; the mark components' price1, price2), its numbers are finite and its
 * strings need no escape in JSON and hold no '|'. Any other event is stored as its JSON, as before.
 * A JSON body starts with '{', a packed one with '~'.
 */
export interface TickColumns {
  /** Per plain tick: t, liquidity.depthScale, liquidity.spreadBps. */
  readonly nums: Float64Array;
  /** The plain ticks' strings in their layout's order, each followed by '\n' (none holds one). */
  readonly text: string;
}

/**
 * The key orders of a plain tick: the engine's own (and the benches'), and the market feed's,
 * with a stored mark or with a modelled mark and its components (market-feed.ts computeTick).
 * Their strings come in the same order in all three (symbol, last, index, mark, then the mark's
 * components), as TickColumnsBuilder.add writes them.
 */
export const TICK_LAYOUTS: ReadonlyArray<readonly string[]> = [
  ['t', 'symbol', 'last', 'index', 'mark', 'liquidity'],
  ['t', 'symbol', 'last', 'index', 'liquidity', 'mark'],
  ['t', 'symbol', 'last', 'index', 'liquidity', 'mark', 'markComponents'],
];
/** The layout that carries the mark's components. */
const WITH_COMPONENTS = 2;

type Tick = Extract<EngineEvent, { kind: 'tick' }>['tick'];

/**
 * Whether JSON.stringify writes `s` between quotes as it is (no quote, backslash, control
 * character or lone surrogate) and a packed body can hold it (no '|').
 */
function plainString(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x7c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

function hasKeys(o: unknown, a: string, b: string): boolean {
  if (o === null || typeof o !== 'object') return false;
  let i = 0;
  for (const k in o) if (k !== (i++ === 0 ? a : b)) return false;
  return i === 2;
}

/** The index in TICK_LAYOUTS of `tick`'s keys, or -1. */
function layoutOf(tick: object): number {
  let alive = (1 << TICK_LAYOUTS.length) - 1;
  let i = 0;
  for (const k in tick) {
    for (let l = 0; l < TICK_LAYOUTS.length; l++) if (TICK_LAYOUTS[l]![i] !== k) alive &= ~(1 << l);
    if (alive === 0) return -1;
    i += 1;
  }
  for (let l = 0; l < TICK_LAYOUTS.length; l++) if (alive & (1 << l) && TICK_LAYOUTS[l]!.length === i) return l;
  return -1;
}

/** The layout of `e` when it is a plain tick (see above), else -1. */
export function plainTickLayout(e: EngineEvent): number {
  if (e.kind !== 'tick' || !hasKeys(e, 'kind', 'tick')) return -1;
  const t: Tick = e.tick;
  if (t === null || typeof t !== 'object') return -1;
  const layout = layoutOf(t);
  if (layout === -1) return -1;
  const l = t.liquidity;
  if (!hasKeys(l, 'depthScale', 'spreadBps') || !Number.isFinite(t.t) || !Number.isFinite(l.depthScale) || !Number.isFinite(l.spreadBps)) return -1;
  if (!plainString(t.symbol) || !plainString(t.last) || !plainString(t.index) || !plainString(t.mark)) return -1;
  const c = t.markComponents;
  if (layout === WITH_COMPONENTS && (!hasKeys(c, 'price1', 'price2') || !plainString(c!.price1) || !plainString(c!.price2))) return -1;
  return layout;
}

/** Collects plain ticks in columns. */
export class TickColumnsBuilder {
  private readonly nums: Float64Array;
  // Joined once at the end: one flat string to copy, where += would leave thousands of pieces.
  private readonly strings: string[] = [];
  private count = 0;

  constructor(capacity: number) {
    this.nums = new Float64Array(3 * capacity);
  }

  /** `layout`: plainTickLayout(event), not -1. */
  add(t: Tick, layout: number): void {
    const at = 3 * this.count++;
    this.nums[at] = t.t;
    this.nums[at + 1] = t.liquidity.depthScale;
    this.nums[at + 2] = t.liquidity.spreadBps;
    this.strings.push(t.symbol, t.last, t.index, t.mark);
    if (layout === WITH_COMPONENTS) this.strings.push(t.markComponents!.price1, t.markComponents!.price2);
  }

  build(): TickColumns {
    return { nums: this.nums.slice(0, 3 * this.count), text: this.count === 0 ? '' : `${this.strings.join('\n')}\n` };
  }
}

/**
 * eventBodies(n, othersText, separator, layouts, nums, text, tickLayouts): the n bodies of a
 * packed group (trading-log-ops.ts PACKED_EVENTS). layouts[i] is 0 for an event whose body is the
 * next of othersText split on separator, else 1 + its tick layout: its packed body is written from
 * the columns.
 *
 * Plain JavaScript in a string: the log writer's worker (eval'd) runs this very text, and main's
 * connection runs it through eventBodies below, so the two cannot drift apart.
 */
export const EVENT_BODIES_SOURCE = `function eventBodies(n, othersText, separator, layouts, nums, text, tickLayouts) {
  if (n === 0) return [];
  const bodies = new Array(n);
  let ticks = 0;
  if (layouts) for (let i = 0; i < n; i++) if (layouts[i] !== 0) ticks += 1;
  const others = ticks === n ? [] : othersText.split(separator);
  if (ticks + others.length !== n) throw new Error('a packed group of ' + n + ' events has ' + ticks + ' ticks and ' + others.length + ' other bodies');
  if (ticks > 0 && nums.length !== 3 * ticks) throw new Error('the tick columns hold ' + nums.length / 3 + ' ticks, not ' + ticks);
  // Whether each layout carries the mark's two components (two more strings).
  const components = tickLayouts.map((keys) => keys.indexOf('markComponents') !== -1);
  let o = 0;
  let k = 0;
  let at = 0;
  const next = () => {
    const end = text.indexOf('\\n', at);
    if (end === -1) throw new Error('the tick columns hold fewer strings than their ticks');
    const s = text.slice(at, end);
    at = end + 1;
    return s;
  };
  for (let i = 0; i < n; i++) {
    if (!layouts || layouts[i] === 0) {
      bodies[i] = others[o++];
      continue;
    }
    const layout = layouts[i] - 1;
    let body = '~' + layout + '|' + nums[3 * k] + '|' + next() + '|' + next() + '|' + next() + '|' + next() + '|' + nums[3 * k + 1] + '|' + nums[3 * k + 2];
    if (components[layout]) body += '|' + next() + '|' + next();
    bodies[i] = body;
    k += 1;
  }
  if (ticks > 0 && at !== text.length) throw new Error('the tick columns hold more strings than their ticks');
  return bodies;
}`;

type EventBodies = (n: number, othersText: string, separator: string, layouts: Uint8Array | null, nums: Float64Array | null, text: string | null, tickLayouts: ReadonlyArray<readonly string[]>) => string[];

// The worker's own text, run here as well (see above).
const compiled = new Function(`return ${EVENT_BODIES_SOURCE}`)() as EventBodies;

/** The n bodies of a packed group (see EVENT_BODIES_SOURCE). */
export function eventBodies(n: number, othersText: string, separator: string, layouts: Uint8Array | null, nums: Float64Array | null, text: string | null): string[] {
  return compiled(n, othersText, separator, layouts, nums, text, TICK_LAYOUTS);
}

/** Where each string of a tick stands in a packed body split on '|'. */
const STRING_FIELD: Readonly<Record<string, number>> = { symbol: 2, last: 3, index: 4, mark: 5 };

/** A stored event body (trading_events.body) as its event: JSON, or a packed tick (see above). */
export function decodeEventBody(body: string): EngineEvent {
  if (body.charCodeAt(0) !== 0x7e) return JSON.parse(body) as EngineEvent;
  const f = body.split('|');
  const layout = Number(body.slice(1, body.indexOf('|')));
  const keys = TICK_LAYOUTS[layout];
  if (keys === undefined || f.length !== (keys.includes('markComponents') ? 10 : 8)) {
    throw new Error(`a trading event's body is neither JSON nor a packed tick: ${body.slice(0, 200)}`);
  }
  // Built in the layout's key order, so the event is the one stored (JSON.stringify of it
  // included), and only what the layout holds (this runs for every tick a rebuild replays).
  const tick: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === 't') tick.t = Number(f[1]);
    else if (key === 'liquidity') tick.liquidity = { depthScale: Number(f[6]), spreadBps: Number(f[7]) };
    else if (key === 'markComponents') tick.markComponents = { price1: f[8], price2: f[9] };
    else tick[key] = f[STRING_FIELD[key]!];
  }
  return { kind: 'tick', tick: tick as Tick };
}

import type { EngineEvent } from '#shared/domain/trading-commands';

/**
 * Price updates handed to the log writer as columns instead of JSON text (issue 10 item 8).
 *
 * A persisted replay is almost all price updates. Writing each one's JSON on main's thread and
 * handing the text to the writer's worker cost ~1.5 µs an event there (the JSON.stringify of a
 * group builds its text in pieces, and the first read of it, or the copy to the worker, flattens
 * 380 KB of pieces): a third of what main spent per event. A plain tick instead goes as its three
 * numbers and its strings, and the body is written from them where the group is committed.
 *
 * A tick is plain when its JSON.stringify is exactly what EVENT_BODIES_SOURCE writes: its keys
 * are one of TICK_LAYOUTS in that order (the event's are kind, tick; the liquidity's depthScale,
 * spreadBps; the mark components' price1, price2), its numbers are finite and its strings need no
 * escape in JSON. Anything else (an extra key, another order) is written by JSON.stringify as
 * before. So a stored body is byte for byte what it was.
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

type Tick = Extract<EngineEvent, { kind: 'tick' }>['tick'];

/** Whether JSON.stringify writes `s` between quotes as it is (no quote, backslash, control character or lone surrogate). */
function plainString(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
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
  if (layout === 2 && (!hasKeys(c, 'price1', 'price2') || !plainString(c!.price1) || !plainString(c!.price2))) return -1;
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
    if (layout === 2) this.strings.push(t.markComponents!.price1, t.markComponents!.price2);
  }

  build(): TickColumns {
    return { nums: this.nums.slice(0, 3 * this.count), text: this.count === 0 ? '' : `${this.strings.join('\n')}\n` };
  }
}

/**
 * eventBodies(n, othersText, separator, layouts, nums, text, tickLayouts): the n bodies of a
 * packed group (trading-log-ops.ts PACKED_EVENTS). layouts[i] is 0 for an event whose body is the
 * next of othersText split on separator, else 1 + its tick layout, written from the columns.
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
  // Each layout's keys as [what, the text before the value], worked out once per group.
  const plans = tickLayouts.map((keys) => keys.map((key, j) => {
    const head = (j > 0 ? ',' : '') + '"' + key + '":';
    return key === 't' ? [0, head] : key === 'liquidity' ? [1, head] : key === 'markComponents' ? [2, head] : [3, head + '"'];
  }));
  for (let i = 0; i < n; i++) {
    if (!layouts || layouts[i] === 0) {
      bodies[i] = others[o++];
      continue;
    }
    const plan = plans[layouts[i] - 1];
    let body = '{"kind":"tick","tick":{';
    for (let j = 0; j < plan.length; j++) {
      const step = plan[j];
      if (step[0] === 0) body += step[1] + nums[3 * k];
      else if (step[0] === 1) body += step[1] + '{"depthScale":' + nums[3 * k + 1] + ',"spreadBps":' + nums[3 * k + 2] + '}';
      else if (step[0] === 2) body += step[1] + '{"price1":"' + next() + '","price2":"' + next() + '"}';
      else body += step[1] + next() + '"';
    }
    bodies[i] = body + '}}';
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

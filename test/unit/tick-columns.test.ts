import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { TICK_LAYOUTS, TickColumnsBuilder, decodeEventBody, eventBodies, plainTickLayout } from '#main/store/tick-columns';

type Tick = Extract<EngineEvent, { kind: 'tick' }>['tick'];

/** A tick with its keys in the order of `keys` (the order JSON.stringify follows). */
function tickIn(keys: readonly string[], v: { t: number; symbol: string; last: string; index: string; mark: string; depthScale: number; spreadBps: number; p1: string; p2: string }): EngineEvent {
  const tick: Record<string, unknown> = {};
  for (const k of keys) {
    if (k === 'liquidity') tick.liquidity = { depthScale: v.depthScale, spreadBps: v.spreadBps };
    else if (k === 'markComponents') tick.markComponents = { price1: v.p1, price2: v.p2 };
    else tick[k] = (v as Record<string, unknown>)[k];
  }
  return { kind: 'tick', tick: tick as Tick };
}

const base = { t: 1_700_000_000_000, symbol: 'BTCUSDT', last: '100000.5', index: '100001', mark: '100000.7', depthScale: 1, spreadBps: 1, p1: '100002', p2: '99999.9' };

/** The bodies of `events` written as a packed group writes them (plain ticks packed, from columns). */
function written(events: readonly EngineEvent[]): string[] {
  const builder = new TickColumnsBuilder(events.length);
  const layouts = new Uint8Array(events.length);
  const others: string[] = [];
  events.forEach((e, i) => {
    const layout = plainTickLayout(e);
    if (layout === -1 || e.kind !== 'tick') others.push(JSON.stringify(e));
    else {
      layouts[i] = layout + 1;
      builder.add(e.tick, layout);
    }
  });
  const { nums, text } = builder.build();
  return eventBodies(events.length, others.join('\n'), '\n', layouts, nums, text);
}

/** What each body reads back as, written as JSON (key order included). */
const readBack = (bodies: readonly string[]): string[] => bodies.map((b) => JSON.stringify(decodeEventBody(b)));

describe('tick columns: price updates stored packed, written from their numbers and strings', () => {
  it('knows the three layouts of a plain tick, packs each, and reads each back as the same event', () => {
    const events = TICK_LAYOUTS.map((keys) => tickIn(keys, base));
    expect(events.map(plainTickLayout)).toEqual([0, 1, 2]);
    const bodies = written(events);
    expect(bodies).toEqual([
      '~0|1700000000000|BTCUSDT|100000.5|100001|100000.7|1|1',
      '~1|1700000000000|BTCUSDT|100000.5|100001|100000.7|1|1',
      '~2|1700000000000|BTCUSDT|100000.5|100001|100000.7|1|1|100002|99999.9',
    ]);
    expect(bodies.map(decodeEventBody)).toEqual(events);
    expect(readBack(bodies)).toEqual(events.map((e) => JSON.stringify(e)));
  });

  it('stores as its JSON a tick it cannot pack', () => {
    const odd: EngineEvent[] = [
      tickIn(['symbol', 't', 'last', 'index', 'mark', 'liquidity'], base), // another key order
      tickIn([...TICK_LAYOUTS[0]!, 'markComponents'], base), // components after liquidity
      { kind: 'tick', tick: { ...(tickIn(TICK_LAYOUTS[0]!, base) as { tick: Tick }).tick, extra: 1 } as Tick },
      tickIn(TICK_LAYOUTS[0]!, { ...base, last: 'a"b' }),
      tickIn(TICK_LAYOUTS[0]!, { ...base, index: 'a\\b' }),
      tickIn(TICK_LAYOUTS[0]!, { ...base, mark: '1\n2' }),
      tickIn(TICK_LAYOUTS[0]!, { ...base, symbol: 'BTC\u0001' }),
      tickIn(TICK_LAYOUTS[0]!, { ...base, symbol: 'BTC\ud800' }),
      tickIn(TICK_LAYOUTS[0]!, { ...base, symbol: 'BTC|USDT' }),
      tickIn(TICK_LAYOUTS[2]!, { ...base, p2: '"' }),
      tickIn(TICK_LAYOUTS[0]!, { ...base, depthScale: Number.POSITIVE_INFINITY }),
      tickIn(TICK_LAYOUTS[0]!, { ...base, t: Number.NaN }),
      tickIn(TICK_LAYOUTS[0]!, { ...base, last: 5 as unknown as string }),
      { kind: 'tick', tick: { ...base, liquidity: { spreadBps: 1, depthScale: 1 } } as unknown as Tick },
      { kind: 'tick', tick: { ...(tickIn(TICK_LAYOUTS[1]!, base) as { tick: Tick }).tick, markComponents: undefined } as Tick },
      { kind: 'funding', funding: { t: 1, symbol: 'BTCUSDT', rate: '0.0001' as never, intervalHours: 8, source: 'model' } },
    ];
    for (const e of odd) expect(plainTickLayout(e), JSON.stringify(e)).toBe(-1);
    const mixed = [tickIn(TICK_LAYOUTS[1]!, base), ...odd, tickIn(TICK_LAYOUTS[2]!, base)];
    const bodies = written(mixed);
    // The odd ones are their own JSON, byte for byte; the two plain ones are packed.
    expect(bodies.slice(1, -1)).toEqual(odd.map((e) => JSON.stringify(e)));
    expect([bodies[0]![0], bodies.at(-1)![0]]).toEqual(['~', '~']);
    expect(readBack(bodies)).toEqual(mixed.map((e) => JSON.stringify(e)));
  });

  it('reads any event back as the same JSON, plain ticks among others (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '9', '.', '-', 'e', 'A', 'é', '€', '😀', ' '), minLength: 1, maxLength: 12 });
    const num = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(-0));
    const tick = fc.record({ layout: fc.integer({ min: 0, max: 2 }), t: num, symbol: text, last: text, index: text, mark: text, depthScale: num, spreadBps: num, p1: text, p2: text });
    const other = fc.record({ kind: fc.constant('tick'), tick: fc.record({ t: num, symbol: fc.string(), notes: fc.string() }) });
    fc.assert(
      fc.property(fc.array(fc.oneof(tick, other), { maxLength: 40 }), (items) => {
        const events = items.map((x) => ('layout' in x ? tickIn(TICK_LAYOUTS[x.layout]!, x) : (x as unknown as EngineEvent)));
        expect(readBack(written(events))).toEqual(events.map((e) => JSON.stringify(e)));
      }),
    );
  });

  it('refuses a body that is neither JSON nor a packed tick, and columns that do not match their ticks', () => {
    expect(() => decodeEventBody('~7|1|BTCUSDT|1|1|1|1|1')).toThrow(/neither JSON nor a packed tick: ~7/);
    expect(() => decodeEventBody('~0|1|BTCUSDT|1|1|1|1')).toThrow(/neither JSON nor a packed tick/);
    expect(() => decodeEventBody('~2|1|BTCUSDT|1|1|1|1|1')).toThrow(/neither JSON nor a packed tick/);
    const b = new TickColumnsBuilder(1);
    b.add((tickIn(TICK_LAYOUTS[0]!, base) as { tick: Tick }).tick, 0);
    const { nums, text } = b.build();
    expect(() => eventBodies(1, '', '\n', new Uint8Array([1]), nums, text.slice(0, -1))).toThrow(/fewer strings/);
    expect(() => eventBodies(1, '', '\n', new Uint8Array([1]), nums, `${text}x\n`)).toThrow(/more strings/);
    expect(() => eventBodies(2, '', '\n', new Uint8Array([1, 1]), nums, text)).toThrow(/columns hold 1 ticks, not 2/);
  });
});

import { describe, expect, it } from 'vitest';
import { ReplayStatusSchema, type ReplayFrame, type ReplayStatus } from '#shared/domain/market-replay';
import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import { ScenarioSchema } from '#shared/domain/scenario';
import type { DecimalString } from '#shared/money/decimal';
import type { MarketData } from '#main/market/feed/compile';
import type { ClockTimers } from '#main/market/replay/clock';
import { HISTORY_BARS } from '#main/market/replay/history-bars';
import { ReplayService } from '#main/market/replay/replay-service';
import type { TickSink } from '#main/market/replay/sink';

/** A wall clock that moves only when told to (or when a sink "works"). */
class FakeTimers implements ClockTimers {
  t = 0;
  private seq = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  now(): number {
    return this.t;
  }
  later(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  cancel(h: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  /** Runs every timer due within the next `ms`, in time order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
  }
}

const NO_DATA: MarketData = {
  findSeries: () => null,
  candles: () => [],
  fundingRange: () => [],
  fundingBefore: () => null,
};

// 2 hours at 15 s steps = 480 ticks; the 08:00 funding settlement falls inside.
const SCENARIO = ScenarioSchema.parse({
  name: 'clock',
  symbol: 'BTCUSDT',
  start: '2024-01-01T07:00:00Z',
  durationMinutes: 120,
  seed: 9,
  stepMs: 15_000,
  market: { type: 'gbm', startPrice: '40000', volatility: 0.5 },
});
const START = Date.parse(SCENARIO.start);

class Recorder implements TickSink {
  ticks: MarketTick[] = [];
  funding: FundingTick[] = [];
  resets: number[] = [];
  constructor(private readonly work?: () => void) {}
  onTick(t: MarketTick): void {
    this.work?.();
    this.ticks.push(t);
  }
  onFunding(f: FundingTick): void {
    this.funding.push(f);
  }
  onReset(t: number): void {
    this.resets.push(t);
  }
}

function setup(work?: (timers: FakeTimers) => void) {
  const timers = new FakeTimers();
  const frames: ReplayFrame[] = [];
  const statuses: ReplayStatus[] = [];
  const replay = new ReplayService({ data: () => NO_DATA, timers, onFrame: (f) => frames.push({ ...f, at: timers.t } as ReplayFrame), onStatus: (s) => statuses.push(s) });
  const sink = new Recorder(work ? () => work(timers) : undefined);
  replay.addSink(sink);
  replay.load(SCENARIO, null);
  return { timers, replay, sink, frames, statuses };
}

describe('replay clock', () => {
  it('loads paused on the opening tick and tells sinks to reset to the start', () => {
    const { replay, sink } = setup();
    expect(sink.resets).toEqual([START]);
    expect(sink.ticks.map((t) => t.t)).toEqual([START]);
    expect(replay.status()).toMatchObject({ state: 'paused', tickIndex: 1, t: START, scenario: { tickCount: 480, stepMs: 15_000 } });
  });

  it('plays at the chosen speed: 60x moves one market minute per wall second', () => {
    const { timers, replay, sink } = setup();
    replay.setSpeed('60x');
    replay.play();
    // The clock wakes every 16 ms, so after 1,010 ms of wall time it has reached 60.48 s of market time.
    timers.advance(1010);
    expect(sink.ticks.at(-1)!.t).toBe(START + 60_000);
    expect(sink.ticks).toHaveLength(5);
    replay.setSpeed('600x');
    timers.advance(1000);
    const t = sink.ticks.at(-1)!.t - START;
    expect(t).toBeGreaterThanOrEqual(645_000);
    expect(t).toBeLessThanOrEqual(660_000);
    replay.pause();
    const paused = sink.ticks.length;
    timers.advance(10_000);
    expect(sink.ticks).toHaveLength(paused);
  });

  it('waits while a sink is busy with an event in slices, then goes on at the chosen speed (running slower than asked)', () => {
    const { timers, replay, sink } = setup();
    const busy = new (class extends Recorder {
      busy = false;
      override onTick(t: MarketTick): void {
        super.onTick(t);
        // The tick at 07:01 sets off work the sink does in slices for 2 s of wall time.
        if (t.t === START + 60_000) this.busy = true;
      }
    })();
    replay.addSink(busy);
    replay.setSpeed('60x');
    replay.play();
    timers.advance(1010);
    expect(busy.ticks.at(-1)!.t).toBe(START + 60_000);
    // Nothing more is delivered to any sink while it works, however much wall time passes.
    const held = sink.ticks.length;
    timers.advance(2000);
    expect(sink.ticks).toHaveLength(held);
    expect(busy.ticks.at(-1)!.t).toBe(START + 60_000);
    expect(replay.status().state).toBe('playing');
    // Done: the clock goes on from where it waited, at 60x (no catching up on the lost 2 s).
    busy.busy = false;
    timers.advance(1010);
    expect(busy.ticks.at(-1)!.t).toBe(START + 120_000);
    expect(sink.ticks).toHaveLength(held + 4);
  });

  it('reports whole milliseconds while playing between ticks (the status contract)', () => {
    const { timers, replay, statuses } = setup();
    // A real monotonic clock reads fractions of a millisecond.
    timers.now = () => timers.t * 1.000_37;
    replay.setSpeed('60x');
    replay.play();
    timers.advance(1013);
    const playing = replay.status();
    expect(playing.state).toBe('playing');
    expect(() => ReplayStatusSchema.parse(playing)).not.toThrow();
    for (const s of statuses) expect(Number.isInteger(s.t ?? 0)).toBe(true);
  });

  it('a sink that already holds the first events of the loaded scenario is moved past them; the others get them', () => {
    const timers = new FakeTimers();
    const replay = new ReplayService({ data: () => NO_DATA, timers, onFrame: () => undefined, onStatus: () => undefined });
    const fresh = new Recorder();
    const holding = new (class extends Recorder {
      onLoad(): number {
        return 242; // 07:00:00 .. 08:00:00 (241 ticks) and the 08:00 settlement
      }
    })();
    replay.addSink(fresh);
    replay.addSink(holding);
    replay.load(SCENARIO, null);
    expect(fresh.resets).toEqual([START]);
    expect(fresh.ticks).toHaveLength(241);
    expect(fresh.funding).toHaveLength(1);
    expect(holding.ticks).toHaveLength(0);
    expect(holding.resets).toEqual([]);
    expect(replay.status()).toMatchObject({ state: 'paused', t: Date.parse('2024-01-01T08:00:00Z') });
    replay.step(1);
    expect(holding.ticks.map((t) => t.t)).toEqual([Date.parse('2024-01-01T08:00:15Z')]);
    expect(fresh.ticks).toHaveLength(242);
  });

  it('catches up with what a sink held a slice at a time when that takes long, and a play asked meanwhile waits for it', () => {
    const timers = new FakeTimers();
    const replay = new ReplayService({ data: () => NO_DATA, timers, onFrame: () => undefined, onStatus: () => undefined });
    // Each tick the chart's side gets costs 1 ms of "work": 241 of them are some 20 slices of 12 ms.
    const fresh = new Recorder(() => (timers.t += 1));
    const holding = new (class extends Recorder {
      onLoad(): number {
        return 242;
      }
    })();
    replay.addSink(fresh);
    replay.addSink(holding);
    replay.load(SCENARIO, null);
    expect(fresh.ticks.length).toBeGreaterThan(0);
    expect(fresh.ticks.length).toBeLessThan(20);
    // Asked before the clock has caught up: it plays once it has, from where the holder stopped.
    replay.play();
    expect(holding.ticks).toHaveLength(0);
    timers.advance(20);
    expect(fresh.ticks.length).toBeLessThan(241);
    expect(replay.status().state).toBe('paused');
    for (let i = 0; i < 40 && fresh.ticks.length < 241; i++) timers.advance(20);
    expect(fresh.ticks).toHaveLength(241);
    expect(fresh.funding).toHaveLength(1);
    expect(replay.status().state).toBe('playing');
    timers.advance(1000);
    expect(holding.ticks[0]!.t).toBe(Date.parse('2024-01-01T08:00:15Z'));
  });

  it('steps tick by tick and delivers the settlement between ticks in time order', () => {
    const { replay, sink } = setup();
    replay.step(239); // up to 07:59:45
    expect(sink.ticks.at(-1)!.t).toBe(Date.parse('2024-01-01T07:59:45Z'));
    expect(sink.funding).toHaveLength(0);
    replay.step(1); // the tick at 08:00, then the 08:00 settlement
    expect(sink.ticks.at(-1)!.t).toBe(Date.parse('2024-01-01T08:00:00Z'));
    expect(sink.funding.map((f) => f.t)).toEqual([Date.parse('2024-01-01T08:00:00Z')]);
  });

  it('seeking back resets every sink to the target; seeking forward delivers every tick in between', () => {
    const { replay, sink } = setup();
    replay.seek(START + 60 * 60_000);
    expect(sink.ticks).toHaveLength(240); // 07:00:00 .. 07:59:45, none skipped
    expect(sink.funding).toHaveLength(0);
    replay.seek(START + 10 * 60_000);
    expect(sink.resets).toEqual([START, START + 10 * 60_000]);
    replay.step(1);
    expect(sink.ticks.at(-1)!.t).toBe(START + 10 * 60_000);
  });

  it('at max speed the UI gets at most 30 frames per second, each covering many ticks', () => {
    // Each tick costs the sink 0.05 ms of "work": ~240 ticks per 12 ms slice.
    const { timers, replay, sink, frames } = setup((t) => (t.t += 0.05));
    replay.setSpeed('max');
    replay.play();
    timers.advance(1000);
    expect(sink.ticks.length).toBe(480);
    expect(replay.status().state).toBe('ended');
    const perSecond = frames.filter((f) => (f as unknown as { at: number }).at <= 1000).length;
    expect(perSecond).toBeGreaterThan(0);
    expect(perSecond).toBeLessThanOrEqual(31);
    expect(frames.reduce((n, f) => n + f.ticks, 0)).toBe(480);
    expect(frames.at(-1)!.tick.t).toBe(START + 479 * 15_000);
  });

  it('runs slower than asked, not frozen, when the consumer cannot keep up (and says so)', () => {
    // 5 ms per tick: a 12 ms slice holds ~3 ticks, far below 600x's 40 ticks per 1 s... per wake.
    const { timers, replay, sink } = setup((t) => (t.t += 5));
    replay.setSpeed('600x');
    replay.play();
    timers.advance(1000);
    const s = replay.status();
    expect(s.state).toBe('playing');
    expect(sink.ticks.length).toBeGreaterThan(10);
    expect(sink.ticks.length).toBeLessThan(41);
    expect(s.effectiveSpeed).not.toBeNull();
    expect(s.effectiveSpeed!).toBeLessThan(600);
  });

  it('a consumer that throws pauses the replay with its message', () => {
    const { replay } = setup();
    replay.addSink({
      onTick: (t) => {
        if (t.t >= START + 30_000) throw new Error('engine broke');
      },
      onFunding: () => undefined,
    });
    replay.step(5);
    const s = replay.status();
    expect(s.state).toBe('paused');
    expect(s.error).toMatch(/engine broke/);
    expect(s.tickIndex).toBe(3);
  });

  it('keeps every bar for a late window, with the mark and index closes', () => {
    const { replay } = setup();
    replay.step(100);
    const { interval, bars: all } = replay.bars();
    // A synthetic market opens on a warm-up of HISTORY_BARS bars before its start (chart only).
    const warm = all.filter((b) => b.t < START);
    expect(warm).toHaveLength(HISTORY_BARS);
    expect(replay.status().scenario?.history).toEqual({ bars: HISTORY_BARS, source: 'warm-up' });
    const bars = all.filter((b) => b.t >= START);
    // 101 ticks of 15 s = 25 minutes: a 2-hour scenario draws 1m bars.
    expect(interval).toBe('1m');
    expect(bars.length).toBe(26);
    expect(bars[0]).toMatchObject({ t: START, volume: null });
    expect(Number(bars[0]!.high)).toBeGreaterThanOrEqual(Number(bars[0]!.low));
    expect(bars[0]!.mark).toMatch(/^\d+(\.\d+)?$/);
  });

  it('the warm-up ends at the opening price, one bar per interval, and is the same for the same seed', () => {
    const a = setup().replay.bars().bars;
    const b = setup().replay.bars().bars;
    expect(a.slice(0, HISTORY_BARS)).toEqual(b.slice(0, HISTORY_BARS));
    const warm = a.slice(0, HISTORY_BARS);
    for (let i = 1; i < warm.length; i++) expect(warm[i]!.t - warm[i - 1]!.t).toBe(60_000);
    expect(warm.at(-1)!.t).toBe(START - 60_000);
    expect(warm.at(-1)!.close).toBe(a[HISTORY_BARS]!.open);
    for (const bar of warm) {
      expect(Number(bar.high)).toBeGreaterThanOrEqual(Math.max(Number(bar.open), Number(bar.close)));
      expect(Number(bar.low)).toBeLessThanOrEqual(Math.min(Number(bar.open), Number(bar.close)));
    }
  });

  it('a stored market shows the stored candles before its start, up to HISTORY_BARS', () => {
    const timers = new FakeTimers();
    const candle = (t: number, text: string) => {
      const p = text as DecimalString;
      return { t, open: p, high: p, low: p, close: p, volume: '1' as DecimalString };
    };
    const stored: MarketData = {
      findSeries: (k) => (k.kind === 'trade' ? ({ id: 1, ...k, rows: 1000, from: START - 500 * 60_000, to: START + 200 * 60_000 } as never) : null),
      candles: (_id, from, to, limit) => {
        const out = [];
        for (let t = Math.max(from, START - 500 * 60_000); t < to && out.length < limit; t += 60_000) out.push(candle(t, t < START ? '100.0' : '101.0'));
        return out;
      },
      fundingRange: () => [],
      fundingBefore: () => null,
    };
    const replay = new ReplayService({ data: () => stored, timers, onFrame: () => undefined, onStatus: () => undefined });
    replay.load(ScenarioSchema.parse({ ...SCENARIO, stepMs: undefined, market: { type: 'stored', venue: 'binance', interval: '1m' } }), null);
    const before = replay.bars().bars.filter((b) => b.t < START);
    expect(before).toHaveLength(HISTORY_BARS);
    expect(before[0]!.t).toBe(START - HISTORY_BARS * 60_000);
    expect(before.every((b) => b.close === '100.0' && b.volume === '1')).toBe(true);
    expect(replay.status().scenario?.history).toEqual({ bars: HISTORY_BARS, source: 'stored' });
  });

  it('pauses by itself on a trader event it was asked to watch, and says which', () => {
    const { timers, replay, sink } = setup();
    expect(replay.status().pauseOn).toEqual({ fill: false, stop: false, liquidation: true, adl: false });
    // A sink standing in for the trading service: the trader is liquidated at +10 minutes.
    replay.addSink({ onTick: (t) => t.t === START + 600_000 && replay.traderEvent('liquidation', t.t), onFunding: () => undefined });
    replay.setSpeed('max');
    replay.play();
    timers.advance(5000);
    expect(replay.status()).toMatchObject({ state: 'paused', pausedBy: { event: 'liquidation', t: START + 600_000 } });
    expect(sink.ticks.at(-1)!.t).toBe(START + 600_000);
    // Fills are not watched by default; once asked, they pause too.
    replay.traderEvent('fill', START);
    replay.play();
    expect(replay.status().pausedBy).toBeNull();
    replay.setPauseOn({ liquidation: false });
    timers.advance(5000);
    expect(replay.status().state).toBe('ended');
  });

  it('frames carry the coming settlement: the model estimate for model funding', () => {
    const { replay, frames, timers } = setup();
    replay.step(10);
    timers.advance(100);
    const f = frames.at(-1)!;
    expect(f.comingFunding).toMatchObject({ t: Date.parse('2024-01-01T08:00:00Z'), source: 'estimate' });
    expect(f.comingFunding!.rate).toMatch(/^-?\d+(\.\d+)?$/);
  });
});

import { describe, expect, it } from 'vitest';
import { chandelierStops, expectancy, planScaleOut, rMultiple, trailStop, trueRanges, wilderAtr, atrTrailingStops, type Bar } from '#shared/risk/index';
import { d } from './helpers';

describe('R-multiples and expectancy (Van Tharp Institute, "A Short Lesson on R and R-multiples")', () => {
  it('entry 100, stop 90, exit 120 -> 2R', () => {
    expect(rMultiple('long', d(100), d(90), d(120)).toFixed()).toBe('2');
    expect(rMultiple('short', d(100), d(110), d(120)).toFixed()).toBe('-2');
  });
  it('-1, 3, -1, -1, 2, 3 -> expectancy 0.8333R', () => {
    const e = expectancy([-1, 3, -1, -1, 2, 3].map((x) => d(x)));
    expect(e.expectancy.toFixed(4)).toBe('0.8333');
    expect(e.winRate.toFixed()).toBe('0.5');
    expect(e.averageWin!.toFixed(4)).toBe('2.6667');
    expect(e.averageLoss!.toFixed()).toBe('-1');
  });
});

describe('scale-out plans (tokens-and-sizing.md 3.5)', () => {
  it('Swick: 100 @ 10.00, stop 9.80; 25 at 10.20 and 50 at 10.40 -> $25 realised, 25 left with $5 of risk', () => {
    const p = planScaleOut({ side: 'long', entry: d(10), stop: d('9.8'), quantity: d(100), legs: [{ quantity: d(25), price: d('10.2') }, { quantity: d(50), price: d('10.4') }] });
    expect(p.legs[1]!.lockedNet.toFixed()).toBe('25');
    expect(p.runner.toFixed()).toBe('25');
    expect(p.legs[1]!.worstCaseNet.toFixed()).toBe('20');
    const be = planScaleOut({ side: 'long', entry: d(10), stop: d('9.8'), quantity: d(100), breakevenAfterLegs: 1, legs: [{ quantity: d(25), price: d('10.2') }, { quantity: d(50), price: d('10.4') }] });
    expect(be.legs[1]!.worstCaseNet.toFixed()).toBe('25');
  });

  it('Profitlogic 40% at 2R, 30% at 4R, 30% runner at 8R: 2.0R locked, 4.4R in total (the article says 3.6R; it is wrong)', () => {
    const p = planScaleOut({
      side: 'long',
      entry: d(100),
      stop: d(90),
      quantity: d(10),
      legs: [
        { fraction: d('0.4'), r: d(2) },
        { fraction: d('0.3'), r: d(4) },
        { fraction: d('0.3'), r: d(8) },
      ],
    });
    expect(p.legs[1]!.lockedNet.div(p.oneR.gross).toFixed()).toBe('2');
    expect(p.rGross.toFixed()).toBe('4.4');
  });

  it('crypto thirds with fees: 0.5 BTC @ 60,000, stop 58,000; 1R, 2R, 3% trail from 69,000 -> net 2,123.92 = 2.063R net, 2.155R gross', () => {
    const third = d(1).div(3);
    const p = planScaleOut({
      side: 'long',
      entry: d(60000),
      stop: d(58000),
      quantity: d('0.5'),
      fees: { entryRate: d('0.0005'), exitRate: d('0.0005') },
      legs: [
        { fraction: third, r: d(1) },
        { fraction: third, r: d(2) },
        { fraction: third, price: d(69000).mul('0.97') },
      ],
    });
    expect(p.oneR.net.toFixed()).toBe('1029.5');
    expect(p.totalNet.toFixed(2)).toBe('2123.92');
    expect(p.rNet.toFixed(3)).toBe('2.063');
    expect(p.rGross.toFixed(3)).toBe('2.155');
  });

  it('refuses legs that close more than the position', () => {
    expect(() => planScaleOut({ side: 'long', entry: d(10), stop: d(9), quantity: d(1), legs: [{ fraction: d('0.6'), r: d(1) }, { fraction: d('0.6'), r: d(2) }] })).toThrow(/legs\.1/);
  });
});

describe('trailing stops', () => {
  it('Bybit 360039260514: long 8,000, distance 500 -> 7,500; after a high of 9,000 -> 8,500', () => {
    const r = trailStop({ side: 'long', rule: { kind: 'distance', distance: d(500) }, prices: [d(8000), d(9000), d(8700)] });
    expect(r.stops.map((s) => s?.toFixed())).toEqual(['7500', '8500', '8500']);
    expect(r.triggeredAt).toBeNull();
  });
  it('activation 8,000 with distance 100 -> the first stop is 7,900, set when price reaches 8,000', () => {
    const r = trailStop({ side: 'long', rule: { kind: 'distance', distance: d(100) }, activationPrice: d(8000), prices: [d(7800), d(8000), d(7900)] });
    expect(r.stops.map((s) => s?.toFixed() ?? null)).toEqual([null, '7900', '7900']);
    expect(r.activatedAt).toBe(1);
    expect(r.triggeredAt).toBe(2);
    expect(r.triggerPrice!.toFixed()).toBe('7900');
  });
  it('percent callback (Binance callbackRate): short, 1% from the lowest price', () => {
    const r = trailStop({ side: 'short', rule: { kind: 'percent', callbackRate: d('0.01') }, prices: [d(100), d(95), d(96), d('95.95')] });
    expect(r.stops.map((s) => s?.toFixed())).toEqual(['101', '95.95', '95.95']);
    expect(r.triggeredAt).toBe(2);
  });
});

describe('ATR (Wilder) and the chandelier exit, n = 3 on eight bars (computed by hand)', () => {
  const rows = [
    [10, 8, 9],
    [11, 9, 10],
    [12, 10, 11],
    [14, 11, 13],
    [13, 9, 10],
    [12, 10, 11],
    [15, 11, 14],
    [14, 12, 12],
  ];
  const bars: Bar[] = rows.map(([h, l, c]) => ({ high: d(h!), low: d(l!), close: d(c!) }));
  const exact = (num: number, den: number) => d(num).div(den);

  it('true ranges and Wilder smoothing', () => {
    expect(trueRanges(bars).map((x) => x.toFixed())).toEqual(['2', '2', '2', '3', '4', '2', '4', '2']);
    const atr = wilderAtr(bars, 3);
    expect(atr.slice(0, 2)).toEqual([null, null]);
    const expected = [exact(2, 1), exact(7, 3), exact(26, 9), exact(70, 27), exact(248, 81), exact(658, 243)];
    atr.slice(2).forEach((a, i) => expect(a!.eq(expected[i]!)).toBe(true));
  });

  it('chandelier long, k = 3: highest high(3) - 3 x ATR; the conservative form never loosens', () => {
    const plain = chandelierStops(bars, 3, d(3), 'long');
    expect(plain.map((s) => s?.toFixed(4) ?? null)).toEqual([null, null, '6.0000', '7.0000', '5.3333', '6.2222', '5.8148', '6.8765']);
    const tight = chandelierStops(bars, 3, d(3), 'long', true);
    expect(tight.map((s) => s?.toFixed(4) ?? null)).toEqual([null, null, '6.0000', '7.0000', '7.0000', '7.0000', '7.0000', '7.0000']);
  });

  it('ATR trailing stop close - k x ATR only moves in the favour of the trade', () => {
    const stops = atrTrailingStops(bars, 3, d(2), 'long');
    // bar 3: 11 - 4 = 7; bar 4: 13 - 14/3 = 8.333; bar 5: 10 - 52/9 < 8.333 -> stays
    expect(stops[2]!.toFixed()).toBe('7');
    expect(stops[3]!.toFixed(4)).toBe('8.3333');
    expect(stops[4]!.eq(stops[3]!)).toBe(true);
  });
});


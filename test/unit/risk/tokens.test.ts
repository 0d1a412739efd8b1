import { describe, expect, it } from 'vitest';
import {
  avellanedaZhang,
  flatPriceDecayFactor,
  navAtTrigger,
  pathFromDailyPrices,
  pathFromIntraday,
  rebalanceDemand,
  rebalanceOrder,
  simulateDecay,
  simulateMarginPosition,
  simulateToken,
  triggerMove,
  type RebalanceRule,
} from '#shared/risk/index';
import { d } from './helpers';

const daily: RebalanceRule = { kind: 'daily' };
const noCosts = { managementFeePerDay: d(0), fundingPerDay: d(0) };
const prices = (...xs: number[]) => pathFromDailyPrices(xs.map((x) => d(x)));

describe("FTX's own worked table (FTX Leveraged Token FAQ, tokens-and-sizing.md 1.1)", () => {
  it.each([
    [[10000, 11000, 10000], '1', '1', '0.9455'],
    [[10000, 11000, 12100], '1.21', '1.63', '1.6900'],
    [[10000, 9500, 9000], '0.9', '0.7', '0.7158'],
  ])('%j: BTC %s, static 3x %s, BULL %s', (path, spot, staticMargin, bull) => {
    const r = simulateDecay({ leverage: d(3), path: prices(...path), rebalance: daily, maintenanceMarginRate: d(0) });
    expect(r.spot.valueEnd.toFixed()).toBe(spot);
    expect(r.margin.valueEnd.toFixed()).toBe(staticMargin);
    expect(r.token.valueEnd.toFixed(4)).toBe(bull);
  });

  it('BULL -5.45% on 10k -> 11k -> 10k is exactly 1.3 x 8/11', () => {
    expect(simulateToken(prices(10000, 11000, 10000), d(3), daily, noCosts).valueEnd.minus(d('1.3').mul(8).div(11)).abs().lt('1e-30')).toBe(true);
  });
});

describe('threshold rebalancing at the exact crossing price', () => {
  it('crash -40% in a day: a daily 3x token is wiped, the FTX 4x trigger keeps 17.4% (crash-40pct)', () => {
    const crash = prices(100, 60);
    expect(simulateToken(crash, d(3), daily, noCosts).valueEnd.toFixed()).toBe('0');
    const ftx = simulateToken(crash, d(3), { kind: 'leverage-band', maxAbsLeverage: d(4), rebalanceTo: d(3), daily: true }, noCosts);
    expect(ftx.valueEnd.toFixed(3)).toBe('0.174');
    // Four triggers (x 8/9 each) before 60, then the daily close.
    expect(ftx.events.filter((e) => e.reason === 'threshold')).toHaveLength(4);
    expect(ftx.events[0]!.price.toFixed(4)).toBe('88.8889');
  });

  it('Bybit BTC3L range [2, 4]: from 40,000 the down trigger is 35,555.56 (NAV x 2/3), the up trigger 53,333.33 (NAV x 2)', () => {
    const rule: RebalanceRule = { kind: 'leverage-band', maxAbsLeverage: d(4), minAbsLeverage: d(2), rebalanceTo: d(3), daily: false };
    const down = simulateToken(pathFromDailyPrices([d(40000), d(35000)]), d(3), rule, noCosts);
    expect(down.events[0]!.price.toFixed(2)).toBe('35555.56');
    expect(down.events[0]!.navBefore.toFixed(4)).toBe('0.6667');
    const up = simulateToken(pathFromDailyPrices([d(40000), d(54000)]), d(3), rule, noCosts);
    expect(up.events[0]!.price.toFixed(2)).toBe('53333.33');
    expect(up.events[0]!.navBefore.toFixed()).toBe('2');
  });

  it('a price band rebalances each time price moves the band from the last rebalance', () => {
    const r = simulateToken(prices(100, 130), d(3), { kind: 'price-band', band: d('0.1'), daily: false }, noCosts);
    expect(r.events.map((e) => e.price.toFixed(1))).toEqual(['110.0', '121.0']);
  });

  it('follows intraday vertices and gaps: a gap through the trigger rebalances at the gap price', () => {
    const path = pathFromIntraday([
      [d(100), d(95), d(100)],
      [d(80), d(85)],
    ]);
    const r = simulateToken(path, d(3), { kind: 'leverage-band', maxAbsLeverage: d(4), daily: false }, noCosts);
    expect(r.events[0]).toMatchObject({ day: 2, reason: 'gap' });
    expect(r.events[0]!.price.toFixed()).toBe('80');
  });
});

describe('trigger moves (tokens-and-sizing.md trigger-move-table, computed)', () => {
  it.each([
    ['3', '4', '-0.1111', '0.6667'],
    ['-3', '-4', '0.0667', '0.8'],
    ['3', '2', '0.3333', '2'],
    ['-3', '-2', '-0.1111', '1.3333'],
  ])('beta %s to %s: move %s, NAV x %s', (beta, to, move, navx) => {
    expect(triggerMove(d(beta), d(to)).toFixed(4)).toBe(move);
    expect(navAtTrigger(d(beta), d(to)).toFixed(4).replace(/\.?0+$/, '')).toBe(navx.replace(/\.?0+$/, ''));
  });
});

describe('rebalancing arithmetic', () => {
  it('Cheng & Madhavan: A = 100, beta 3, r +5% -> buy 30; beta -3 -> buy 60; beta 2, r -10% -> sell 20', () => {
    expect(rebalanceDemand(d(100), d(3), d('0.05')).toFixed()).toBe('30');
    expect(rebalanceDemand(d(100), d(-3), d('0.05')).toFixed()).toBe('60');
    expect(rebalanceDemand(d(100), d(2), d('-0.1')).toFixed()).toBe('-20');
  });
  it('ETHBULL: -20,000 USD and 150 ETH at 210 -> NAV 11,500, 2.74x, buy 14.2857 ETH ($3,000) (FTX walkthrough)', () => {
    const o = rebalanceOrder(d(-20000), d(150), d(210), d(3));
    expect(o.nav.toFixed()).toBe('11500');
    expect(o.leverage.toFixed(2)).toBe('2.74');
    expect(o.tradeUnits.toFixed(4)).toBe('14.2857');
    expect(o.tradeValue.toFixed()).toBe('3000');
  });
  it('Poloniex: NAV 200, exposure 600, ETH +5% -> NAV 230, 2.74x, buy $60', () => {
    const o = rebalanceOrder(d(-400), d(600).div(100), d(105), d(3));
    expect(o.nav.toFixed()).toBe('230');
    expect(o.tradeValue.toFixed()).toBe('60');
  });
});

describe('costs and the static margin position', () => {
  it('charges funding on end-of-day notional then the management fee, at each close', () => {
    const r = simulateToken(prices(100, 100), d(3), daily, { managementFeePerDay: d('0.0003'), fundingPerDay: d('0.0001') });
    // 1 - 3 x 0.0001 = 0.9997; x (1 - 0.0003)
    expect(r.valueEnd.eq(d('0.9997').mul('0.9997'))).toBe(true);
  });
  it('a short token receives positive funding', () => {
    expect(simulateToken(prices(100, 100), d(-3), daily, { managementFeePerDay: d(0), fundingPerDay: d('0.0001') }).valueEnd.toFixed()).toBe('1.0003');
  });
  it('margin 3x long: LP = S0 (1 - 1/3) / (1 - m): -33.07% at m = 0.4% (tokens-and-sizing.md 2)', () => {
    const m = simulateMarginPosition(prices(100, 70, 120), d(3), d('0.004'), d(0));
    expect(m.liquidationPrice!.div(100).minus(1).toFixed(4)).toBe('-0.3307');
    expect(m.liquidated).toBe(false);
    const hit = simulateMarginPosition(prices(100, 66, 120), d(3), d('0.004'), d(0));
    expect(hit).toMatchObject({ liquidated: true, liquidatedDay: 1 });
    expect(hit.valueEnd.toFixed()).toBe('0');
  });
  it('an intraday vertex through the LP liquidates even if the close recovers', () => {
    const m = simulateMarginPosition(pathFromIntraday([[d(100), d(60), d(100)]]), d(3), d('0.004'), d(0));
    expect(m.liquidated).toBe(true);
  });
});

describe('Avellaneda-Zhang (float analytic)', () => {
  it('+10% / -10%: 0.91329 against the exact 0.91 (az-approx)', () => {
    expect(avellanedaZhang([d(100), d(110), d(99)], 3, 0, 0)).toBeCloseTo(0.91329, 5);
    expect(simulateToken(prices(100, 110, 99), d(3), daily, noCosts).valueEnd.toFixed()).toBe('0.91');
  });
  it('+-1% moves: the approximation is within 1e-6 of the exact token (computed; the reference quotes 1.7e-5 for an unstated path)', () => {
    const az = avellanedaZhang([d(100), d(101), d('99.99')], 3, 0, 0);
    const exact = simulateToken(prices(100, 101, 99.99), d(3), daily, noCosts).valueEnd.toNumber();
    expect(exact).toBeCloseTo(0.9991, 12);
    expect(Math.abs(az - exact)).toBeLessThan(1e-6);
  });
  it.each([
    [3, 0.4, 30, 0.9613],
    [3, 0.4, 365, 0.6188],
    [-3, 0.4, 30, 0.9241],
    [-3, 0.6, 365, 0.1153],
    [2, 1.0, 365, 0.3679],
    [3, 1.0, 30, 0.7815],
  ])('flat price: beta %d, sigma %d, %d days -> %d (az-continuous-flat-price)', (beta, sigma, days, expected) => {
    expect(flatPriceDecayFactor(beta, sigma, days / 365)).toBeCloseTo(expected, 4);
  });
});



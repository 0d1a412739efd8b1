import path from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { EngineSetupSchema } from '#shared/domain/trading-commands';
import type { MarketTick } from '#shared/domain/market-tick';
import { openWorkspace } from '#main/store/db';
import { TradingJournal } from '#main/trading/journal';
import { TradingHistoryRepo } from '#main/store/trading-history-repo';
import { bookSummary, buildJournalBook } from '#main/journal/journal-book';
import { tripChart } from '#main/journal/trip-chart';
import { useTempDirs } from '../helpers/temp-dir';
import { scriptedSession, SESSION_T0 } from '../trading/session-script';

const tempDir = useTempDirs();

function run(events: EngineEvent[]) {
  const ws = openWorkspace(path.join(tempDir(), 'w.db'));
  const { journal } = TradingJournal.open(ws.db, { groupSize: 50, snapshotEvery: 10_000, verify: false });
  for (const e of events) journal.apply(e, e.kind === 'command');
  journal.flush();
  return { ws, journal };
}

function tick(t: number, price: string): EngineEvent {
  const p = price as MarketTick['last'];
  return { kind: 'tick', tick: { t, symbol: 'BTCUSDT', last: p, index: p, mark: p, liquidity: { depthScale: 1, spreadBps: 1 } } };
}

describe('journal: paper round trips from the engine history', () => {
  it('a scripted replay: every trip carries exactly the engine fills, PnL, fees and funding', () => {
    const { ws } = run(scriptedSession(1500));
    const h = new TradingHistoryRepo(ws.db);
    const engineFills = h.fills('me', 0, 1_000_000).rows.reverse();
    const engineFunding = h.funding('me', 0, 1_000_000).rows;
    const book = buildJournalBook(ws.db);
    const trips = book.trips.filter((t) => t.source === 'paper');
    expect(trips.length).toBeGreaterThan(5);
    let realized = new Decimal(0);
    let fees = new Decimal(0);
    let funding = new Decimal(0);
    let fillCount = 0;
    for (const trip of trips) {
      const fills = book.fills.get(trip.id)!;
      const r = fills.reduce((a, f) => a.plus(f.realizedPnl), new Decimal(0));
      const f = fills.reduce((a, x) => a.plus(x.fee), new Decimal(0));
      expect(r.eq(trip.realizedPnl)).toBe(true);
      expect(f.eq(trip.fees)).toBe(true);
      // Flat to flat: what was bought was sold.
      const net = fills.reduce((a, x) => (x.side === 'buy' ? a.plus(x.quantity) : a.minus(x.quantity)), new Decimal(0));
      expect(net.isZero()).toBe(true);
      expect(new Decimal(trip.net).eq(r.minus(f).plus(trip.funding).plus(trip.insuranceClear))).toBe(true);
      // The funding the engine paid while this trip was open, summed independently.
      const held = engineFunding.filter((p) => p.t >= trip.openedAt && p.t <= trip.closedAt).reduce((a, p) => a.plus(p.amount), new Decimal(0));
      expect(held.eq(trip.funding)).toBe(true);
      realized = realized.plus(r);
      fees = fees.plus(f);
      funding = funding.plus(trip.funding);
      fillCount += fills.length;
      expect(trip.leverage).toBe(20);
      expect(trip.marginMode).toBe('isolated');
      if (trip.liquidated) expect(trip.liquidationId).not.toBeNull();
    }
    // What is not in a closed trip is the position still open at the end (after the last flat).
    const lastClose = trips[trips.length - 1]!.closedAt;
    const after = engineFills.filter((f) => f.t > lastClose);
    const allRealized = engineFills.reduce((a, f) => a.plus(f.realizedPnl), new Decimal(0));
    const allFees = engineFills.reduce((a, f) => a.plus(f.fee), new Decimal(0));
    expect(realized.plus(after.reduce((a, f) => a.plus(f.realizedPnl), new Decimal(0))).eq(allRealized)).toBe(true);
    expect(fees.plus(after.reduce((a, f) => a.plus(f.fee), new Decimal(0))).eq(allFees)).toBe(true);
    expect(fillCount + after.length).toBeGreaterThanOrEqual(engineFills.length);
    expect(trips.some((t) => t.liquidated)).toBe(true);
    const summary = bookSummary(book, 'paper');
    expect(summary.accounts).toEqual(['paper']);
    expect(summary.byAsset.USDT!.realizedPnl).toBe(allRealized.toFixed());
    expect(summary.byAsset.USDT!.fees).toBe(allFees.toFixed());
    expect(new Decimal(summary.byAsset.USDT!.funding).eq(engineFunding.reduce((a, p) => a.plus(p.amount), new Decimal(0)))).toBe(true);
    ws.close();
  });

  it('an entry with an attached stop: planned stop, R multiple and the funding while held', () => {
    const t0 = SESSION_T0;
    const events: EngineEvent[] = [
      {
        kind: 'setup',
        t: t0,
        setup: EngineSetupSchema.parse({
          markets: [{ symbol: 'BTCUSDT', profile: 'binance-usdm', depthScale: 1 }],
          insuranceFund: '20000',
          accounts: [{ id: 'me', deposit: '50000', settings: [{ symbol: 'BTCUSDT', leverage: 10, mode: 'cross' }] }],
        }),
      },
      tick(t0 + 1000, '100000'),
      { kind: 'command', t: t0 + 1000, account: 'me', command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.1' as never, attached: { stopLoss: { triggerPrice: '98000' as never } } } } },
      tick(t0 + 2000, '100500'),
      { kind: 'funding', funding: { t: t0 + 3000, symbol: 'BTCUSDT', rate: '0.0001' as never, intervalHours: 8, source: 'model' } },
      tick(t0 + 4000, '99500'),
      tick(t0 + 5000, '102000'),
      { kind: 'command', t: t0 + 5000, account: 'me', command: { type: 'closePosition', symbol: 'BTCUSDT' } },
      tick(t0 + 6000, '102000'),
    ];
    const { ws } = run(events);
    const h = new TradingHistoryRepo(ws.db);
    const fills = h.fills('me', 0, 100).rows;
    const pay = h.funding('me', 0, 100).rows;
    expect(fills.length).toBeGreaterThanOrEqual(2);
    expect(pay).toHaveLength(1);
    const [trip] = buildJournalBook(ws.db).trips;
    expect(trip).toBeDefined();
    expect(trip!.side).toBe('long');
    expect(trip!.leverage).toBe(10);
    expect(trip!.marginMode).toBe('cross');
    expect(trip!.realizedPnl).toBe(fills.reduce((a, f) => a.plus(f.realizedPnl), new Decimal(0)).toFixed());
    expect(trip!.fees).toBe(fills.reduce((a, f) => a.plus(f.fee), new Decimal(0)).toFixed());
    expect(trip!.funding).toBe(new Decimal(pay[0]!.amount).toFixed());
    expect(trip!.plannedStop).toBe('98000');
    expect(trip!.stopSource).toBe('attached');
    const risk = new Decimal(trip!.entryPrice).minus(98000).abs().times(trip!.quantity);
    expect(trip!.rMultiple).toBeCloseTo(new Decimal(trip!.net).div(risk).toNumber(), 4);
    expect(trip!.rMultiple!).toBeGreaterThan(0);
    // MAE/MFE from the ticks while held: 99,500 against, 102,000 for.
    expect(trip!.excursionSource).toBe('ticks');
    expect([trip!.maePrice, trip!.mfePrice]).toEqual(['99500', '102000']);
    const perUnit = new Decimal(trip!.entryPrice).minus(98000).toNumber();
    expect(trip!.maeR).toBeCloseTo((Number(trip!.entryPrice) - 99500) / perUnit, 3);
    // The trip's chart is bucketed from the same ticks (stored packed: migration 110).
    const chart = tripChart(ws.db, trip!);
    expect(chart.candles.length).toBeGreaterThan(0);
    expect(chart.candles.map((c) => c.low)).toContain('99500');
    expect(chart.candles.map((c) => c.high)).toContain('102000');
    ws.close();
  });
});

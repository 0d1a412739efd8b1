import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { eventTime } from '#shared/domain/trading-commands';
import { decodeEventBody } from '#main/store/tick-columns';
import { LOG_STATEMENTS, PACKED_ROWS, S, encodeAppend, encodeRowsSteps, runOps, type LoggedEvent } from '#main/store/trading-log-ops';
import { Engine } from '#main/engine/engine';
import { scriptedSession } from '../integration/trading/session-script';
import { mustApply, setupEvent, tick, T0 } from './engine/helpers';

/** Runs encoded ops against statements that only record the rows they were given. */
function eventRows(batch: readonly LoggedEvent[]): Array<[number, number, string, string]> {
  const rows: Array<[number, number, string, string]> = [];
  const statements = LOG_STATEMENTS.map((_, i) => ({
    run: (...params: unknown[]) => {
      if (i !== S.event && i !== S.events) return;
      for (let p = 0; p < params.length; p += 4) rows.push(params.slice(p, p + 4) as [number, number, string, string]);
    },
  }));
  runOps(statements, encodeAppend(batch, undefined));
  // Plain price updates are stored packed: compared as the JSON of the event they decode to.
  return rows.map(([seq, t, kind, body]) => [seq, t, kind, body.startsWith('~') ? JSON.stringify(decodeEventBody(body)) : body]);
}

const logged = (events: readonly EngineEvent[], from = 1): LoggedEvent[] => events.map((event, i) => ({ seq: from + i, event, effects: [] }));
const expected = (batch: readonly LoggedEvent[]): Array<[number, number, string, string]> => batch.map((e) => [e.seq, eventTime(e.event), e.event.kind, JSON.stringify(e.event)]);

describe('trading log ops: a group of events packed into one string', () => {
  it('writes every event as its own JSON.stringify, with its seq, time and kind, in groups that do and do not fill whole multi-row inserts', () => {
    const events = scriptedSession(700);
    for (const size of [1, 2, 255, 256, 257, 600]) {
      const batch = logged(events.slice(0, size), 41);
      expect(eventRows(batch)).toEqual(expected(batch));
    }
  });

  it('still splits right when an event holds the marker that separates events (written one by one instead)', () => {
    const events = scriptedSession(20);
    const tick = events.find((e) => e.kind === 'tick')!;
    const odd = JSON.parse(JSON.stringify(tick)) as Extract<EngineEvent, { kind: 'tick' }>;
    // Between two commas, as the marker stands between two events.
    (odd.tick as unknown as { notes: string[] }).notes = ['a', '\u0000levdesk-next-event\u0000', 'b'];
    const batch = logged([...events.slice(0, 5), odd, ...events.slice(5, 9)]);
    expect(eventRows(batch)).toEqual(expected(batch));
  });

  it('writes nothing for an empty group', () => {
    expect(eventRows([])).toEqual([]);
  });
});

/** Every statement run with its parameters, in order (the history rows included). */
function allRows(batch: readonly LoggedEvent[]): Array<[number, unknown[]]> {
  const rows: Array<[number, unknown[]]> = [];
  runOps(LOG_STATEMENTS.map((_, i) => ({ run: (...params: unknown[]) => rows.push([i, params]) })), encodeAppend(batch, undefined));
  return rows;
}

/** A tick that liquidates a crowd of 25x traders: liquidations, insurance entries, the trader's own rows. */
function cascade(): LoggedEvent {
  const e = new Engine();
  mustApply(e, setupEvent({ deposit: '50000', leverage: 10 }));
  mustApply(e, { kind: 'crowd', t: T0, symbol: 'BTCUSDT', params: { seed: 3, traders: 400, longShare: 1, leverage: [{ leverage: 25, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.2, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0 } });
  mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '100000') });
  const event = { kind: 'tick', tick: tick(T0 + 120_000, '90000') } as const;
  return { seq: e.readState.seq + 1, event, effects: mustApply(e, event) };
}

describe("trading log ops: a cascade's history rows written ahead", () => {
  it('writes the same rows, in the same order, as the rows encoded at the commit', () => {
    const at = cascade();
    const liquidations = at.effects.filter((x) => x.kind === 'liquidation').length;
    expect(liquidations).toBeGreaterThan(100);
    const plain = allRows([at]);
    for (const every of [1, 7, 250, 100_000]) {
      const steps = encodeRowsSteps(at.seq, at.effects, every);
      let r = steps.next();
      let pauses = 0;
      for (; !r.done; r = steps.next()) pauses += 1;
      expect(pauses).toBe(Math.ceil(at.effects.length / every));
      const ahead: LoggedEvent = { ...at, rows: r.value };
      expect(r.value.every((b) => b instanceof Uint8Array)).toBe(true);
      const ops = encodeAppend([ahead], undefined);
      expect(ops.filter((x) => x === PACKED_ROWS).length).toBe(r.value.length);
      expect(allRows([ahead])).toEqual(plain);
    }
    expect(plain.filter(([s]) => s === S.liquidation)).toHaveLength(liquidations);
  });
});

import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { eventTime } from '#shared/domain/trading-commands';
import { decodeEventBody } from '#main/store/tick-columns';
import { LOG_STATEMENTS, S, encodeAppend, runOps, type LoggedEvent } from '#main/store/trading-log-ops';
import { scriptedSession } from '../integration/trading/session-script';

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

import { describe, expect, it } from 'vitest';
import type { SeriesInfo } from '#shared/domain/market-series';
import { ScenarioSchema } from '#shared/domain/scenario';
import { buildSeriesScenario, initialForm, parseUtc } from '../../../renderer/views/data/series-scenario';

const S = { id: 3, venue: 'binance', symbol: 'BTCUSDT', interval: '1m', kind: 'trade', rows: 120, from: Date.parse('2020-03-13T01:00:00Z'), to: Date.parse('2020-03-13T02:59:00Z'), gaps: [], gapCount: 0, missing: 0, origin: 'default' } as unknown as SeriesInfo;

describe('a scenario from a stored series', () => {
  it('prefills the window and builds a document the scenario schema accepts', () => {
    const f = initialForm(S, S.from!, S.to! + 60_000, true);
    expect(f.start).toBe('2020-03-13 01:00');
    expect(f.end).toBe('2020-03-13 03:00');
    const r = buildSeriesScenario(S, f);
    if (!r.ok) throw new Error(r.message);
    const doc = ScenarioSchema.parse(JSON.parse(r.json));
    expect(doc).toMatchObject({ symbol: 'BTCUSDT', start: '2020-03-13T01:00:00Z', durationMinutes: 120, market: { type: 'stored', venue: 'binance', interval: '1m' }, funding: { source: 'history', venue: 'binance' } });
    expect(JSON.parse(r.json)).not.toHaveProperty('crowd');
    expect(JSON.parse(r.json)).not.toHaveProperty('account');
  });

  it('adds a crowd and an account only when asked, and names a bad field', () => {
    const f = { ...initialForm(S, S.from!, S.to! + 60_000, false), crowdOn: true, traders: '500', accountOn: true, deposit: '2500', leverage: '20' };
    const r = buildSeriesScenario(S, f);
    if (!r.ok) throw new Error(r.message);
    const doc = ScenarioSchema.parse(JSON.parse(r.json));
    expect(doc.crowd?.traders).toBe(500);
    expect(doc.account).toMatchObject({ deposit: '2500', leverage: 20 });
    expect(doc.funding).toMatchObject({ source: 'model' });
    expect(buildSeriesScenario(S, { ...f, end: f.start })).toMatchObject({ ok: false, field: 'end' });
    expect(buildSeriesScenario(S, { ...f, leverage: '200' })).toMatchObject({ ok: false, field: 'leverage' });
    expect(parseUtc('2020-03-13 1:00')).toBeNull();
  });
});

import { useState } from 'react';
import type { EstimateParams } from '#shared/domain/heatmap';
import { DEFAULT_ESTIMATE } from '#shared/domain/heatmap';

/**
 * The estimate's parameters, shown and editable beside the ESTIMATED label: the leverage mix
 * ("5:30, 10:30, ..." leverage:weight pairs), the holding half-life and the share of volume that
 * opens leveraged positions. A malformed mix is said so and not sent.
 */
export function EstimatePanel({ value, onChange }: { value: EstimateParams; onChange: (p: EstimateParams) => void }) {
  const [mix, setMix] = useState(() => value.leverage.map((l) => `${l.leverage}:${Math.round(l.weight * 100)}`).join(', '));
  const [error, setError] = useState<string | null>(null);
  const applyMix = (text: string): void => {
    const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
    const out: EstimateParams['leverage'] = [];
    for (const p of parts) {
      const m = /^(\d+(?:\.\d+)?)\s*[x×]?\s*:\s*(\d+(?:\.\d+)?)$/.exec(p);
      const lev = m ? Number(m[1]) : NaN;
      if (!m || lev < 1 || lev > 125) {
        setError(`"${p}" is not leverage:weight (e.g. 10:30), leverage 1 to 125`);
        return;
      }
      out.push({ leverage: lev, weight: Number(m[2]) / 100 });
    }
    if (out.length === 0 || out.length > 12) {
      setError('give 1 to 12 leverage:weight pairs');
      return;
    }
    setError(null);
    onChange({ ...value, leverage: out });
  };
  return (
    <section className="hm-estimate" aria-label="Estimate parameters" data-testid="heatmap-estimate-params">
      <p className="hm-estimated-label">ESTIMATED</p>
      <p className="faint">
        A model over the candles, not positions: each candle opens leveraged positions in proportion to its volume at its typical price; a cohort leaves when the price crosses its liquidation price or decays with the half-life.
      </p>
      <label>
        Leverage mix (leverage:weight %)
        <input data-testid="heatmap-estimate-mix" value={mix} onChange={(e) => setMix(e.target.value)} onBlur={() => applyMix(mix)} onKeyDown={(e) => e.key === 'Enter' && applyMix(mix)} aria-invalid={error !== null} />
      </label>
      {error && (
        <p className="warn-text" role="alert">
          {error}
        </p>
      )}
      <label>
        Holding half-life (hours)
        <input type="number" min={0.1} step={0.5} data-testid="heatmap-estimate-halflife" value={value.halfLifeHours} onChange={(e) => Number(e.target.value) > 0 && onChange({ ...value, halfLifeHours: Number(e.target.value) })} />
      </label>
      <label>
        Volume share opening leveraged positions
        <input type="number" min={0.01} max={1} step={0.01} value={value.participation} onChange={(e) => Number(e.target.value) > 0 && Number(e.target.value) <= 1 && onChange({ ...value, participation: Number(e.target.value) })} />
      </label>
      <button type="button" className="hm-btn" onClick={() => {
        setMix(DEFAULT_ESTIMATE.leverage.map((l) => `${l.leverage}:${Math.round(l.weight * 100)}`).join(', '));
        onChange(DEFAULT_ESTIMATE);
      }}>
        Defaults
      </button>
    </section>
  );
}

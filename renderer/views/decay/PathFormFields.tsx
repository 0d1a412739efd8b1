import type { SeriesInfo } from '#shared/domain/market-series';
import { seriesLabel } from '#shared/domain/market-series';
import { RULE_LABEL, RULE_PARAM_DEFAULT, token, type PathForm, type RuleKind, type TokenForm } from './decay-form';

const PARAM_HINT: Record<RuleKind, string> = { daily: '', ftx: 'trigger |lev|', band: 'min-max>target~follow', 'price-band': 'band' };

/** The path source and the instruments of the exact comparison. */
export function PathFormFields({ form, set, series }: { form: PathForm; set: (f: Partial<PathForm>) => void; series: readonly SeriesInfo[] }) {
  const setToken = (key: number, patch: Partial<TokenForm>) => set({ tokens: form.tokens.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
  return (
    <div className="dc-form" data-testid="decay-path-form">
      <fieldset className="dc-group">
        <legend>Path</legend>
        <label className="dc-field">
          <span>Source</span>
          <select value={form.source} data-testid="decay-source" onChange={(e) => set({ source: e.target.value as PathForm['source'] })}>
            <option value="series">Stored series</option>
            <option value="synthetic">Synthetic (GBM / jumps)</option>
            <option value="returns">Typed returns</option>
          </select>
        </label>
        {form.source === 'series' && (
          <>
            <label className="dc-field wide">
              <span>Series</span>
              <select value={form.seriesId ?? ''} data-testid="decay-series" onChange={(e) => set({ seriesId: Number(e.target.value) })}>
                {series.map((s) => (
                  <option key={s.id} value={s.id}>
                    {seriesLabel(s)}
                  </option>
                ))}
              </select>
            </label>
            <label className="dc-field">
              <span>From (UTC)</span>
              <input type="date" value={form.from} data-testid="decay-from" onChange={(e) => set({ from: e.target.value })} />
            </label>
            <label className="dc-field">
              <span>To</span>
              <input type="date" value={form.to} data-testid="decay-to" onChange={(e) => set({ to: e.target.value })} />
            </label>
            <label className="dc-field narrow">
              <span>Rebalance hour</span>
              <input inputMode="numeric" value={form.hour} data-testid="decay-hour" onChange={(e) => set({ hour: e.target.value })} />
            </label>
            <label className="dc-check">
              <input type="checkbox" checked={form.intraday} data-testid="decay-intraday" onChange={(e) => set({ intraday: e.target.checked })} />
              <span>Intraday highs and lows</span>
            </label>
          </>
        )}
        {form.source === 'synthetic' && (
          <>
            <label className="dc-field">
              <span>Model</span>
              <select value={form.model} data-testid="decay-model" onChange={(e) => set({ model: e.target.value as PathForm['model'] })}>
                <option value="gbm">GBM</option>
                <option value="jump-diffusion">Jump-diffusion</option>
              </select>
            </label>
            <Num label="Drift /yr" value={form.drift} id="decay-drift" onChange={(drift) => set({ drift })} />
            <Num label="Volatility /yr" value={form.volatility} id="decay-vol" onChange={(volatility) => set({ volatility })} />
            {form.model === 'jump-diffusion' && (
              <>
                <Num label="Jumps /yr" value={form.jumpIntensity} id="decay-jump-intensity" onChange={(jumpIntensity) => set({ jumpIntensity })} />
                <Num label="Jump mean (log)" value={form.jumpMean} id="decay-jump-mean" onChange={(jumpMean) => set({ jumpMean })} />
                <Num label="Jump sd (log)" value={form.jumpVol} id="decay-jump-vol" onChange={(jumpVol) => set({ jumpVol })} />
              </>
            )}
            <Num label="Days" value={form.days} id="decay-days" onChange={(days) => set({ days })} />
            <Num label="Steps/day" value={form.stepsPerDay} id="decay-steps" onChange={(stepsPerDay) => set({ stepsPerDay })} />
            <Num label="Seed" value={form.seed} id="decay-seed" onChange={(seed) => set({ seed })} />
          </>
        )}
        {form.source === 'returns' && (
          <>
            <label className="dc-field wide">
              <span>Daily returns (0.1 = +10%)</span>
              <input value={form.returns} data-testid="decay-returns" onChange={(e) => set({ returns: e.target.value })} />
            </label>
            <Num label="Repeat" value={form.repeat} id="decay-repeat" onChange={(repeat) => set({ repeat })} />
          </>
        )}
      </fieldset>
      <fieldset className="dc-group">
        <legend>Costs</legend>
        <label className="dc-field">
          <span>Funding</span>
          <select value={form.funding} data-testid="decay-funding" onChange={(e) => set({ funding: e.target.value as PathForm['funding'] })}>
            <option value="stored" disabled={form.source !== 'series'}>
              Stored history
            </option>
            <option value="constant">Constant rate</option>
          </select>
        </label>
        {form.funding === 'constant' && <Num label="Rate /day" value={form.fundingRate} id="decay-funding-rate" onChange={(fundingRate) => set({ fundingRate })} />}
        <Num label="Margin MMR" value={form.mmr} id="decay-mmr" onChange={(mmr) => set({ mmr })} />
        <label className="dc-check">
          <input type="checkbox" checked={form.margins} data-testid="decay-margins" onChange={(e) => set({ margins: e.target.checked })} />
          <span>Static margin positions</span>
        </label>
      </fieldset>
      <fieldset className="dc-group dc-tokens">
        <legend>Tokens</legend>
        {form.tokens.map((t, i) => (
          <div key={t.key} className="dc-token" data-testid="decay-token">
            <input aria-label={`Token ${i + 1} leverage`} className="lev" value={t.leverage} data-testid="decay-token-leverage" onChange={(e) => setToken(t.key, { leverage: e.target.value })} />
            <select aria-label={`Token ${i + 1} rule`} value={t.rule} data-testid="decay-token-rule" onChange={(e) => setToken(t.key, { rule: e.target.value as RuleKind, param: RULE_PARAM_DEFAULT[e.target.value as RuleKind] })}>
              {(Object.keys(RULE_LABEL) as RuleKind[]).map((k) => (
                <option key={k} value={k}>
                  {RULE_LABEL[k]}
                </option>
              ))}
            </select>
            <input aria-label={`Token ${i + 1} rule parameter`} className="param" placeholder={PARAM_HINT[t.rule]} disabled={t.rule === 'daily'} value={t.param} onChange={(e) => setToken(t.key, { param: e.target.value })} />
            <input aria-label={`Token ${i + 1} management fee per day`} className="fee" title="management fee per day" value={t.fee} onChange={(e) => setToken(t.key, { fee: e.target.value })} />
            <button type="button" className="btn-ghost" aria-label={`Remove token ${i + 1}`} disabled={form.tokens.length < 2} onClick={() => set({ tokens: form.tokens.filter((x) => x.key !== t.key) })}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn-ghost" data-testid="decay-add-token" disabled={form.tokens.length >= 10} onClick={() => set({ tokens: [...form.tokens, token('3', 'daily')] })}>
          + token
        </button>
      </fieldset>
    </div>
  );
}

function Num({ label, value, id, onChange }: { label: string; value: string; id: string; onChange: (v: string) => void }) {
  return (
    <label className="dc-field narrow">
      <span>{label}</span>
      <input inputMode="decimal" value={value} data-testid={id} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

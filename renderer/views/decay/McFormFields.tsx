import { MC_RULE_LABEL, type McForm } from './mc-form';

/** The Monte Carlo inputs: model (with the jump parameters), horizon, tokens and their rule's parameters. */
export function McFormFields({ f, set }: { f: McForm; set: (patch: Partial<McForm>) => void }) {
  const field = (label: string, key: keyof McForm, testId: string, wide = false, title?: string) => (
    <label className={`dc-field ${wide ? 'wide' : 'narrow'}`} title={title}>
      <span>{label}</span>
      <input value={String(f[key])} data-testid={testId} onChange={(e) => set({ [key]: e.target.value } as Partial<McForm>)} />
    </label>
  );
  return (
    <div className="dc-form">
      <fieldset className="dc-group">
        <legend>Model (float64, seeded xoshiro128**)</legend>
        <label className="dc-field">
          <span>Model</span>
          <select value={f.model} data-testid="mc-model" onChange={(e) => set({ model: e.target.value as McForm['model'] })}>
            <option value="gbm">GBM</option>
            <option value="jump-diffusion">Jump-diffusion (Merton)</option>
          </select>
        </label>
        {field('Drift /yr', 'drift', 'mc-drift')}
        {field('Volatility /yr', 'volatility', 'mc-vol')}
        {f.model === 'jump-diffusion' && (
          <>
            {field('Jumps /yr', 'jumpIntensity', 'mc-jump-intensity', false, 'expected number of jumps per year (Poisson intensity)')}
            {field('Jump mean (log)', 'jumpMean', 'mc-jump-mean', false, 'mean of the log jump size: -0.05 is about a 5% drop')}
            {field('Jump sd (log)', 'jumpVol', 'mc-jump-vol', false, 'standard deviation of the log jump size')}
          </>
        )}
        {field('Days', 'days', 'mc-days')}
        {field('Paths', 'paths', 'mc-paths')}
        {field('Seed', 'seed', 'mc-seed')}
      </fieldset>
      <fieldset className="dc-group">
        <legend>Tokens</legend>
        {field('Leverages', 'leverages', 'mc-leverages', true)}
        <label className="dc-field">
          <span>Rule</span>
          <select value={f.rule} data-testid="mc-rule" onChange={(e) => set({ rule: e.target.value as McForm['rule'] })}>
            {(Object.keys(MC_RULE_LABEL) as McForm['rule'][]).map((k) => (
              <option key={k} value={k}>
                {MC_RULE_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {f.rule === 'ftx' && field('Trigger |lev|', 'ftxTrigger', 'mc-ftx-trigger', false, 'rebalance when |leverage| reaches this (4 for a 3x token), plus the daily close')}
        {f.rule === 'band' && (
          <>
            {field('Band min |lev|', 'bandMin', 'mc-band-min')}
            {field('Band max |lev|', 'bandMax', 'mc-band-max')}
            {field('Target |lev|', 'bandTarget', 'mc-band-target', false, 'empty: each token’s own leverage')}
            {field('Target follow', 'bandFollow', 'mc-band-follow', false, 'variable target: a rebalance goes to target + follow × (leverage reached − target); 0 = fixed target')}
          </>
        )}
        {f.rule === 'price-band' && (
          <>
            {field('Price band', 'priceBand', 'mc-price-band', false, 'rebalance when price moves this fraction from the last rebalance (0.15 = 15%)')}
            <label className="dc-check">
              <input type="checkbox" checked={f.priceBandDaily} data-testid="mc-price-band-daily" onChange={(e) => set({ priceBandDaily: e.target.checked })} />
              <span>+ daily</span>
            </label>
          </>
        )}
        {field('Fee /day', 'fee', 'mc-fee')}
        {field('Funding /day', 'funding', 'mc-funding')}
      </fieldset>
    </div>
  );
}

import type { Input } from '#shared/ipc/contract';
import type { SeriesInfo } from '#shared/domain/market-series';

export type RuleKind = 'daily' | 'ftx' | 'band' | 'price-band';

export interface TokenForm {
  readonly key: number;
  readonly leverage: string;
  readonly rule: RuleKind;
  /** ftx: trigger |leverage|; band: "min-max>target~follow" (target and ~follow optional; follow > 0 is the variable target); price-band: the band fraction. */
  readonly param: string;
  readonly fee: string;
}

export interface PathForm {
  readonly source: 'series' | 'synthetic' | 'returns';
  readonly seriesId: number | null;
  readonly from: string;
  readonly to: string;
  readonly intraday: boolean;
  readonly hour: string;
  readonly model: 'gbm' | 'jump-diffusion';
  readonly drift: string;
  readonly volatility: string;
  readonly jumpIntensity: string;
  readonly jumpMean: string;
  readonly jumpVol: string;
  readonly days: string;
  readonly stepsPerDay: string;
  readonly seed: string;
  readonly returns: string;
  readonly repeat: string;
  readonly tokens: readonly TokenForm[];
  readonly funding: 'constant' | 'stored';
  readonly fundingRate: string;
  readonly margins: boolean;
  readonly mmr: string;
}

export const RULE_LABEL: Record<RuleKind, string> = {
  daily: 'Daily at the hour',
  ftx: 'FTX threshold + daily',
  band: 'Need-based band (Binance-style model)',
  'price-band': 'Price band',
};

export const RULE_PARAM_DEFAULT: Record<RuleKind, string> = { daily: '', ftx: '4', band: '1.25-4', 'price-band': '0.15' };

let nextKey = 1;
export function token(leverage: string, rule: RuleKind, fee = '0.0003'): TokenForm {
  return { key: nextKey++, leverage, rule, param: RULE_PARAM_DEFAULT[rule], fee };
}

export function defaultPathForm(series: readonly SeriesInfo[]): PathForm {
  // The embedded FTX-collapse month is the natural first path: a real crash, hourly highs and lows.
  const s = series.find((x) => x.symbol === 'BTCUSDT' && x.interval === '1h' && x.kind === 'trade') ?? series.find((x) => x.interval === '1h' || x.interval === '4h') ?? null;
  const day = (t: number | null) => (t === null ? '' : new Date(t).toISOString().slice(0, 10));
  return {
    source: s ? 'series' : 'returns',
    seriesId: s?.id ?? null,
    from: day(s?.from ?? null),
    to: s?.to !== null && s?.to !== undefined ? day(s.to + 86_400_000) : '',
    intraday: true,
    hour: '0',
    model: 'gbm',
    drift: '0',
    volatility: '0.8',
    jumpIntensity: '12',
    jumpMean: '-0.05',
    jumpVol: '0.08',
    days: '365',
    stepsPerDay: '1',
    seed: '1',
    returns: '0.1, -0.1',
    repeat: '10',
    tokens: [token('2', 'daily'), token('3', 'ftx'), token('5', 'daily'), token('-1', 'daily'), token('-3', 'daily')],
    funding: s ? 'stored' : 'constant',
    fundingRate: '0',
    margins: true,
    mmr: '0.004',
  };
}

function rule(t: TokenForm): Input<'decay.simulate'>['tokens'][number]['rule'] {
  switch (t.rule) {
    case 'daily':
      return { kind: 'daily' };
    case 'ftx':
      return { kind: 'ftx', maxAbsLeverage: t.param || '4' };
    case 'band': {
      const m = /^\s*([\d.]+)\s*-\s*([\d.]+)\s*(?:>\s*([\d.]+))?\s*(?:~\s*([\d.]+))?\s*$/.exec(t.param);
      if (!m) return { kind: 'band' };
      return { kind: 'band', minAbsLeverage: m[1]!, maxAbsLeverage: m[2]!, ...(m[3] ? { target: m[3] } : {}), ...(m[4] ? { targetFollow: m[4] } : {}) };
    }
    case 'price-band':
      return { kind: 'price-band', band: t.param || '0.15' };
    default: {
      const never: never = t.rule;
      throw new Error(String(never));
    }
  }
}

const num = (s: string): number => Number(s.trim());

/** The form as the channel's input; the channel names whatever is wrong. */
export function toLabInput(f: PathForm, series: readonly SeriesInfo[]): Input<'decay.simulate'> {
  let source: Input<'decay.simulate'>['source'];
  if (f.source === 'series') {
    const s = series.find((x) => x.id === f.seriesId);
    if (!s) throw new Error('choose a stored series');
    source = {
      type: 'series',
      series: { venue: s.venue, symbol: s.symbol, interval: s.interval, kind: s.kind === 'premium' ? 'trade' : s.kind, from: `${f.from}T00:00:00Z`, to: `${f.to}T00:00:00Z`, path: f.intraday ? 'intraday' : 'daily', rebalanceHourUtc: num(f.hour) },
    };
  } else if (f.source === 'synthetic') {
    const base = { drift: f.drift, volatility: f.volatility };
    source = {
      type: 'synthetic',
      model: f.model === 'gbm' ? { type: 'gbm', ...base } : { type: 'jump-diffusion', ...base, jumpIntensity: f.jumpIntensity, jumpMean: f.jumpMean, jumpVolatility: f.jumpVol },
      days: num(f.days),
      stepsPerDay: num(f.stepsPerDay),
      seed: num(f.seed),
    };
  } else {
    source = { type: 'returns', returns: f.returns.split(/[,\s]+/).filter(Boolean), repeat: num(f.repeat) };
  }
  return {
    source,
    tokens: f.tokens.map((t) => ({ leverage: t.leverage.trim(), rule: rule(t), managementFeePerDay: t.fee.trim() || '0' })),
    margins: f.margins,
    funding: f.funding === 'stored' ? { mode: 'stored' } : { mode: 'constant', ratePerDay: f.fundingRate.trim() || '0' },
    maintenanceMarginRate: f.mmr.trim() || '0.004',
  };
}

import type { Input } from '#shared/ipc/contract';

/** The Monte Carlo tab's form: every rule `levdesk decay-mc` takes and the jump-diffusion parameters. */
export interface McForm {
  model: 'gbm' | 'jump-diffusion';
  drift: string;
  volatility: string;
  /** Expected jumps per year, mean and standard deviation of the log jump. */
  jumpIntensity: string;
  jumpMean: string;
  jumpVol: string;
  days: string;
  paths: string;
  seed: string;
  leverages: string;
  fee: string;
  funding: string;
  rule: 'daily' | 'ftx' | 'band' | 'price-band';
  ftxTrigger: string;
  bandMin: string;
  bandMax: string;
  /** Empty: each token's own leverage. */
  bandTarget: string;
  /** 0: a fixed target; else the variable target's share of the drift kept. */
  bandFollow: string;
  priceBand: string;
  priceBandDaily: boolean;
  gridVols: string;
  gridLevs: string;
}

export const MC_DEFAULT: McForm = {
  model: 'gbm',
  drift: '0',
  volatility: '0.8',
  jumpIntensity: '12',
  jumpMean: '-0.05',
  jumpVol: '0.08',
  days: '365',
  paths: '20000',
  seed: '1',
  leverages: '2, 3, -1, -3',
  fee: '0.0003',
  funding: '0',
  rule: 'daily',
  ftxTrigger: '4',
  bandMin: '1.25',
  bandMax: '4',
  bandTarget: '',
  bandFollow: '0',
  priceBand: '0.15',
  priceBandDaily: false,
  gridVols: '0.2, 0.4, 0.6, 0.8, 1.0, 1.2',
  gridLevs: '-3, -2, -1, 2, 3, 5',
};

export const MC_RULE_LABEL: Record<McForm['rule'], string> = {
  daily: 'Daily',
  ftx: 'FTX threshold + daily',
  band: 'Need-based band (Binance-style model)',
  'price-band': 'Price band',
};

export const list = (s: string): number[] => s.split(/[,\s]+/).filter(Boolean).map(Number);
/** Numbers go as typed (strings): the channel's schema names whatever is not a number. */
const num = (s: string): number | string => (s.trim() === '' ? '' : Number.isFinite(Number(s)) ? Number(s) : s.trim());

type McInput = Input<'decay.monteCarlo'>;

export function mcModel(f: McForm): McInput['model'] {
  if (f.model === 'gbm') return { type: 'gbm', drift: num(f.drift), volatility: num(f.volatility) };
  return { type: 'jump-diffusion', drift: num(f.drift), volatility: num(f.volatility), jumpIntensity: num(f.jumpIntensity), jumpMean: num(f.jumpMean), jumpVolatility: num(f.jumpVol) };
}

/** One token's rule: a band's target takes the token's sign (a short token stays short). */
export function mcRebalance(f: McForm, leverage: number): McInput['tokens'][number]['rebalance'] {
  switch (f.rule) {
    case 'daily':
      return 'daily';
    case 'ftx':
      // A token at or above the trigger has no FTX band: it rebalances daily only.
      return Math.abs(leverage) >= Number(f.ftxTrigger) ? 'daily' : { maxAbsLeverage: num(f.ftxTrigger), daily: true };
    case 'band': {
      const target = f.bandTarget.trim() === '' ? null : Math.abs(Number(f.bandTarget)) * Math.sign(leverage);
      return {
        minAbsLeverage: num(f.bandMin),
        maxAbsLeverage: num(f.bandMax),
        ...(target !== null ? { rebalanceTo: target } : {}),
        ...(f.bandFollow.trim() !== '' ? { targetFollow: num(f.bandFollow) } : {}),
        daily: false,
      };
    }
    case 'price-band':
      return { priceBand: num(f.priceBand), daily: f.priceBandDaily };
    default: {
      const never: never = f.rule;
      throw new Error(String(never));
    }
  }
}

/** What the run used, in words (shown with its result). */
export function mcRunLabel(f: McForm): string {
  const model =
    f.model === 'gbm'
      ? `GBM, drift ${f.drift}, volatility ${f.volatility}`
      : `jump-diffusion, drift ${f.drift}, volatility ${f.volatility}, ${f.jumpIntensity} jumps/yr, log jump ${f.jumpMean} ± ${f.jumpVol}`;
  let rule: string;
  switch (f.rule) {
    case 'daily':
      rule = 'daily rebalance';
      break;
    case 'ftx':
      rule = `FTX ${f.ftxTrigger}x trigger + daily`;
      break;
    case 'band':
      rule = `band ${f.bandMin}–${f.bandMax}x to ${f.bandTarget.trim() || 'the leverage'}${Number(f.bandFollow) > 0 ? `, variable target (follow ${f.bandFollow})` : ''} (model)`;
      break;
    default:
      rule = `price band ${(Number(f.priceBand) * 100).toFixed(1)}%${f.priceBandDaily ? ' + daily' : ''}`;
  }
  return `${model}; ${rule}; fee ${f.fee}/day, funding ${f.funding}/day`;
}

import { describe, expect, it } from 'vitest';
import { runLab, LabInputError } from '#main/analytics/decay/lab';
import { runLabOffMain } from '#main/analytics/decay/lab-runner';
import type { MarketData } from '#main/market/feed/compile';
import { LabInputSchema } from '#shared/domain/decay-lab';

/** The exact single path runs on a worker thread and gives the digits the calling thread gives. */
const noData = (): MarketData => {
  throw new Error('no stored series here');
};

describe('the exact decay path off main', () => {
  it('gives the same rows, digit for digit, as on the calling thread', async () => {
    const input = LabInputSchema.parse({
      source: { type: 'synthetic', model: { type: 'jump-diffusion', drift: 0.1, volatility: 0.9, jumpIntensity: 20, jumpMean: -0.05, jumpVolatility: 0.1 }, days: 60, stepsPerDay: 6, seed: 3 },
      tokens: [
        { leverage: '3', rule: { kind: 'ftx' }, managementFeePerDay: '0.0003' },
        { leverage: '-3', rule: { kind: 'band', target: '2.5', targetFollow: '0.5' } },
        { leverage: '2', rule: { kind: 'price-band', band: '0.1' } },
      ],
      funding: { mode: 'constant', ratePerDay: '0.0001' },
    });
    const off = await runLabOffMain('', input, noData);
    const here = runLab({} as MarketData, input);
    expect(off).toEqual(here);
    expect(off.rows.find((r) => r.instrument === 'token:-3')!.label).toContain('variable target (follow 0.5)');
  });

  it('brings a bad input back as the error the handler maps to BAD_INPUT', async () => {
    const input = LabInputSchema.parse({ source: { type: 'returns', returns: ['1', '1'], repeat: 200 }, tokens: [{ leverage: '3', rule: { kind: 'daily' } }] });
    await expect(runLabOffMain('', input, noData)).rejects.toBeInstanceOf(LabInputError);
  });
});

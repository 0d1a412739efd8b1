import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { DecayPage } from './pages/decay-page';

test('the Decay Monte Carlo takes every rule levdesk decay-mc takes and the jump-diffusion parameters', async ({ page, host }) => {
  // Several small runs on a shared 2-core machine: generous limits, no timing asserted.
  test.setTimeout(300_000);
  const app = new AppPage(page);
  const decay = new DecayPage(page);
  await page.setViewportSize({ width: 1280, height: 1100 });
  await app.open(host.url);
  await app.goTo('decay');
  await decay.tab('monte-carlo').click();
  await decay.mc('paths').fill('2000');
  await decay.mc('days').fill('120');
  await decay.mc('leverages').fill('3, -3');

  const run = async (label: string | RegExp) => {
    await decay.mc('run').click();
    await expect(decay.mc('label')).toContainText(label, { timeout: 120_000 });
    await expect(decay.mcRows).toHaveCount(2);
  };

  // Daily: one rebalance a day on every surviving path.
  await run('daily rebalance');
  const daily = await decay.mcRebalances(3);
  expect(daily).toBeGreaterThan(100);

  // The need-based band with a variable target: rebalances only when |leverage| leaves 1.25-4.
  await decay.mc('rule').selectOption('band');
  await decay.mc('band-min').fill('1.25');
  await decay.mc('band-max').fill('4');
  await decay.mc('band-follow').fill('0.5');
  await run('band 1.25–4x to the leverage, variable target (follow 0.5) (model)');
  const band = await decay.mcRebalances(3);
  expect(band).toBeGreaterThan(0);
  expect(band).toBeLessThan(daily / 4);

  // The same band with a fixed target (each rebalance all the way back) rebalances another number of times.
  await decay.mc('band-follow').fill('0');
  await run('band 1.25–4x to the leverage (model); fee');
  expect(await decay.mcRebalances(3)).not.toBe(band);

  // A price band: 10% moves from the last rebalance, plus the daily close.
  await decay.mc('rule').selectOption('price-band');
  await decay.mc('price-band').fill('0.1');
  await decay.mc('price-band-daily').check();
  await run('price band 10.0% + daily');
  expect(await decay.mcRebalances(3)).toBeGreaterThan(daily);

  // FTX with another trigger.
  await decay.mc('rule').selectOption('ftx');
  await decay.mc('ftx-trigger').fill('5');
  await run('FTX 5x trigger + daily');

  // Jump-diffusion with its three parameters, which reach the worker (a bad one is named).
  await decay.mc('model').selectOption('jump-diffusion');
  await decay.mc('jump-intensity').fill('30');
  await decay.mc('jump-mean').fill('-0.1');
  await decay.mc('jump-vol').fill('0.05');
  await run('jump-diffusion, drift 0, volatility 0.8, 30 jumps/yr, log jump -0.1 ± 0.05');
  await decay.mc('jump-vol').fill('-1');
  await decay.mc('run').click();
  await expect(decay.mcError).toContainText('jumpVolatility', { timeout: 60_000 });
});

import { expect, type Locator, type Page } from '@playwright/test';

/** Locators for the Decay view, kept out of the specs. */
export class DecayPage {
  constructor(readonly page: Page) {}

  testId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  get view(): Locator {
    return this.testId('decay-view');
  }

  tab(id: 'path' | 'monte-carlo'): Locator {
    return this.testId(`decay-tabs-${id}`);
  }

  /** A row of the terminal-value table: `token:3`, `margin:3`, `spot`. */
  row(instrument: string): Locator {
    return this.page.locator(`[data-testid="decay-row"][data-instrument="${instrument}"]`);
  }

  get rows(): Locator {
    return this.testId('decay-row');
  }

  get chart(): Locator {
    return this.testId('decay-chart');
  }

  get description(): Locator {
    return this.testId('decay-description');
  }

  get run(): Locator {
    return this.testId('decay-run');
  }

  get source(): Locator {
    return this.testId('decay-source');
  }

  get returns(): Locator {
    return this.testId('decay-returns');
  }

  get repeat(): Locator {
    return this.testId('decay-repeat');
  }

  get funding(): Locator {
    return this.testId('decay-funding');
  }

  get logScale(): Locator {
    return this.testId('decay-log');
  }

  get exportCsv(): Locator {
    return this.testId('decay-export');
  }

  mc(
    id:
      | 'run'
      | 'cancel'
      | 'paths'
      | 'days'
      | 'leverages'
      | 'vol'
      | 'progress'
      | 'speed'
      | 'table'
      | 'label'
      | 'model'
      | 'rule'
      | 'ftx-trigger'
      | 'band-min'
      | 'band-max'
      | 'band-target'
      | 'band-follow'
      | 'price-band'
      | 'price-band-daily'
      | 'jump-intensity'
      | 'jump-mean'
      | 'jump-vol',
  ): Locator {
    return this.testId(`mc-${id}`);
  }

  /** Mean rebalances per path of the token row of a leverage. */
  async mcRebalances(leverage: number): Promise<number> {
    return Number(await this.page.locator(`[data-testid="mc-row"][data-leverage="${leverage}"]`).getAttribute('data-rebalances'));
  }

  get mcError(): Locator {
    return this.page.locator('.dc-mc [role="alert"]');
  }

  get mcRows(): Locator {
    return this.testId('mc-row');
  }

  grid(id: 'vols' | 'levs' | 'run'): Locator {
    return this.testId(`grid-${id}`);
  }

  get heatCells(): Locator {
    return this.testId('decay-heat-cell');
  }

  /** The first result (the embedded November 2022 month) is on screen. */
  async waitForStoredPath(): Promise<void> {
    await expect(this.description).toContainText('binance BTCUSDT 1h trade', { timeout: 30_000 });
    await expect(this.row('spot')).toHaveAttribute('data-value-end', /^\d/);
  }
}

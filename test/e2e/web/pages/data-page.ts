import { expect, type Locator, type Page } from '@playwright/test';

/** Locators for the Data view, kept out of the specs. */
export class DataPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByTestId('data-view');
  }

  tab(id: 'series' | 'import' | 'scenarios'): Locator {
    return this.page.getByTestId(`data-tabs-${id}`);
  }

  get seriesList(): Locator {
    return this.page.getByTestId('series-list');
  }

  series(venue: string, symbol: string, interval: string, kind: string): Locator {
    return this.page.getByTestId(`series-${venue}-${symbol}-${interval}-${kind}`);
  }

  get chart(): Locator {
    return this.page.getByTestId('series-chart');
  }

  get newScenario(): Locator {
    return this.page.getByTestId('series-new-scenario');
  }

  get fromSeries(): Locator {
    return this.page.getByTestId('scenario-from-series');
  }

  get coverageGaps(): Locator {
    return this.page.getByTestId('coverage-gaps');
  }

  get importInput(): Locator {
    return this.page.getByTestId('import-input');
  }

  get importRun(): Locator {
    return this.page.getByTestId('import-run');
  }

  get importResult(): Locator {
    return this.page.getByTestId('import-result');
  }

  get importError(): Locator {
    return this.page.getByTestId('import-error');
  }

  scenario(id: string): Locator {
    return this.page.getByTestId(`scenario-${id}`);
  }

  get scenarioJson(): Locator {
    return this.page.getByTestId('scenario-json');
  }

  get scenarioIssues(): Locator {
    return this.page.getByTestId('scenario-issues');
  }

  get scenarioNote(): Locator {
    return this.page.getByTestId('scenario-note');
  }

  /** The embedded default data set loads in the background on a new workspace: wait for it. */
  async waitForDefaultData(): Promise<void> {
    await expect(this.series('binance', 'BTCUSDT', '1h', 'trade')).toBeVisible();
    await expect(this.series('binance', 'BTCUSDT', '5m', 'mark')).toBeVisible();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** Locators for the Planner view (the data-testids of issue 11 are a contract). */
export class PlannerPage {
  readonly app: AppPage;
  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  async open(url: string): Promise<void> {
    await this.app.open(url);
    await this.app.goTo('planner');
    await expect(this.view).toBeVisible();
  }

  testId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  get view(): Locator {
    return this.testId('planner-view');
  }

  get equity(): Locator {
    return this.testId('planner-equity');
  }
  get risk(): Locator {
    return this.testId('planner-risk');
  }
  get entry(): Locator {
    return this.testId('planner-entry');
  }
  get stop(): Locator {
    return this.testId('planner-stop');
  }
  get leverage(): Locator {
    return this.testId('planner-leverage');
  }
  get quantity(): Locator {
    return this.testId('planner-quantity');
  }
  get liquidation(): Locator {
    return this.testId('planner-liq');
  }
  get loss(): Locator {
    return this.testId('planner-loss');
  }
  get verdict(): Locator {
    return this.testId('planner-verdict');
  }
  get maxSafeLeverage(): Locator {
    return this.testId('planner-max-safe-leverage');
  }
  get send(): Locator {
    return this.testId('planner-send');
  }
  get explain(): Locator {
    return this.testId('planner-explain');
  }

  /** The keyboard grip of a chart line: 'entry', 'stop', 'tp0'... */
  grip(id: string): Locator {
    return this.testId(`planner-grip-${id}`);
  }

  rungValue(i: number): Locator {
    return this.testId(`planner-rung-value-${i}`);
  }
  rungPercent(i: number): Locator {
    return this.testId(`planner-rung-percent-${i}`);
  }
  rungKind(i: number): Locator {
    return this.testId(`planner-rung-${i}`).getByRole('combobox');
  }

  /** Types the example: equity, risk %, entry, stop and leverage. */
  async plan(p: { equity: string; risk: string; entry: string; stop: string; leverage: string }): Promise<void> {
    await this.equity.fill(p.equity);
    await this.risk.fill(p.risk);
    await this.entry.fill(p.entry);
    await this.stop.fill(p.stop);
    await this.leverage.fill(p.leverage);
  }

  value(locator: Locator): Promise<string | null> {
    return locator.getAttribute('data-value');
  }
}

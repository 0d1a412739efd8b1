import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

type Speed = '1x' | '10x' | '60x' | '600x' | '1800x' | '7200x' | 'max';

/** Locators and steps for the Trade view, kept out of the tests themselves. */
export class TradePage {
  readonly app: AppPage;
  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  async open(url: string): Promise<void> {
    await this.app.open(url);
    await expect(this.page.locator('main.view')).toHaveAttribute('data-view', 'trade');
    await expect(this.view).toBeVisible();
  }

  get view(): Locator {
    return this.page.getByTestId('trade-view');
  }

  testId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  // ---- replay ---------------------------------------------------------------------------------

  get scenario(): Locator {
    return this.testId('replay-scenario');
  }

  get replayBar(): Locator {
    return this.testId('replay-bar');
  }

  get playButton(): Locator {
    return this.testId('replay-play');
  }

  speedOption(speed: Speed): Locator {
    return this.testId('replay-speed').locator(`[data-value="${speed}"]`);
  }

  get speed(): Locator {
    return this.testId('replay-speed').locator('[aria-checked="true"]');
  }

  /** The "Pause on" menu's checkbox for one of the trader's events. */
  async pauseOn(event: 'fill' | 'stop' | 'liquidation' | 'adl'): Promise<Locator> {
    const menu = this.testId('pause-on');
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
    return this.testId(`pause-on-${event}`);
  }

  get pausedBy(): Locator {
    return this.testId('replay-paused-by');
  }

  get replayTime(): Locator {
    return this.testId('replay-time');
  }

  /** Presses a replay key with the focus on the page itself (keys are ignored in fields and on buttons). */
  async replayKey(key: string): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  /** Loads a scenario and waits until its market has a last price and the session is live. */
  async loadScenario(id: string): Promise<void> {
    await this.scenario.selectOption(id);
    await expect(this.scenario).toHaveValue(id);
    await expect(this.replayBar).toHaveAttribute('data-state', 'paused');
    await expect(this.view).toHaveAttribute('data-session', 'active');
  }

  async play(speed: Speed): Promise<void> {
    await this.speedOption(speed).click();
    await expect(this.speedOption(speed)).toHaveAttribute('aria-checked', 'true');
    if ((await this.replayBar.getAttribute('data-state')) !== 'playing') await this.playButton.click();
    await expect(this.replayBar).toHaveAttribute('data-state', /playing|ended/);
  }

  /** Pauses a running replay; one that reached its end meanwhile counts as stopped too. */
  async pause(): Promise<void> {
    await expect(async () => {
      const state = await this.replayBar.getAttribute('data-state');
      if (state === 'playing' && (await this.playButton.isEnabled())) await this.playButton.click({ timeout: 1000 });
      await expect(this.replayBar).toHaveAttribute('data-state', /paused|ended/, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
  }

  /** Seeks on the timeline to a market time ("2024-03-01T00:20:00Z") and waits for the clock. */
  async seekTo(iso: string): Promise<void> {
    const seek = this.testId('replay-seek');
    // Asked again until the clock shows it: under load the market of a scenario with a crowd can
    // start building ("Building the market…") just after loadScenario saw it active, and a seek
    // filled in just before that is lost (the clock stays at the start). A repeated seek is harmless.
    await expect(async () => {
      await seek.fill(String(Date.parse(iso)));
      await seek.blur();
      await expect(this.testId('replay-time')).toContainText(iso.slice(0, 16).replace('T', ' '), { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
  }

  /** Steps the replay one tick at a time until the market's last price exists. */
  async stepUntilPriced(): Promise<void> {
    await expect(async () => {
      if ((await this.lastPrice.textContent())?.trim() === '—') await this.testId('replay-step').click();
      await expect(this.lastPrice).not.toHaveText('—', { timeout: 500 });
    }).toPass({ timeout: 15_000 });
  }

  // ---- market ----------------------------------------------------------------------------------

  get lastPrice(): Locator {
    return this.testId('market-last');
  }

  get fundingRate(): Locator {
    return this.testId('funding-rate');
  }

  get fundingRateSource(): Locator {
    return this.testId('funding-rate-source');
  }

  get insuranceBalance(): Locator {
    return this.testId('insurance-balance');
  }

  // ---- ticket ----------------------------------------------------------------------------------

  side(side: 'buy' | 'sell'): Locator {
    return this.testId('ticket-side').locator(`[data-value="${side}"]`);
  }

  get orderType(): Locator {
    return this.testId('ticket-type');
  }

  get price(): Locator {
    return this.testId('ticket-price');
  }

  get quantity(): Locator {
    return this.testId('ticket-qty');
  }

  get leverage(): Locator {
    return this.testId('ticket-leverage');
  }

  get submit(): Locator {
    return this.testId('ticket-submit');
  }

  get ticketError(): Locator {
    return this.testId('ticket-error');
  }

  preview(field: 'price' | 'notional' | 'margin' | 'fee' | 'cost' | 'liq' | 'distance' | 'max'): Locator {
    return this.testId(`preview-${field}`);
  }

  get stopWarning(): Locator {
    return this.testId('preview-stop-warning');
  }

  async stopLoss(price: string): Promise<void> {
    await this.testId('ticket-stop-on').check();
    await this.testId('ticket-stop-price').fill(price);
  }

  /** Turns the take-profit ladder on and fills rung i (price, and its share in percent). */
  async takeProfit(i: number, price: string, percent?: string): Promise<void> {
    await this.testId('ticket-tp-on').check();
    await this.testId(`ticket-tp-${i}-price`).fill(price);
    if (percent) await this.testId(`ticket-tp-${i}-pct`).fill(percent);
  }

  get previewMissing(): Locator {
    return this.testId('preview-missing');
  }

  get confirmOk(): Locator {
    return this.testId('confirm-ok');
  }

  /** Sends the ticket as a market buy of `quantity` and confirms it (Settings ask first by default). */
  async buyAtMarket(quantity: string): Promise<void> {
    await this.orderType.selectOption('market');
    await this.quantity.fill(quantity);
    await this.submit.click();
    await this.confirmOk.click();
  }

  // ---- tables -----------------------------------------------------------------------------------

  tab(id: 'positions' | 'open' | 'history' | 'fills' | 'funding' | 'liquidations' | 'insurance' | 'market'): Locator {
    return this.testId(`tables-${id}`);
  }

  table(id: string): Locator {
    return this.testId(`table-${id}`);
  }

  rows(id: string): Locator {
    return this.testId(`table-${id}-row`);
  }

  rowCount(id: string): Locator {
    return this.testId(`table-${id}-count`);
  }

  csvButton(id: string): Locator {
    return this.testId(`table-${id}-csv`);
  }

  // ---- chart -------------------------------------------------------------------------------------

  get chart(): Locator {
    return this.testId('chart-canvas');
  }

  get chartHistory(): Locator {
    return this.testId('chart-history');
  }

  // ---- explanations and toasts -------------------------------------------------------------------

  get explainPanel(): Locator {
    return this.testId('explain-panel');
  }

  get waterfallPanel(): Locator {
    return this.testId('waterfall-panel');
  }

  toast(kind: 'fill' | 'stop' | 'liquidation' | 'adl' | 'funding' | 'info' | 'error'): Locator {
    return this.testId(`toast-${kind}`);
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/**
 * Locators of the Heatmap view. Its data-testids:
 * - heatmap-view (data-source: engine | estimate)
 * - heatmap-source (segmented: auto | engine | estimate), heatmap-source-label (ENGINE / ESTIMATED)
 * - heatmap-layer-long | -short | -stops (checkboxes), heatmap-scale (log | linear)
 * - heatmap-reset-zoom, heatmap-follow-clock, heatmap-export-png, heatmap-export-csv
 * - heatmap-canvas (data-drawn yes|no, data-source, data-draw-ms, data-compute-ms), heatmap-canvas-wrap,
 *   heatmap-cell-tip (hover card of a cell)
 * - heatmap-own-lines, heatmap-own-line (data-kind liquidation | stop, data-price)
 * - heatmap-cumulative (data-at ISO, data-bins, data-source), heatmap-cursor-time,
 *   heatmap-level-<i> (hover target of level i, lowest price 0), heatmap-level-tip,
 *   heatmap-own-level (data-level), heatmap-split (side | leverage | mode)
 * - heatmap-detail-long | -short | -stops (rows of a hover card: data-quantity, data-notional, data-count)
 * - heatmap-estimate-params, heatmap-estimate-mix, heatmap-estimate-halflife, heatmap-error
 */
export class HeatmapPage {
  readonly app: AppPage;
  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  testId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async open(): Promise<void> {
    await this.app.goTo('heatmap');
    await expect(this.view).toBeVisible();
  }

  get view(): Locator {
    return this.testId('heatmap-view');
  }

  get canvas(): Locator {
    return this.testId('heatmap-canvas');
  }

  sourceOption(v: 'auto' | 'engine' | 'estimate'): Locator {
    return this.testId('heatmap-source').locator(`[data-value="${v}"]`);
  }

  get sourceLabel(): Locator {
    return this.testId('heatmap-source-label');
  }

  get ownLines(): Locator {
    return this.testId('heatmap-own-line');
  }

  get cumulative(): Locator {
    return this.testId('heatmap-cumulative');
  }

  level(i: number): Locator {
    return this.testId(`heatmap-level-${i}`);
  }

  get levelTip(): Locator {
    return this.testId('heatmap-level-tip');
  }

  get cellTip(): Locator {
    return this.testId('heatmap-cell-tip');
  }

  detail(tip: Locator, row: 'long' | 'short' | 'stops'): Locator {
    return tip.getByTestId(`heatmap-detail-${row}`);
  }

  get estimateParams(): Locator {
    return this.testId('heatmap-estimate-params');
  }
}

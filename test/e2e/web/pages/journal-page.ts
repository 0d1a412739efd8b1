import type { Locator, Page } from '@playwright/test';
import { AppPage } from './app-page';

/** Locators of the Journal view. */
export class JournalPage {
  readonly app: AppPage;
  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  testId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  get view(): Locator {
    return this.testId('journal-view');
  }

  tab(name: 'Trades' | 'Statistics' | 'Reconciliation' | 'Import'): Locator {
    return this.testId('journal-tabs').getByRole('tab', { name });
  }

  get files(): Locator {
    return this.testId('journal-import-files');
  }

  get rows(): Locator {
    return this.testId('table-journal-trips-row');
  }

  get count(): Locator {
    return this.testId('table-journal-trips-count');
  }

  get detail(): Locator {
    return this.testId('journal-trip-detail');
  }

  reconcileRow(asset: string): Locator {
    return this.testId(`journal-reconcile-${asset}`);
  }
}

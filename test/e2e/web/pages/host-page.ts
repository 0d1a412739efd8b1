import type { Locator, Page } from '@playwright/test';

/** Locators for the web host's connection banner and the token page. */
export class HostPage {
  constructor(readonly page: Page) {}

  /** The banner shown while the host is gone (data-reason "closed") or refuses the token ("refused"). */
  get gone(): Locator {
    return this.page.getByTestId('host-gone');
  }

  get tokenRefused(): Locator {
    return this.page.getByTestId('token-refused');
  }

  get shell(): Locator {
    return this.page.locator('.shell');
  }
}

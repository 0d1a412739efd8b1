import { expect, type Locator, type Page } from '@playwright/test';

/** Locators for the shell and the Settings view, kept out of the tests themselves. */
export class AppPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('#root');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.root).toHaveAttribute('data-app-state', 'ready');
  }

  nav(view: string): Locator {
    return this.page.getByTestId(`nav-${view}`);
  }

  async goTo(view: string): Promise<void> {
    await this.nav(view).click();
    await expect(this.page.locator('main.view')).toHaveAttribute('data-view', view);
  }

  get statusShell(): Locator {
    return this.page.getByTestId('status-shell');
  }

  get statusWorkspace(): Locator {
    return this.page.getByTestId('status-workspace');
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  themeOption(theme: 'light' | 'dark'): Locator {
    return this.page.getByTestId('theme').locator(`[data-value="${theme}"]`);
  }

  marginModeOption(mode: 'isolated' | 'cross'): Locator {
    return this.page.getByTestId('margin-mode').locator(`[data-value="${mode}"]`);
  }

  get leverage(): Locator {
    return this.page.getByTestId('default-leverage');
  }

  get precision(): Locator {
    return this.page.getByTestId('display-precision');
  }

  get profile(): Locator {
    return this.page.getByTestId('default-profile');
  }
}

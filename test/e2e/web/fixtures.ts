import { test as base } from '@playwright/test';
import fs from 'node:fs';
import { freshDataDir, startHostProcess, type HostProcess } from './host-process';

interface Fixtures {
  /** A web host on a fresh data folder, stopped (and the folder removed) after the test. */
  host: HostProcess & { restart(): Promise<HostProcess> };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, testInfo) => {
    const dataDir = freshDataDir(testInfo.title.replace(/\W+/g, '-').slice(0, 40));
    let current = await startHostProcess(dataDir);
    const handle = {
      get url() {
        return current.url;
      },
      get origin() {
        return current.origin;
      },
      get token() {
        return current.token;
      },
      dataDir,
      log: () => current.log(),
      stop: () => current.stop(),
      async restart() {
        await current.stop();
        current = await startHostProcess(dataDir);
        return current;
      },
    };
    await use(handle);
    await current.stop();
    if (testInfo.status !== testInfo.expectedStatus && current.log()) {
      await testInfo.attach('web host stderr', { body: current.log(), contentType: 'text/plain' });
      console.log(`--- web host stderr (${testInfo.title}) ---\n${current.log()}`);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

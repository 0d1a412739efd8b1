import { describe, expect, it, vi } from 'vitest';
import { createApp } from '#main/app/create-app';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();

describe('closing the app', () => {
  it('closes the workspace and releases its lock even when a service fails to close, then throws that failure', async () => {
    const dir = tempDir();
    const app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    await app.services.trading.ready;
    const failing = vi.spyOn(app.services.trading, 'close').mockImplementation(() => {
      throw new Error('the trading service could not close');
    });
    const workspaceClose = vi.spyOn(app.services.workspace, 'close');
    expect(() => app.close()).toThrow('the trading service could not close');
    expect(failing).toHaveBeenCalledTimes(1);
    expect(workspaceClose).toHaveBeenCalledTimes(1);
    // The lock was released: the same folder opens again in this process (it would be "in use" otherwise).
    const again = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    await again.services.trading.ready;
    const r = await again.dispatch('trading.session', {});
    expect(r.ok).toBe(true);
    again.close();
    failing.mockRestore();
    // A second close() of the first app does nothing (its steps ran once).
    expect(() => app.close()).not.toThrow();
  });
});

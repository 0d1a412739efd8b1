import path from 'node:path';
import { type BrowserWindow, app, dialog, ipcMain } from 'electron';
import { CHANNELS } from '#shared/ipc/contract';
import { EVENT_STREAM_CHANNEL } from '#shared/ipc/bridge';
import { fail } from '#shared/ipc/result';
import { createAppAsync, type App } from './app/create-app';
import { findElectronNativeBinding } from './native-binding';
import { registerAppScheme, serveAppScheme } from './protocol';
import { isTrustedSender } from './trust';
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window';

// The bundle sits in dist/; the renderer next to it, the repo (or app.asar) one level up.
const distDir = __dirname;
const rendererDir = path.join(distDir, 'renderer');

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let levdesk: App | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // The quit waits for closeAsync (a big session's snapshot written in slices, the window still
  // painting); will-quit's close() then has nothing left to write, or writes it at once if the
  // first half failed.
  let prepared = false;
  app.on('before-quit', (event) => {
    if (prepared || !levdesk) return;
    event.preventDefault();
    const closing = levdesk;
    void closing
      .closeAsync()
      .catch((err: unknown) => console.error('Levdesk could not close cleanly:', err))
      .finally(() => {
        prepared = true;
        app.quit();
      });
  });
  app.on('will-quit', () => levdesk?.close());

  void app.whenReady().then(async () => {
    // Tests point the app at a fresh folder; users get Electron's per-user app data folder.
    if (process.env.LEVDESK_DATA_DIR) app.setPath('userData', path.resolve(process.env.LEVDESK_DATA_DIR));
    denyAllPermissions();
    serveAppScheme(rendererDir);
    try {
      const nativeBinding = findElectronNativeBinding(path.join(distDir, '..'), process.versions.electron, app.isPackaged);
      levdesk = await createAppAsync({ shell: 'electron', dataDir: app.getPath('userData'), ...(nativeBinding ? { nativeBinding } : {}) });
    } catch (err) {
      // Also on stderr: "workspace PATH is in use by process N" is matched by scripts.
      console.error(err instanceof Error ? err.message : String(err));
      dialog.showErrorBox('Levdesk cannot start', err instanceof Error ? err.message : String(err));
      app.exit(1);
      return;
    }
    const running = levdesk;
    for (const channel of CHANNELS) {
      ipcMain.handle(channel, (event, input: unknown) => {
        if (!isTrustedSender(event.senderFrame)) {
          return fail({ code: 'FORBIDDEN', message: `${channel}: calls are accepted only from the Levdesk page` });
        }
        return running.dispatch(channel, input);
      });
    }
    mainWindow = createMainWindow(path.join(distDir, 'preload.cjs'));
    const win = mainWindow;
    const unsubscribe = running.events.subscribe((frame) => {
      if (!win.isDestroyed()) win.webContents.send(EVENT_STREAM_CHANNEL, frame);
    });
    win.on('closed', () => {
      unsubscribe();
      mainWindow = null;
    });
  });
}

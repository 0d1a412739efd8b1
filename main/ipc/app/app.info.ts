import type { Handler } from '../types';

export const appInfo: Handler<'app.info'> = (_input, s) => ({
  shell: s.shell,
  version: s.version,
  workspacePath: s.workspace.path,
  platform: process.platform,
  schemaVersion: s.workspace.schemaVersion,
});

import type { Handler } from '../types';

export const settingsUpdate: Handler<'settings.update'> = (patch, s) => s.settings.update(patch);

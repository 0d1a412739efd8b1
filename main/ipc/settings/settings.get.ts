import type { Handler } from '../types';

export const settingsGet: Handler<'settings.get'> = (_input, s) => s.settings.get();

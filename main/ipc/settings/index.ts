import type { HandlerSlice } from '../types';
import { settingsGet } from './settings.get';
import { settingsUpdate } from './settings.update';

export const settingsHandlers = {
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
} satisfies HandlerSlice<'settings.get' | 'settings.update'>;

import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../../domain/settings';

export const settingsChannels = {
  'settings.get': { input: z.object({}).strict(), output: SettingsSchema },
  /** Applies a partial update atomically and answers with the complete new settings. */
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },
} as const;

export const settingsEvents = {
  /** Settings changed (from any window or shell); carries the complete new settings. */
  'settings.changed': SettingsSchema,
} as const;

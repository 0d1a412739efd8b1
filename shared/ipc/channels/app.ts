import { z } from 'zod';

export const SHELLS = ['electron', 'web'] as const;
export const ShellSchema = z.enum(SHELLS);
export type Shell = z.infer<typeof ShellSchema>;

export const AppInfoSchema = z.object({
  shell: ShellSchema,
  version: z.string(),
  workspacePath: z.string(),
  platform: z.string(),
  /** Schema version of the open workspace file (SQLite user_version). */
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const NoInput = z.object({}).strict();

export const appChannels = {
  'app.info': { input: NoInput, output: AppInfoSchema },
} as const;

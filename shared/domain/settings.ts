import { z } from 'zod';
import { MarginModeSchema, ProfileIdSchema } from './exchange';
import { DEFAULT_PAUSE_ON, PauseOnSchema } from './market-replay';

export const THEMES = ['light', 'dark'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

/** Persisted table layout for one table of the Trade view (sorting, hidden columns, widths). */
export const TableLayoutSchema = z.object({
  sorting: z.array(z.object({ id: z.string().max(64), desc: z.boolean() })).max(8),
  hidden: z.array(z.string().max(64)).max(64),
  widths: z.record(z.string().max(64), z.number().int().min(40).max(2000)),
});
export type TableLayout = z.infer<typeof TableLayoutSchema>;

/**
 * Workspace settings. Every field has a default, so an old workspace that lacks a newer field
 * still reads as a complete Settings value.
 */
export const SettingsSchema = z.object({
  /** Decimal places used to display quote-currency amounts (balances, PnL, fees). */
  displayPrecision: z.number().int().min(0).max(8),
  defaultProfile: ProfileIdSchema,
  theme: ThemeSchema,
  /** Leverage offered by a new order ticket. Exchanges cap it per bracket; 125 is Binance's top. */
  defaultLeverage: z.number().int().min(1).max(125),
  defaultMarginMode: MarginModeSchema,
  /** Ask before sending a market order from the ticket. */
  confirmMarketOrders: z.boolean(),
  /** Per-table layouts of the Trade view, keyed by table id. */
  tableLayouts: z.record(z.string().max(64), TableLayoutSchema),
  /** Which of the trader's events pause a playing replay (the replay bar's "Pause on"); kept across restarts. */
  replayPauseOn: PauseOnSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  displayPrecision: 2,
  defaultProfile: 'binance-usdm',
  theme: 'dark',
  defaultLeverage: 10,
  defaultMarginMode: 'isolated',
  confirmMarketOrders: true,
  tableLayouts: {},
  replayPauseOn: DEFAULT_PAUSE_ON,
};

/** A partial update: only the fields named change. Unknown keys are refused, not ignored. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

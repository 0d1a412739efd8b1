import { z } from 'zod';

/**
 * Exchange profiles Levdesk models. The rules behind each id (formula family, fees, brackets)
 * live in shared/risk/profiles; this list is what the contract and the settings accept.
 */
export const PROFILE_IDS = ['binance-usdm', 'bybit-linear', 'okx-swap', 'gate-usdt', 'bitmex-inverse'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
export const ProfileIdSchema = z.enum(PROFILE_IDS);

export const MARGIN_MODES = ['isolated', 'cross'] as const;
export type MarginMode = (typeof MARGIN_MODES)[number];
export const MarginModeSchema = z.enum(MARGIN_MODES);

export const SIDES = ['long', 'short'] as const;
export type Side = (typeof SIDES)[number];
export const SideSchema = z.enum(SIDES);

export const PROFILE_LABELS: Record<ProfileId, string> = {
  'binance-usdm': 'Binance USDS-M',
  'bybit-linear': 'Bybit USDT linear',
  'okx-swap': 'OKX USDT swap',
  'gate-usdt': 'Gate USDT perpetual',
  'bitmex-inverse': 'BitMEX inverse (XBTUSD)',
};

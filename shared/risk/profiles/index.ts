import type { ProfileId } from '../../domain/exchange';
import type { Dec } from '../../money/decimal';
import type { ContractSpec } from '../contract-spec';
import { RiskInputError } from '../errors';
import type { ExchangeProfile } from '../profile';
import { BINANCE_USDM } from './binance-usdm';
import { BITMEX_INVERSE } from './bitmex-inverse';
import { BYBIT_LINEAR } from './bybit-linear';
import { GATE_USDT } from './gate-usdt';
import { OKX_SWAP } from './okx-swap';

const PROFILES: Readonly<Record<ProfileId, ExchangeProfile>> = {
  'binance-usdm': BINANCE_USDM,
  'bybit-linear': BYBIT_LINEAR,
  'okx-swap': OKX_SWAP,
  'gate-usdt': GATE_USDT,
  'bitmex-inverse': BITMEX_INVERSE,
};

export function getProfile(id: ProfileId): ExchangeProfile {
  const p = PROFILES[id];
  if (!p) throw new RiskInputError('profile', `unknown exchange profile "${String(id)}"`);
  return p;
}

export function allProfiles(): readonly ExchangeProfile[] {
  return Object.values(PROFILES);
}

/**
 * The contract spec for a symbol: the profile's own entry, or its small-cap default under the
 * asked name (so an unknown alt gets conservative brackets rather than an error).
 */
export function contractSpec(profile: ExchangeProfile, symbol: string): ContractSpec {
  const spec = profile.symbols[symbol];
  if (spec) return spec;
  return { ...profile.defaultSpec, symbol };
}

export function isListedSymbol(profile: ExchangeProfile, symbol: string): boolean {
  return Object.hasOwn(profile.symbols, symbol);
}

/** The clearance fee rate for a symbol: the spec's own rate where the exchange sets one. */
export function liquidationFeeRate(profile: ExchangeProfile, spec: ContractSpec): Dec {
  return spec.liquidationFeeRate ?? profile.liquidationFeeRate;
}

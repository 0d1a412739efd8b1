import { createHash } from 'node:crypto';
import type { CrowdParams } from '#shared/domain/crowd';
import type { ProfileId, MarginMode } from '#shared/domain/exchange';
import { scenarioStartMs, type Scenario } from '#shared/domain/scenario';
import type { EngineCommand, EngineEvent, EngineSetup } from '#shared/domain/trading-commands';
import { EngineSetupSchema } from '#shared/domain/trading-commands';
import { ScenarioAccountSchema } from '#shared/domain/trading-scenario';
import { canonicalJson } from '#main/engine/state/hash';
import { TRADER_ID } from '#main/engine/model/ids';
import { ZERO } from '#shared/money/decimal';
import { contractSpec, getProfile, maxLeverageForNotional } from '#shared/risk/index';

/** A timed command of the session's script, at an absolute market time. */
export interface TimedCommand {
  readonly t: number;
  readonly command: EngineCommand;
}

/**
 * One paper-trading session: the market(s), the starting account, the crowd and the script of
 * one scenario. Its header events (setup, crowd) open the log; rewinding never removes them.
 */
export interface SessionSpec {
  /** Identifies the scenario document (id + content hash): the same key continues a session. */
  readonly key: string;
  readonly name: string;
  readonly symbol: string;
  readonly t0: number;
  readonly setup: EngineSetup;
  readonly crowd: CrowdParams | null;
  readonly script: readonly TimedCommand[];
}

export interface SessionDefaults {
  readonly profile: ProfileId;
  readonly leverage: number;
  readonly mode: MarginMode;
}

export function sessionFromScenario(scenario: Scenario, id: string | null): SessionSpec {
  const account = scenario.account ?? ScenarioAccountSchema.parse({});
  const t0 = scenarioStartMs(scenario);
  const digest = createHash('sha256').update(canonicalJson(scenario)).digest('hex').slice(0, 16);
  return {
    key: `${id ?? 'adhoc'}:${digest}`,
    name: scenario.name,
    symbol: scenario.symbol,
    t0,
    setup: EngineSetupSchema.parse({
      markets: [{ symbol: scenario.symbol, profile: account.profile, depthScale: account.bookDepthScale }],
      insuranceFund: account.insuranceFund,
      accounts: [{ id: TRADER_ID, deposit: account.deposit, settings: [{ symbol: scenario.symbol, leverage: account.leverage, mode: account.marginMode }] }],
      defaults: { leverage: account.leverage, mode: account.marginMode },
    }),
    crowd: scenario.crowd ?? null,
    script: scenario.script
      .map((s) => ({ t: t0 + Math.round(s.atMinute * 60_000), command: s.command }))
      .sort((a, b) => a.t - b.t),
  };
}

/**
 * A session for ticks that arrive without a scenario the service knows (the settings' defaults),
 * made valid for the symbol: an inverse default profile falls back to Binance USDⓈ-M (the engine
 * trades linear contracts) and the leverage to what the symbol's first bracket allows.
 */
export function defaultSession(symbol: string, t0: number, defaults: SessionDefaults): SessionSpec {
  const profile = getProfile(defaults.profile).settlement === 'linear' ? defaults.profile : 'binance-usdm';
  const cap = maxLeverageForNotional(contractSpec(getProfile(profile), symbol).brackets, ZERO).toNumber();
  const d = { ...defaults, profile, leverage: Math.max(1, Math.min(defaults.leverage, Math.floor(cap))) };
  return {
    key: `default:${symbol}`,
    name: `${symbol} paper trading`,
    symbol,
    t0,
    setup: EngineSetupSchema.parse({
      markets: [{ symbol, profile: d.profile }],
      insuranceFund: '1000000',
      accounts: [{ id: TRADER_ID, deposit: '10000', settings: [{ symbol, leverage: d.leverage, mode: d.mode }] }],
      defaults: { leverage: d.leverage, mode: d.mode },
    }),
    crowd: null,
    script: [],
  };
}

/** The header events that open the session's log. */
export function headerEvents(s: SessionSpec): EngineEvent[] {
  const out: EngineEvent[] = [{ kind: 'setup', t: s.t0, setup: s.setup }];
  if (s.crowd) out.push({ kind: 'crowd', t: s.t0, symbol: s.symbol, params: s.crowd });
  return out;
}

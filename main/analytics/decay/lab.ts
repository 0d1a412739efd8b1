import type { LabOutput, LabRow, LabRule } from '#shared/domain/decay-lab';
import { Dec, ONE, ZERO, toWire, type DecimalString } from '#shared/money/decimal';
import { closes, simulateDecay, simulateMarginPosition, type RebalanceRule } from '#shared/risk/index';
import type { MarketData } from '../../market/feed/compile';
import { labPath } from './lab-path';
import type { LabInputParsed } from './lab-types';

/** The comparator's values are normalised to a capital of 1 and printed to 10 dp (as levdesk decay). */
const DP = 10;
/** Exact decimal work is bounded so a request stays well under a second. */
export const LAB_MAX_VERTICES = 60_000;

export class LabInputError extends Error {
  override readonly name = 'LabInputError';
}

function out(x: Dec): DecimalString {
  return toWire(x.toDecimalPlaces(DP, Dec.ROUND_HALF_EVEN));
}

function rule(r: LabRule, leverage: Dec): RebalanceRule {
  switch (r.kind) {
    case 'daily':
      return { kind: 'daily' };
    case 'ftx':
      return { kind: 'leverage-band', maxAbsLeverage: new Dec(r.maxAbsLeverage), daily: true };
    case 'band': {
      const target = r.target !== undefined ? new Dec(r.target) : leverage;
      return {
        kind: 'leverage-band',
        maxAbsLeverage: new Dec(r.maxAbsLeverage),
        minAbsLeverage: new Dec(r.minAbsLeverage),
        rebalanceTo: target.abs().mul(leverage.s),
        ...(r.targetFollow !== undefined ? { targetFollow: new Dec(r.targetFollow) } : {}),
        daily: false,
      };
    }
    case 'price-band':
      return { kind: 'price-band', band: new Dec(r.band), daily: r.daily };
    default: {
      const never: never = r;
      throw new Error(`unknown rule ${String(never)}`);
    }
  }
}

function ruleLabel(r: LabRule): string {
  switch (r.kind) {
    case 'daily':
      return 'daily';
    case 'ftx':
      return `FTX ${r.maxAbsLeverage}x trigger + daily`;
    case 'band':
      return `band ${r.minAbsLeverage}-${r.maxAbsLeverage}x${r.target !== undefined ? ` to ${r.target}x` : ''}${r.targetFollow !== undefined && Number(r.targetFollow) > 0 ? `, variable target (follow ${r.targetFollow})` : ''} (model)`;
    case 'price-band':
      return `price band ${new Dec(r.band).mul(100).toFixed()}%${r.daily ? ' + daily' : ''}`;
    default:
      return 'rule';
  }
}

export function maxDrawdown(path: readonly Dec[]): Dec {
  let peak = path[0] ?? ONE;
  let worst = ZERO;
  for (const v of path) {
    if (v.gt(peak)) peak = v;
    if (peak.gt(0)) {
      const dd = peak.minus(v).div(peak);
      if (dd.gt(worst)) worst = dd;
    }
  }
  return worst;
}

/**
 * The Decay view's exact mode: several tokens (each with its rule and fee), a static margin
 * position beside each distinct leverage, and spot, on one path, in decimals (simulateDecay,
 * the same code as `levdesk decay`).
 */
export function runLab(data: MarketData, input: LabInputParsed): LabOutput {
  const lp = labPath(data, input.source);
  const vertices = lp.path.days.reduce((n, d) => n + d.moves.length + (d.gapTo ? 1 : 0), 0);
  if (vertices > LAB_MAX_VERTICES) throw new LabInputError(`the path has ${vertices} vertices; the exact mode takes at most ${LAB_MAX_VERTICES} (a shorter window, a coarser interval or "daily" closes)`);
  let fundingPerDay = ZERO;
  let fundingByDay: Dec[] | undefined;
  if (input.funding.mode === 'stored') {
    if (!lp.fundingByDay) throw new LabInputError('funding: the workspace holds no stored funding for this window (use a constant rate)');
    fundingByDay = lp.fundingByDay;
  } else {
    fundingPerDay = new Dec(input.funding.ratePerDay);
  }
  const mmr = new Dec(input.maintenanceMarginRate);
  const cs = closes(lp.path);
  const spotEnd = cs[cs.length - 1]!.div(lp.path.start);
  const rows: LabRow[] = [];
  const seen = new Map<string, number>();
  const marginLevs: Dec[] = [];
  for (const t of input.tokens) {
    const L = new Dec(t.leverage);
    if (L.isZero()) throw new LabInputError('tokens: a leverage must not be zero');
    const r = simulateDecay({
      leverage: L,
      path: lp.path,
      rebalance: rule(t.rule, L),
      costs: { managementFeePerDay: new Dec(t.managementFeePerDay), fundingPerDay, ...(fundingByDay ? { fundingByDay } : {}) },
      maintenanceMarginRate: mmr,
    });
    const base = `token:${L.toFixed()}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (!marginLevs.some((m) => m.eq(L))) marginLevs.push(L);
    rows.push({
      instrument: n === 1 ? base : `${base}#${n}`,
      kind: 'token',
      label: `${L.toFixed()}x token, ${ruleLabel(t.rule)}`,
      leverage: toWire(L),
      valueEnd: out(r.token.valueEnd),
      return: out(r.token.valueEnd.minus(1)),
      maxDrawdown: out(maxDrawdown(r.token.path)),
      rebalances: r.token.rebalances,
      turnover: out(r.token.turnover),
      feesPaid: out(r.token.feesPaid),
      fundingPaid: out(r.token.fundingPaid),
      naive: out(ONE.plus(L.mul(spotEnd.minus(1)))),
      approximation: t.rule.kind === 'daily' ? r.approximation.valueEnd : null,
      endedDay: r.token.wipedOutDay,
      liquidationPrice: null,
      path: r.token.path.map(out),
      events: r.token.events.map((e) => ({ day: e.day, price: toWire(e.price), reason: e.reason })),
    });
  }
  if (input.margins) {
    for (const L of marginLevs) {
      const m = simulateMarginPosition(lp.path, L, mmr, fundingPerDay, fundingByDay);
      rows.push({
        instrument: `margin:${L.toFixed()}`,
        kind: 'margin',
        label: `${L.toFixed()}x margin position (isolated, static)`,
        leverage: toWire(L),
        valueEnd: out(m.valueEnd),
        return: out(m.valueEnd.minus(1)),
        maxDrawdown: out(maxDrawdown(m.path)),
        rebalances: null,
        turnover: null,
        feesPaid: null,
        fundingPaid: out(m.fundingPaid),
        naive: out(ONE.plus(L.mul(spotEnd.minus(1)))),
        approximation: null,
        endedDay: m.liquidatedDay,
        liquidationPrice: m.liquidationPrice ? toWire(m.liquidationPrice.toDecimalPlaces(8)) : null,
        path: m.path.map(out),
        events: [],
      });
    }
  }
  const spotPath = cs.map((c) => c.div(lp.path.start));
  rows.push({
    instrument: 'spot',
    kind: 'spot',
    label: 'spot (1x, held)',
    leverage: null,
    valueEnd: out(spotEnd),
    return: out(spotEnd.minus(1)),
    maxDrawdown: out(maxDrawdown(spotPath)),
    rebalances: null,
    turnover: null,
    feesPaid: null,
    fundingPaid: null,
    naive: null,
    approximation: null,
    endedDay: null,
    liquidationPrice: null,
    path: spotPath.map(out),
    events: [],
  });
  // A path that runs away (e.g. +100% a day for years) has values no decimal string can carry.
  for (const r of rows) {
    if (r.approximation !== null && !Number.isFinite(r.approximation)) r.approximation = null;
    if ([r.valueEnd, r.turnover ?? '', r.naive ?? '', ...r.path].some((x) => x.length > 40)) {
      throw new LabInputError(`${r.instrument} reaches values beyond 10^30 on this path; use a shorter or calmer path`);
    }
  }
  if (cs.some((c) => c.toFixed().length > 40)) throw new LabInputError('the path reaches prices beyond 10^30; use a shorter or calmer path');
  return {
    times: lp.times,
    prices: cs.map((c) => toWire(c)),
    rows,
    vertices,
    fundingSource: input.funding.mode,
    description: lp.description,
  };
}

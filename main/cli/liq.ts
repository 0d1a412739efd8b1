import { z } from 'zod';
import { MarginModeSchema, SideSchema } from '#shared/domain/exchange';
import { Dec } from '#shared/money/decimal';
import {
  contractSpec,
  explainLiquidation,
  fixedBracket,
  getProfile,
  notionalAt,
  roundPriceTowardMark,
  type Bracket,
  type PositionState,
} from '#shared/risk/index';
import { jsonCommand } from './json-command';
import { PROFILE_LIST, decimal, nonNegative, out, outOrNull, positive, profileField, rate } from './risk-fields';

/** Binance's default leverage setting, used for a cross position that does not state one. */
const DEFAULT_CROSS_LEVERAGE = new Dec(20);

const PositionInput = z
  .strictObject({
    symbol: z.string().min(1).max(32),
    side: SideSchema,
    quantity: positive,
    entryPrice: positive,
    markPrice: positive.optional(),
    marginMode: MarginModeSchema,
    leverage: positive.optional(),
    isolatedMargin: nonNegative.optional(),
    maintenanceMarginRate: rate.optional(),
    maintenanceAmount: decimal.optional(),
    takerFeeRate: rate.optional(),
    contractSize: positive.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.maintenanceAmount !== undefined && p.maintenanceMarginRate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['maintenanceMarginRate'], message: 'required when maintenanceAmount is given' });
    }
    if (p.marginMode === 'isolated' && p.leverage === undefined && p.isolatedMargin === undefined) {
      ctx.addIssue({ code: 'custom', path: ['leverage'], message: 'an isolated position needs leverage or isolatedMargin' });
    }
  });

const LiqInput = z
  .strictObject({
    profile: profileField,
    walletBalance: nonNegative.optional(),
    positions: z.array(PositionInput).min(1, { message: 'needs at least one position' }),
    symbol: z.string().min(1).optional(),
    fundingRate: decimal.optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.symbol !== undefined && !doc.positions.some((p) => p.symbol === doc.symbol)) {
      ctx.addIssue({ code: 'custom', path: ['symbol'], message: `no position has symbol "${doc.symbol}"` });
    }
    const seen = new Set<string>();
    doc.positions.forEach((p, i) => {
      if (seen.has(p.symbol)) ctx.addIssue({ code: 'custom', path: ['positions', i, 'symbol'], message: 'one-way mode: one position per symbol' });
      seen.add(p.symbol);
    });
    doc.positions.forEach((p, i) => {
      const beyond = beyondLastBracket(doc.profile, p);
      if (beyond) ctx.addIssue({ code: 'custom', path: ['positions', i, 'quantity'], message: beyond });
    });
    const target = doc.positions.find((p) => p.symbol === (doc.symbol ?? doc.positions[0]?.symbol));
    if (target?.marginMode === 'cross' && doc.walletBalance === undefined) {
      ctx.addIssue({ code: 'custom', path: ['walletBalance'], message: 'required to solve a cross position' });
    }
  });

type PositionDoc = z.output<typeof PositionInput>;

/**
 * The formulas would apply the last tier to any notional past its cap (a 1e60 BTC position gets a
 * price), but no exchange holds such a position: refuse it, at entry or at the mark.
 */
function beyondLastBracket(profileId: z.output<typeof profileField>, p: PositionDoc): string | null {
  // zod still runs this refinement when a field failed; such a field is not a Dec and is named already.
  if (![p.quantity, p.entryPrice, p.markPrice ?? p.entryPrice].every((x) => Dec.isDecimal(x))) return null;
  const spec = contractSpec(getProfile(profileId), p.symbol);
  const sized = p.contractSize ? { ...spec, contractSize: p.contractSize } : spec;
  const brackets = p.maintenanceMarginRate === undefined ? spec.brackets : [fixedBracket(p.maintenanceMarginRate, p.maintenanceAmount ?? new Dec(0))];
  const last = brackets[brackets.length - 1]!;
  for (const [at, price] of [['entry', p.entryPrice], ['mark', p.markPrice ?? p.entryPrice]] as const) {
    const notional = notionalAt(sized, p.quantity, price);
    if (notional.gt(last.notionalCap)) {
      return `notional ${notional.toSignificantDigits(6).toString()} at the ${at} price is beyond the last bracket's cap ${last.notionalCap.toFixed()} (tier ${last.tier} of ${p.symbol} on ${profileId}): no exchange holds such a position`;
    }
  }
  return null;
}

function toState(profileId: z.output<typeof profileField>, p: PositionDoc): PositionState {
  const profile = getProfile(profileId);
  const spec = contractSpec(profile, p.symbol);
  const sized = p.contractSize ? { ...spec, contractSize: p.contractSize } : spec;
  // Isolated without a leverage: the one its margin implies (notional at entry / margin).
  const leverage =
    p.leverage ??
    (p.isolatedMargin !== undefined && p.isolatedMargin.gt(0) ? notionalAt(sized, p.quantity, p.entryPrice).div(p.isolatedMargin) : DEFAULT_CROSS_LEVERAGE);
  return {
    symbol: p.symbol,
    side: p.side,
    quantity: p.quantity,
    entryPrice: p.entryPrice,
    markPrice: p.markPrice ?? p.entryPrice,
    marginMode: p.marginMode,
    leverage,
    ...(p.isolatedMargin === undefined ? {} : { isolatedMargin: p.isolatedMargin }),
    ...(p.maintenanceMarginRate === undefined ? {} : { maintenanceOverride: { rate: p.maintenanceMarginRate, amount: p.maintenanceAmount ?? new Dec(0) } }),
    ...(p.takerFeeRate === undefined ? {} : { takerFeeRate: p.takerFeeRate }),
    ...(p.contractSize === undefined ? {} : { contractSize: p.contractSize }),
  };
}

function bracketOut(b: Bracket) {
  return {
    tier: b.tier,
    notionalFloor: out(b.notionalFloor),
    notionalCap: out(b.notionalCap),
    maxLeverage: out(b.maxLeverage),
    maintenanceMarginRate: out(b.maintenanceMarginRate, 10),
    maintenanceAmount: out(b.maintenanceAmount),
  };
}

const HELP = `levdesk liq [file.json]  -  liquidation and bankruptcy price of one position of an account

Reads one JSON document (file argument or stdin). Decimals may be strings ("60000.5") or numbers.

Input:
  profile          ${PROFILE_LIST}  (default binance-usdm). Sets the formula family,
                   the brackets per symbol, the taker fee. Unknown symbols get the profile's
                   small-cap default table.
  walletBalance    cross wallet balance (without isolated wallets), not negative. Required when
                   the solved position is cross; may be omitted otherwise.
  positions[]      the account's open positions (one-way mode: one per symbol):
    symbol           e.g. "BTCUSDT" (bitmex-inverse: "XBTUSD"; bybit-linear also has "BTCUSD")
    side             "long" | "short"
    quantity         base units (BTC) for linear contracts; contracts for inverse ones. Its
                     notional at entry and at the mark must be within the last bracket's cap.
    entryPrice       average entry price
    markPrice        current mark (default entryPrice). Cross: the other positions are held here.
    marginMode       "isolated" | "cross"
    leverage         leverage setting. Isolated: the margin defaults to notional/leverage.
                     Optional when isolatedMargin is given (implied) or cross (default 20).
    isolatedMargin   isolated wallet: the position's margin, margin added, minus fees paid
    maintenanceMarginRate, maintenanceAmount
                     override the profile's brackets with one (rate, amount) pair
    takerFeeRate     override the taker fee where the formula uses it (OKX/Gate, BitMEX, Bybit
                     inverse cross)
    contractSize     inverse: USD per contract (default from the profile's spec)
  symbol           which position to solve (default: the first)
  fundingRate      bitmex-inverse: the next funding rate; added to mmr' when the position pays it

Output (decimals as strings, 8 dp; rates 10 dp):
  symbol, side, settlement, formula, description
  liquidationPrice        null when no price liquidates the position (e.g. a 1x long)
  liquidationPriceTick    the same rounded to the tick toward the mark (never past the true LP)
  bankruptcyPrice         null when the position can never lose its whole margin
  initialMargin           notional at entry / leverage
  maintenanceMargin, maintenanceMarginRate, maintenanceAmount   at the mark
  bracket                 the tier used at the liquidation price (absent with an override)
  bracketBasis            "liquidation" (Binance, OKX/Gate), "entry" (Bybit, BitMEX) or "override"
  marginBalance, requirement, marginRatio   at the mark; liquidation when marginRatio reaches 1
  terms                   every input of the formula (wallet, others' PnL and requirement, ...)
`;

export const liqCommand = jsonCommand({
  name: 'liq',
  summary: 'liquidation and bankruptcy price of a position (isolated or cross), with its bracket',
  help: HELP,
  input: LiqInput,
  run(doc) {
    const profile = getProfile(doc.profile);
    const states = doc.positions.map((p) => toState(doc.profile, p));
    const target = states.find((p) => p.symbol === (doc.symbol ?? states[0]!.symbol))!;
    const e = explainLiquidation({
      profile,
      position: target,
      others: states.filter((p) => p !== target),
      ...(doc.walletBalance === undefined ? {} : { walletBalance: doc.walletBalance }),
      ...(doc.fundingRate === undefined ? {} : { fundingRate: doc.fundingRate }),
    });
    const tick = contractSpec(profile, target.symbol).tickSize;
    return {
      symbol: target.symbol,
      side: target.side,
      settlement: e.settlement,
      formula: e.formula,
      description: e.description,
      liquidationPrice: outOrNull(e.liquidationPrice),
      liquidationPriceTick: e.liquidationPrice ? out(roundPriceTowardMark(e.liquidationPrice, tick, target.side)) : null,
      bankruptcyPrice: outOrNull(e.bankruptcyPrice),
      initialMargin: out(e.initialMargin),
      maintenanceMargin: out(e.maintenanceMargin),
      maintenanceMarginRate: out(e.maintenanceMarginRate, 10),
      maintenanceAmount: out(e.maintenanceAmount),
      ...(e.bracketBasis === 'override' ? {} : { bracket: bracketOut(e.bracket) }),
      bracketBasis: e.bracketBasis,
      marginBalance: out(e.marginBalance),
      requirement: out(e.requirement),
      marginRatio: outOrNull(e.marginRatio, 10),
      terms: {
        walletBalance: out(e.terms.walletBalance),
        otherUnrealizedPnl: out(e.terms.otherUnrealizedPnl),
        otherRequirement: out(e.terms.otherRequirement),
        effectiveBalance: out(e.terms.effectiveBalance),
        size: out(e.terms.size),
        entryPrice: out(e.terms.entryPrice),
        maintenanceMarginRate: out(e.terms.maintenanceMarginRate, 10),
        maintenanceAmount: out(e.terms.maintenanceAmount),
        feeRate: out(e.terms.feeRate, 10),
      },
    };
  },
});

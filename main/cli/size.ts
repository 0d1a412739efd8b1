import { z } from 'zod';
import { MarginModeSchema, SideSchema } from '#shared/domain/exchange';
import { Dec } from '#shared/money/decimal';
import { getProfile, sizeFromRisk, stopLeverageBound, contractSpec, bracketForNotional, notionalAt } from '#shared/risk/index';
import { jsonCommand } from './json-command';
import { PROFILE_LIST, decimal, out, outOrNull, positive, profileField, rate } from './risk-fields';

const SizeInput = z
  .strictObject({
    profile: profileField,
    symbol: z.string().min(1).max(32).default('BTCUSDT'),
    side: SideSchema,
    equity: positive,
    riskFraction: positive.refine((x) => x.lte(1), { message: 'must be at most 1 (0.01 = 1%)' }),
    entry: positive,
    stop: positive,
    fees: z.strictObject({ entryRate: rate.optional(), exitRate: rate.optional(), stopSlippageRate: rate.optional() }).optional(),
    leverage: positive,
    maxLeverage: positive.optional(),
    marginMode: MarginModeSchema.default('isolated'),
    book: z.strictObject({ depthScale: z.number().positive().max(100).default(1), spreadBps: z.number().nonnegative().max(10_000).default(1) }).optional(),
    maintenanceMarginRate: rate.optional(),
    maintenanceAmount: decimal.optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.side === 'long' ? !doc.stop.lt(doc.entry) : !doc.stop.gt(doc.entry)) {
      ctx.addIssue({ code: 'custom', path: ['stop'], message: `a ${doc.side} stop must be ${doc.side === 'long' ? 'below' : 'above'} the entry` });
    }
    if (doc.maintenanceAmount !== undefined && doc.maintenanceMarginRate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['maintenanceMarginRate'], message: 'required when maintenanceAmount is given' });
    }
  });

const HELP = `levdesk size [file.json]  -  position size from risk, and whether the stop fills before liquidation

Input (decimals as strings or numbers):
  profile        ${PROFILE_LIST}  (default binance-usdm)
  symbol         contract whose step, minimums and brackets apply (default BTCUSDT)
  side           "long" | "short"
  equity         account equity in the settlement currency
  riskFraction   fraction of equity lost if the stop fills, fees and slippage included (0.01 = 1%)
  entry          planned entry price
  stop           stop trigger price (long: below entry; short: above)
  fees           optional { entryRate, exitRate, stopSlippageRate }, fractions (0.0005 = 0.05%);
                 entryRate and exitRate default to the profile's taker rate (a market entry and
                 a stop-market exit both take liquidity), stopSlippageRate to 0, or with
                 "book" to the engine's book model at the planned size; the stop is
                 assumed to fill at stop x (1 -+ stopSlippageRate)
  book           optional { depthScale?, spreadBps? }: price an untyped stopSlippageRate on the
                 engine's book model (half the spread plus the depth the stop walks, on the
                 tick), as the Planner does by default; {} is the calibrated Binance book with
                 a 1 bp spread (depthScale 1, spreadBps 1), the Planner's default
  leverage       the exchange leverage setting: margin posted = notional / leverage
  maxLeverage    cap on notional / equity (default: leverage)
  marginMode     "isolated" (margin = notional / leverage) | "cross" (the equity backs it); default isolated
  maintenanceMarginRate, maintenanceAmount   override the profile's brackets

Output:
  feesAssumed         true when entryRate or exitRate was not given and the taker rate was used
  slippageAssumed     true when stopSlippageRate was not given and the book model priced it
  fees                { entryRate, exitRate, stopSlippageRate, source: { ... "input" |
                      "profile taker" | "assumed zero" | "book model" }, book: { depthScale, spreadBps,
                      notional, fillPrice } | null }: the rates the size was computed with;
                      book is the model's working (the walk is for the size at no slippage)
  quantity            floored to the contract step: the stop never costs more than the budget
  notional, riskBudget, riskCash (what the stop costs at this quantity), riskFractionTaken
  stopFillPrice, lossPerUnit (|entry - fill| + entry fee + exit fee per unit)
  effectiveLeverage   notional / equity
  initialMargin, entryFee
  cappedByLeverage    true when a cap, not the risk, set the size; cappedBy lists which:
                      "maxLeverage" (notional <= equity x maxLeverage), "bracket" (tier limit at
                      this leverage), "margin" (margin + entry fee <= equity)
  belowExchangeMinimum   the exchange would refuse this quantity (min qty / min notional)
  liquidationPrice    at this leverage and margin mode (null: none)
  stopBeforeLiquidation, liquidationBuffer (stop fill minus LP, toward safety)
  maxSafeLeverage     highest whole leverage at which the stop still fills first (null: none)
  leverageBound       the closed-form bound (isolated, cum = 0), for comparison
`;

export const sizeCommand = jsonCommand({
  name: 'size',
  summary: 'fixed-fractional size with fees and slippage; stop vs liquidation; highest safe leverage',
  help: HELP,
  input: SizeInput,
  run(doc) {
    const profile = getProfile(doc.profile);
    const sized = sizeFromRisk({
      given: { entryRate: doc.fees?.entryRate, exitRate: doc.fees?.exitRate, stopSlippageRate: doc.fees?.stopSlippageRate },
      book: doc.book ?? null,
      profile,
      symbol: doc.symbol,
      side: doc.side,
      equity: doc.equity,
      riskFraction: doc.riskFraction,
      entry: doc.entry,
      stop: doc.stop,
      leverage: doc.leverage,
      ...(doc.maxLeverage ? { maxLeverage: doc.maxLeverage } : {}),
      marginMode: doc.marginMode,
      ...(doc.maintenanceMarginRate === undefined
        ? {}
        : { maintenanceOverride: { rate: doc.maintenanceMarginRate, amount: doc.maintenanceAmount ?? new Dec(0) } }),
    });
    const { fees, sizing: r, slippage } = sized;
    const spec = contractSpec(profile, doc.symbol);
    const mmr = doc.maintenanceMarginRate ?? bracketForNotional(spec.brackets, notionalAt(spec, r.quantity, doc.entry)).maintenanceMarginRate;
    return {
      symbol: doc.symbol,
      side: doc.side,
      feesAssumed: fees.assumed,
      slippageAssumed: slippage !== null,
      fees: {
        entryRate: out(fees.entryRate, 10),
        exitRate: out(fees.exitRate, 10),
        stopSlippageRate: out(fees.stopSlippageRate, 10),
        source: fees.source,
        book: slippage ? { depthScale: slippage.book.depthScale, spreadBps: slippage.book.spreadBps, notional: out(slippage.notional), fillPrice: out(slippage.fillPrice) } : null,
      },
      quantity: out(r.quantity),
      notional: out(r.notional),
      riskBudget: out(r.riskBudget),
      riskCash: out(r.riskCash),
      riskFractionTaken: out(r.riskFractionTaken, 10),
      stopFillPrice: out(r.stopFillPrice),
      lossPerUnit: out(r.lossPerUnit),
      effectiveLeverage: out(r.effectiveLeverage),
      initialMargin: out(r.initialMargin),
      entryFee: out(r.entryFee),
      cappedByLeverage: r.cappedByLeverage,
      cappedBy: r.cappedBy,
      belowExchangeMinimum: r.belowExchangeMinimum,
      liquidationPrice: outOrNull(r.liquidationPrice),
      stopBeforeLiquidation: r.stopBeforeLiquidation,
      liquidationBuffer: outOrNull(r.liquidationBuffer),
      maxSafeLeverage: outOrNull(r.maxSafeLeverage),
      leverageBound: outOrNull(stopLeverageBound(doc.side, doc.entry, r.stopFillPrice, mmr), 4),
    };
  },
});

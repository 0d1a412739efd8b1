/**
 * Levdesk risk math: exact (decimal.js) and pure. Everything the engine, the planner, the decay
 * comparator, the Trade view's preview and the `levdesk` CLI compute about margin lives here.
 *
 * Where to start:
 * - Data: `getProfile(id)` -> ExchangeProfile (family, fees, clearance fee, funding rules,
 *   per-symbol ContractSpec with derived, continuity-checked brackets); `contractSpec(profile,
 *   symbol)` falls back to the profile's small-cap default.
 * - Brackets: `bracketForNotional`, `maintenanceMargin`, `maxLeverageForNotional`,
 *   `maxNotionalForLeverage`, `deriveBrackets` / `bracketsFromStated` (cum derived or checked).
 * - Per position: `initialMargin`, `unrealizedPnl`, `roe`, `marginRatio`, `targetPriceForRoe`.
 * - Liquidation: `liquidationPrice({ profile, position, walletBalance?, others? })` (isolated or
 *   cross one-way; others held at their marks; bracket at the liquidation price) -> Dec | null;
 *   `bankruptcyPrice`; `explainLiquidation` returns both with the formula, the bracket and every
 *   term (for the explanation panel); `marginStateAt` evaluates both sides of the balance equation;
 *   `crossAccountState` (sum MM, margin balance, ratio of the cross wallet) and
 *   `positionMaintenanceMargin` for the per-mark liquidation check.
 * - Contracts: `notionalAt`, `checkOrderRules` (tick, step, minimums, price band),
 *   `roundPriceTowardMark`, `liquidationFeeRate(profile, spec)`; `bitmexPayloadPrices`.
 * - Orders and costs: `maxOpenQuantity`, `tradingFee`, `clearanceFee`, `insuranceFundDelta`,
 *   `fundingRate`, `fundingPayment` (signed: who pays whom), ADL scores and the ADL queue.
 * - Planning: `sizePosition` (fixed-fractional with fees, slippage and caps), `stopSafety` /
 *   `maxSafeLeverage`, R-multiples and expectancy, scale-out plans, trailing stops.
 * - Leveraged tokens: `simulateDecay` (token vs static margin vs spot) and the
 *   Avellaneda-Zhang approximation (a float analytic read-out, labelled as such).
 *
 * Conventions: money is Dec; results are exact and unrounded (round at the boundary with the
 * spec's tick/step); "no such price" is null, never a sentinel; bad inputs throw RiskInputError
 * naming the field. Functions are cheap enough per order or position update, not per tick:
 * about 20-45 us per liquidation price and 0.1-0.35 ms per sizing (test/bench/risk.bench.ts).
 */
export * from './brackets';
export * from './contract-spec';
export * from './errors';
export * from './fees';
export * from './funding';
export * from './adl';
export * from './max-open';
export * from './margin';
export * from './profile';
export * from './profiles';
export * from './liquidation/position';
export * from './liquidation/liquidation-price';
export * from './liquidation/account';
export * from './liquidation/bitmex-payload';
export type { LiquidationFormulaId } from './liquidation/describe';
export * from './stops';
export * from './sizing';
export * from './default-fees';
export * from './stop-slippage';
export * from './size-from-risk';
export * from './r-multiples';
export * from './scale-out';
export * from './trailing';
export * from './atr';
export * from './tokens/path';
export * from './tokens/token';
export * from './tokens/margin-position';
export * from './tokens/approximation';
export * from './tokens/rebalance';
export * from './tokens/decay';

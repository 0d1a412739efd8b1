import { z } from 'zod';
import { SideSchema } from '#shared/domain/exchange';
import { contractSpec, getProfile, initialMargin, notionalAt, roe, targetPriceForRoe, tradingFee, unrealizedPnl } from '#shared/risk/index';
import { jsonCommand } from './json-command';
import { PROFILE_LIST, decimal, out, outOrNull, positive, profileField, rate } from './risk-fields';

const PnlInput = z
  .strictObject({
    profile: profileField,
    symbol: z.string().min(1).max(32).default('BTCUSDT'),
    side: SideSchema,
    quantity: positive,
    entryPrice: positive,
    exitPrice: positive.optional(),
    leverage: positive,
    targetRoe: decimal.optional(),
    fees: z.strictObject({ entryRate: rate.optional(), exitRate: rate.optional() }).optional(),
    contractSize: positive.optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.exitPrice === undefined && doc.targetRoe === undefined) {
      ctx.addIssue({ code: 'custom', path: ['exitPrice'], message: 'give exitPrice, targetRoe or both' });
    }
  });

const HELP = `levdesk pnl [file.json]  -  PnL and ROE of a trade, and the price for a target ROE (the exchange calculators)

Input (decimals as strings or numbers):
  profile       ${PROFILE_LIST}  (default binance-usdm)
  symbol        sets linear/inverse and the contract size (default BTCUSDT)
  side          "long" | "short"
  quantity      base units (linear) or contracts (inverse)
  entryPrice    entry price
  exitPrice     exit price (for PnL and ROE)
  leverage      initial margin = notional at entry / leverage
  targetRoe     an ROE to reach (0.5 = +50%, -0.2 = -20%): its price is returned
  fees          optional { entryRate, exitRate }: fees on the entry and exit notionals
  contractSize  inverse: USD per contract (default from the profile's spec)

Output: initialMargin; with exitPrice: pnl (gross), roe (pnl / initial margin), fees, netPnl,
netRoe; with targetRoe: targetPrice (linear: entry x (1 +- ROE/leverage); inverse:
s x entry / (s - ROE/leverage); null when no price reaches it).
`;

export const pnlCommand = jsonCommand({
  name: 'pnl',
  summary: 'PnL and ROE at an exit price, and the target price for an ROE (Binance calculator tabs)',
  help: HELP,
  input: PnlInput,
  run(doc) {
    const profile = getProfile(doc.profile);
    const base = contractSpec(profile, doc.symbol);
    const spec = doc.contractSize ? { ...base, contractSize: doc.contractSize } : base;
    const im = initialMargin(notionalAt(spec, doc.quantity, doc.entryPrice), doc.leverage);
    const result: Record<string, unknown> = { symbol: doc.symbol, side: doc.side, settlement: spec.settlement, initialMargin: out(im) };
    if (doc.exitPrice) {
      const pnl = unrealizedPnl(doc.side, doc.quantity, doc.entryPrice, doc.exitPrice, spec.settlement, spec.contractSize);
      const fees = tradingFee(notionalAt(spec, doc.quantity, doc.entryPrice), doc.fees?.entryRate ?? rate.parse('0')).plus(
        tradingFee(notionalAt(spec, doc.quantity, doc.exitPrice), doc.fees?.exitRate ?? rate.parse('0')),
      );
      Object.assign(result, {
        pnl: out(pnl),
        roe: out(roe(pnl, im), 10),
        fees: out(fees),
        netPnl: out(pnl.minus(fees)),
        netRoe: out(roe(pnl.minus(fees), im), 10),
      });
    }
    if (doc.targetRoe) {
      result.targetPrice = outOrNull(targetPriceForRoe(doc.side, doc.entryPrice, doc.targetRoe, doc.leverage, spec.settlement));
    }
    return result;
  },
});

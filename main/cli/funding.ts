import { z } from 'zod';
import { SideSchema } from '#shared/domain/exchange';
import { contractSpec, fundingPayment, fundingRate, getProfile } from '#shared/risk/index';
import { jsonCommand } from './json-command';
import { PROFILE_LIST, decimal, out, positive, profileField } from './risk-fields';

const FundingInput = z
  .strictObject({
    profile: profileField,
    symbol: z.string().min(1).max(32).default('BTCUSDT'),
    side: SideSchema,
    quantity: positive,
    markPrice: positive,
    fundingRate: decimal.optional(),
    premiumIndex: decimal.optional(),
    intervals: z.number().int().positive().max(100_000).default(1),
    contractSize: positive.optional(),
  })
  .superRefine((doc, ctx) => {
    if ((doc.fundingRate === undefined) === (doc.premiumIndex === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['fundingRate'], message: 'give exactly one of fundingRate and premiumIndex' });
    }
  });

const HELP = `levdesk funding [file.json]  -  funding rate and who pays whom

Input (decimals as strings or numbers):
  profile        ${PROFILE_LIST}  (default binance-usdm): interval, interest, clamp and cap
  symbol         sets linear/inverse and the contract size (default BTCUSDT)
  side           "long" | "short"
  quantity       base units (linear) or contracts (inverse)
  markPrice      the mark at the funding time
  fundingRate    the rate per interval (0.0001 = 0.01%); or
  premiumIndex   the interval's average premium index: the rate is then
                 F = P + clamp(I - P, -clamp, +clamp), bounded by the profile's cap and floor
  intervals      how many settlements at this rate (default 1)
  contractSize   inverse: USD per contract (default from the profile's spec)

Output: fundingRate, intervalHours, notional (at the mark), payer and receiver ("long", "short"
or "none"), payment (per interval, signed for this position: negative = it pays), total
(payment x intervals), perDay and annualized (the rate x settlements per day / per 365 days).
`;

export const fundingCommand = jsonCommand({
  name: 'funding',
  summary: 'funding rate (from a rate or a premium index) and the payment: who pays whom',
  help: HELP,
  input: FundingInput,
  run(doc) {
    const profile = getProfile(doc.profile);
    const spec = contractSpec(profile, doc.symbol);
    const f = doc.fundingRate ?? fundingRate(doc.premiumIndex!, profile.funding);
    const p = fundingPayment(doc.side, doc.quantity, doc.markPrice, f, spec.settlement, doc.contractSize ?? spec.contractSize);
    const perDay = f.mul(24).div(profile.funding.intervalHours);
    return {
      symbol: doc.symbol,
      side: doc.side,
      fundingRate: out(f, 10),
      intervalHours: profile.funding.intervalHours,
      notional: out(p.notional),
      payer: p.payer,
      receiver: p.receiver,
      payment: out(p.amount),
      total: out(p.amount.mul(doc.intervals)),
      perDay: out(perDay, 10),
      annualized: out(perDay.mul(365), 10),
      settlement: spec.settlement,
    };
  },
});


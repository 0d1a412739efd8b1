import fc from 'fast-check';
import { Dec } from '#shared/money/decimal';

/** Every kind of value a decimal helper can meet: signed zeros, infinities, NaN, results of arithmetic. */
const special = [new Dec(0), new Dec(-0), new Dec(5).mul(0), new Dec(-5).mul(0), new Dec(3).minus(3), new Dec(Infinity), new Dec(-Infinity), new Dec(NaN)];

export const decimals = fc.oneof(
  fc.constantFrom(...special),
  fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -40, max: 40 })).map(([n, e]) => new Dec(n.toString()).mul(new Dec(10).pow(e))),
  fc.double().map((x) => new Dec(x)),
);

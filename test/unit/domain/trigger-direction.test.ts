import { describe, expect, it } from 'vitest';
import { ORDER_SIDES, type OrderType } from '#shared/domain/trading-orders';
import { triggerComparator, triggerText } from '#shared/domain/trigger-direction';
import { triggerDirection } from '#main/engine/model/order';

const CONDITIONAL: OrderType[] = ['stopMarket', 'stopLimit', 'takeProfitMarket', 'takeProfitLimit', 'trailingStop'];

describe('trigger direction as shown', () => {
  it("agrees with the engine's rule for every conditional type and side", () => {
    for (const type of CONDITIONAL) {
      for (const side of ORDER_SIDES) expect(triggerComparator(type, side)).toBe(triggerDirection(type, side) === 'up' ? '≥' : '≤');
    }
  });

  it("a long's take-profit (a sell) fires on the way up, its stop on the way down", () => {
    expect(triggerText({ type: 'takeProfitMarket', side: 'sell', triggerSource: 'mark' }, '4,900.0')).toBe('Mark ≥ 4,900.0');
    expect(triggerText({ type: 'stopMarket', side: 'sell', triggerSource: 'last' }, '4,100.0')).toBe('Last ≤ 4,100.0');
    expect(triggerText({ type: 'takeProfitLimit', side: 'buy', triggerSource: 'mark' }, '1')).toBe('Mark ≤ 1');
  });
});

import type { TradingActivity } from '#shared/ipc/channels/trading';
import type { Effect } from '#main/engine/effects';
import { TRADER_ID } from '#main/engine/model/ids';

/** Per pushed frame, at most this many of each list; the rest is counted as dropped. */
const CAP = 200;
/** Crowd liquidations shown per frame (the trader's are always all included). */
const CROWD_LIQUIDATIONS = 50;

/**
 * Collects what happened between two pushes to the renderer, so a 600x replay sends one
 * coalesced activity frame every ~100 ms instead of one message per tick. Orders keep only their
 * latest state; lists are capped with honest drop counts.
 */
export class ActivityBuffer {
  private a: Mutable = empty();

  get isEmpty(): boolean {
    const a = this.a;
    return a.fills.length + a.orders.size + a.funding.length + a.liquidations.length + a.triggered.length + a.marketLiquidations + a.insuranceChanges === 0 && a.fundingSettled.length === 0;
  }

  add(effects: readonly Effect[]): void {
    const a = this.a;
    for (const e of effects) {
      switch (e.kind) {
        case 'fill':
          if (e.fill.account !== TRADER_ID) break;
          if (a.fills.length < CAP) a.fills.push(e.fill);
          else a.dropped.fills += 1;
          break;
        case 'order':
          if (e.account !== TRADER_ID) break;
          a.orders.delete(e.order.id);
          a.orders.set(e.order.id, e.order);
          if (a.orders.size > CAP) {
            a.orders.delete(a.orders.keys().next().value!);
            a.dropped.orders += 1;
          }
          break;
        case 'funding':
          if (e.payment.account === TRADER_ID && a.funding.length < CAP) a.funding.push(e.payment);
          break;
        case 'fundingSettled':
          a.fundingSettled.push({ t: e.t, symbol: e.symbol, rate: e.rate, markPrice: e.markPrice });
          break;
        case 'liquidation': {
          a.marketLiquidations += 1;
          const l = e.liquidation;
          const mine = l.account === TRADER_ID || l.adl.some((s) => s.account === TRADER_ID);
          if (mine) a.liquidations.push(l);
          else if (a.crowdShown < CROWD_LIQUIDATIONS) {
            a.liquidations.push(l);
            a.crowdShown += 1;
          } else a.dropped.liquidations += 1;
          break;
        }
        case 'insurance':
          a.insuranceChanges += 1;
          a.insurance = { balance: e.entry.balance, t: e.entry.t };
          break;
        case 'triggered':
          if (e.account === TRADER_ID) a.triggered.push({ orderId: e.orderId, symbol: e.symbol, price: e.price });
          break;
        case 'crowdArrived':
          a.crowdOpened += e.opened;
          break;
        case 'balance':
        case 'position':
          break;
        default: {
          const never: never = e;
          throw new Error(`unknown effect ${String(never)}`);
        }
      }
    }
  }

  /** The frame to push, and a fresh buffer; null when nothing happened. */
  take(): TradingActivity | null {
    if (this.isEmpty && this.a.crowdOpened === 0) return null;
    const a = this.a;
    this.a = empty();
    return {
      fills: a.fills,
      orders: [...a.orders.values()],
      funding: a.funding,
      fundingSettled: a.fundingSettled,
      liquidations: a.liquidations,
      marketLiquidations: a.marketLiquidations,
      triggered: a.triggered,
      insurance: a.insurance,
      insuranceChanges: a.insuranceChanges,
      crowdOpened: a.crowdOpened,
      dropped: a.dropped,
    };
  }
}

interface Mutable {
  fills: TradingActivity['fills'];
  orders: Map<number, TradingActivity['orders'][number]>;
  funding: TradingActivity['funding'];
  fundingSettled: TradingActivity['fundingSettled'];
  liquidations: TradingActivity['liquidations'];
  crowdShown: number;
  marketLiquidations: number;
  triggered: TradingActivity['triggered'];
  insurance: TradingActivity['insurance'];
  insuranceChanges: number;
  crowdOpened: number;
  dropped: { fills: number; orders: number; liquidations: number };
}

function empty(): Mutable {
  return {
    fills: [],
    orders: new Map(),
    funding: [],
    fundingSettled: [],
    liquidations: [],
    crowdShown: 0,
    marketLiquidations: 0,
    triggered: [],
    insurance: null,
    insuranceChanges: 0,
    crowdOpened: 0,
    dropped: { fills: 0, orders: 0, liquidations: 0 },
  };
}

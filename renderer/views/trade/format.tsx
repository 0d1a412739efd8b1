import { createContext, useContext, type ReactNode } from 'react';
import { decimalsOf, formatDecimal, formatPercent, signOf } from '../../components/format/decimal-text';

/**
 * Number display for the Trade view, at the symbol's precision: prices at the tick, quantities
 * at the step, money at the workspace's display precision. Every formatter takes the decimal
 * string from main and formats the text itself.
 */
export interface Fmt {
  readonly priceDp: number;
  readonly qtyDp: number;
  readonly moneyDp: number;
  price(v: string | null | undefined): string;
  qty(v: string | null | undefined): string;
  money(v: string | null | undefined): string;
  /** Signed money with an up/down colour. */
  pnl(v: string | null | undefined): ReactNode;
  /** A ratio (0.0123) as a percentage ("1.23%"). */
  pct(v: string | null | undefined, dp?: number): string;
  signedPct(v: string | null | undefined, dp?: number): ReactNode;
  time(t: number | null | undefined): string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Market time in UTC: replays are of real dates, and exchanges print UTC. */
export function utcTime(t: number | null | undefined, withDate = true): string {
  if (t == null) return '—';
  const d = new Date(t);
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return withDate ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${hms}` : hms;
}

export function makeFmt(tickSize: string | null | undefined, stepSize: string | null | undefined, moneyDp: number): Fmt {
  const priceDp = decimalsOf(tickSize ?? '0.01');
  const qtyDp = decimalsOf(stepSize ?? '0.001');
  const signed = (text: string, v: string | null | undefined): ReactNode => {
    const s = signOf(v);
    return <span className={s > 0 ? 'up' : s < 0 ? 'down' : undefined}>{text}</span>;
  };
  return {
    priceDp,
    qtyDp,
    moneyDp,
    price: (v) => formatDecimal(v, priceDp),
    qty: (v) => formatDecimal(v, qtyDp),
    money: (v) => formatDecimal(v, moneyDp),
    pnl: (v) => signed(formatDecimal(v, moneyDp, { sign: 'always' }), v),
    pct: (v, dp = 2) => formatPercent(v, dp),
    signedPct: (v, dp = 2) => signed(formatPercent(v, dp, { sign: 'always' }), v),
    time: (t) => utcTime(t),
  };
}

export const FmtContext = createContext<Fmt>(makeFmt(null, null, 2));

export function useFmt(): Fmt {
  return useContext(FmtContext);
}

import type { MarketView } from '#shared/domain/trading-account';
import { ExplainPanel, Formula, InputsTable } from '../../../components/explain/ExplainPanel';
import type { ExplainApi } from '../data/use-explain';
import { useFmt, utcTime } from '../format';
import { countdown } from '../panels/MarketHeader';
import { ExplanationView } from './ExplanationView';
import { Waterfall } from './Waterfall';

/** The funding rate in force and what it will cost, from the market view (no payment yet). */
function FundingRateView({ market: m }: { market: MarketView | null }) {
  const fmt = useFmt();
  return (
    <>
      <Formula text={'payment = position notional at the mark × funding rate\nrate > 0: longs pay shorts; rate < 0: shorts pay longs\nF = P̄ + clamp(I − P̄, −0.05%, +0.05%), I = 0.01% per 8 h (Binance)'} />
      <InputsTable
        inputs={[
          { symbol: 'F', label: 'Last funding rate', value: fmt.pct(m?.lastFundingRate, 4) },
          { label: 'Settled at', value: utcTime(m?.lastFundingT) },
          { label: 'Interval', value: `${m?.fundingIntervalHours ?? '—'} h` },
          { label: 'Next funding', value: `${utcTime(m?.nextFundingT)} (in ${countdown(m?.nextFundingT ?? null, m?.t ?? null)})` },
          { symbol: 'MP', label: 'Mark price now', value: fmt.price(m?.mark) },
        ]}
      />
      <p className="explain-note-block">Each payment you make or receive is in the Funding table; click its amount for the exact computation.</p>
    </>
  );
}

export function ExplainHost({ explain, market }: { explain: ExplainApi; market: MarketView | null }) {
  const c = explain.content;
  if (!c) return null;
  switch (c.kind) {
    case 'loading':
      return (
        <ExplainPanel title={c.title} onClose={explain.close}>
          <p className="faint">Asking the engine…</p>
        </ExplainPanel>
      );
    case 'error':
      return (
        <ExplainPanel title={c.title} onClose={explain.close}>
          <p className="field-error" role="alert">
            {c.message}
          </p>
        </ExplainPanel>
      );
    case 'explanation':
      return (
        <ExplainPanel title={c.explanation.title} subtitle={c.explanation.formulaId} onClose={explain.close}>
          <ExplanationView explanation={c.explanation} />
        </ExplainPanel>
      );
    case 'waterfall':
      return (
        <ExplainPanel
          title={`Liquidation #${c.liquidation.id}${c.liquidation.isTrader ? ' (yours)' : ''}`}
          subtitle={`${utcTime(c.liquidation.t)} UTC · ${c.liquidation.symbol}`}
          onClose={explain.close}
          testId="waterfall-panel"
        >
          <Waterfall liq={c.liquidation} />
        </ExplainPanel>
      );
    case 'fundingRate':
      return (
        <ExplainPanel title={`${c.symbol} funding`} onClose={explain.close}>
          <FundingRateView market={market} />
        </ExplainPanel>
      );
    default: {
      const never: never = c;
      throw new Error(`unknown explanation ${String(never)}`);
    }
  }
}

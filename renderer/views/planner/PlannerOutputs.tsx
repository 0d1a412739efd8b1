import type { ReactNode } from 'react';
import type { PlanResult } from '#shared/plan/compute-plan';
import { useFmt } from '../trade/format';
import type { WorkingId } from './plan-workings';

type Ok = Extract<PlanResult, { ok: true }>;

function Out(props: { label: string; testId?: string; value: string | null; working: WorkingId; onExplain: (w: WorkingId) => void; children: ReactNode; tone?: 'warn' | 'down' | 'up'; hint?: string }) {
  return (
    <div className={`pl-out${props.tone ? ` ${props.tone}` : ''}`}>
      <dt>{props.label}</dt>
      <dd>
        <button type="button" className="pl-out-value num" data-testid={props.testId} data-value={props.value ?? ''} onClick={() => props.onExplain(props.working)} title="Show the working">
          {props.children}
        </button>
        {props.hint && <small className="faint"> {props.hint}</small>}
      </dd>
    </div>
  );
}

/** The plan's live figures; each opens to its working. data-value holds the exact decimal. */
export function PlannerOutputs({ result, onExplain }: { result: Ok; onExplain: (w: WorkingId) => void }) {
  const fmt = useFmt();
  const o = result.outputs;
  const safe = o.verdict === 'safe';
  return (
    <section className="pl-outputs" aria-label="Plan figures" aria-live="off">
      <dl>
        <Out label="Quantity" testId="planner-quantity" value={o.quantity} working="quantity" onExplain={onExplain} hint={o.cappedBy.length ? `capped: ${o.cappedBy.join(', ')}` : undefined}>
          <strong>{fmt.qty(o.quantity)}</strong> {result.resolved.symbol.replace(/USDT$|USD$/, '')}
        </Out>
        <Out label="Notional" testId="planner-notional" value={o.notional} working="margin" onExplain={onExplain}>
          {fmt.money(o.notional)}
        </Out>
        <Out label="Initial margin" testId="planner-margin" value={o.initialMargin} working="margin" onExplain={onExplain}>
          {fmt.money(o.initialMargin)}
        </Out>
        <Out label="Fees (entry + exit)" testId="planner-fees" value={o.entryFee} working="fees" onExplain={onExplain}>
          {fmt.money(o.entryFee)} + {fmt.money(o.exitFee)}
        </Out>
        <Out label="Loss at stop" testId="planner-loss" value={o.lossAtStop} working="loss" onExplain={onExplain} tone="down">
          <strong>{fmt.money(o.lossAtStop)}</strong>
        </Out>
        <Out label="Of equity" testId="planner-loss-pct" value={o.lossFraction} working="loss" onExplain={onExplain}>
          {fmt.pct(o.lossFraction, 3)}
        </Out>
        <Out label="Liquidation" testId="planner-liq" value={o.liquidationPrice} working="liq" onExplain={onExplain} tone="warn">
          {o.liquidationPrice ? fmt.price(o.liquidationPrice) : 'none'}
        </Out>
        <Out label="Stop → liquidation" testId="planner-buffer" value={o.stopToLiquidation} working="verdict" onExplain={onExplain}>
          {o.stopToLiquidation ? `${fmt.price(o.stopToLiquidation)} (${fmt.pct(o.stopToLiquidationFraction, 2)})` : '—'}
        </Out>
        <Out label="Highest safe leverage" testId="planner-max-safe-leverage" value={o.maxSafeLeverage} working="maxSafe" onExplain={onExplain}>
          {o.maxSafeLeverage ? `${o.maxSafeLeverage}x` : 'none'}
        </Out>
        <Out label="Bracket" testId="planner-bracket" value={String(o.bracket.tier)} working="bracket" onExplain={onExplain}>
          tier {o.bracket.tier} · MMR {fmt.pct(o.bracket.maintenanceMarginRate, 2)} · max {o.bracket.maxLeverage}x
        </Out>
      </dl>
      <button type="button" className={`pl-verdict ${safe ? 'safe' : 'unsafe'}`} data-testid="planner-verdict" data-value={o.verdict} onClick={() => onExplain('verdict')}>
        {safe
          ? `The stop fills before liquidation, ${o.stopToLiquidation ? `${fmt.price(o.stopToLiquidation)} inside it` : 'which this margin never reaches'}.`
          : `Liquidation comes first: the stop sits ${fmt.price(o.stopToLiquidation?.replace('-', '') ?? '0')} beyond the liquidation price. ${o.maxSafeLeverage ? `Use ${o.maxSafeLeverage}x or less.` : 'No leverage makes this stop safe.'}`}
      </button>
      {o.belowExchangeMinimum && (
        <p className="pv-warn" data-testid="planner-below-minimum">
          Below the exchange's minimum quantity or notional: the order would be refused.
        </p>
      )}
    </section>
  );
}

import type { PlanResult } from '#shared/plan/compute-plan';
import type { PlanInputs } from '#shared/plan/plan-body';
import type { FieldProblem } from '#shared/plan/resolve-inputs';
import { Dec, toWire } from '#shared/money/decimal';
import { bookStopSlippage, contractSpec, DEFAULT_BOOK, type BookLiquidity } from '#shared/risk/index';
import { useFmt } from '../trade/format';

const SOURCE_TEXT: Record<string, string> = { input: 'typed', 'profile taker': 'profile taker', 'book model': 'book model', 'assumed zero': 'assumed 0' };

type Ok = Extract<PlanResult, { ok: true }>;

/**
 * Fees and the stop's slippage, each with where its value came from: the profile's taker rate,
 * the engine's book model at this size (the calibrated book, as `levdesk size` prices it), or
 * typed. A live session whose book is thinner right now is offered as a one-click override.
 */
export function PlannerFees(props: { inputs: PlanInputs; patch: (p: Partial<PlanInputs>) => void; problems: readonly FieldProblem[]; result: Ok | null; liveBook: BookLiquidity | null }) {
  const { inputs: s, patch, problems, result, liveBook } = props;
  const fmt = useFmt();
  const fees = result?.resolved.fees ?? null;
  const err = problems.find((p) => p.field === 'feeEntry' || p.field === 'feeExit' || p.field === 'slippage')?.message;
  const model = result?.outputs.slippageModel ?? null;
  const differs = liveBook && (liveBook.depthScale !== DEFAULT_BOOK.depthScale || liveBook.spreadBps !== DEFAULT_BOOK.spreadBps);
  const live =
    result && differs && liveBook
      ? bookStopSlippage({ side: result.resolved.side, trigger: result.resolved.stop, quantity: result.sizing.quantity, tickSize: contractSpec(result.resolved.profile, result.resolved.symbol).tickSize, book: liveBook })
      : null;
  const rows = [
    ['feeEntryPercent', 'Entry fee', fees?.entryRate, fees?.source.entryRate, 'planner-fee-entry'],
    ['feeExitPercent', 'Exit fee', fees?.exitRate, fees?.source.exitRate, 'planner-fee-exit'],
    ['slippagePercent', 'Stop slip', fees?.stopSlippageRate, fees?.source.stopSlippageRate, 'planner-slippage'],
  ] as const;
  return (
    <fieldset className="pl-fees">
      <legend className="field-label">Fees and slippage, %</legend>
      <div className="pl-grid3">
        {rows.map(([key, label, rate, source, testId]) => (
          <label key={key} className="pl-field">
            <span className="faint">{label}</span>
            <input className="num" inputMode="decimal" value={s[key]} placeholder={rate ? fmt.pct(rate.toString(), 4).replace('%', '') : ''} onChange={(e) => patch({ [key]: e.target.value })} data-testid={testId} />
            <small className="pl-source faint" data-testid={`${testId}-source`} data-value={source ?? ''}>
              {source ? SOURCE_TEXT[source] : ''}
            </small>
          </label>
        ))}
      </div>
      <p className="pl-note faint" data-testid="planner-slippage-note">
        {model
          ? `Stop slip from the engine's book: a ${fmt.money(model.notional)} USDT stop fills at ${fmt.price(model.fillPrice)} (${model.spreadBps} bp spread, ${model.depthScale}× depth; levdesk size with "book").`
          : s.slippagePercent.trim() !== ''
            ? 'Stop slip typed; clear it for the book model at this size.'
            : 'Blank: taker fees, and the stop slip from the book model at this size (as levdesk size).'}
      </p>
      {live && (
        <p className="pl-note">
          <button type="button" className="btn-ghost" onClick={() => patch({ slippagePercent: toWire(live.rate.mul(100).toDecimalPlaces(4, Dec.ROUND_UP)) })} data-testid="planner-slippage-live">
            Use the live book
          </button>{' '}
          <span className="faint">
            now {liveBook!.depthScale}× depth, {liveBook!.spreadBps} bp: {fmt.pct(live.rate.toString(), 3)}
          </span>
        </p>
      )}
      {err && (
        <p className="field-error" role="alert">
          {err}
        </p>
      )}
    </fieldset>
  );
}

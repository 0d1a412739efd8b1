import { useId, useState, type ReactNode } from 'react';
import { PROFILE_IDS, PROFILE_LABELS, type MarginMode, type ProfileId, type Side } from '#shared/domain/exchange';
import type { PlanInputs, RiskMode, StopMode } from '#shared/plan/plan-body';
import type { PlanResult } from '#shared/plan/compute-plan';
import type { FieldProblem } from '#shared/plan/resolve-inputs';
import type { BookLiquidity } from '#shared/risk/index';
import { Segmented } from '../../components/Segmented';
import { useFmt } from '../trade/format';
import { PlannerFees } from './PlannerFees';

export interface PlannerInputsProps {
  readonly inputs: PlanInputs;
  readonly patch: (p: Partial<PlanInputs>) => void;
  readonly problems: readonly FieldProblem[];
  readonly result: Extract<PlanResult, { ok: true }> | null;
  readonly accountEquity: string | null;
  readonly lastPrice: string | null;
  readonly symbols: readonly string[];
  readonly atr: string | null;
  /** The session market's book now, when there is one (offered as the slippage's override). */
  readonly liveBook: BookLiquidity | null;
}

const STOP_MODES: { value: StopMode; label: string }[] = [
  { value: 'price', label: 'Price' },
  { value: 'percent', label: '%' },
  { value: 'atr', label: 'ATR' },
  { value: 'swing', label: 'Swing' },
];

function Field(props: { label: string; htmlFor: string; note?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="pl-field">
      <label className="field-label" htmlFor={props.htmlFor}>
        {props.label}
      </label>
      {props.children}
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : (
        props.note && <p className="pl-note faint">{props.note}</p>
      )}
    </div>
  );
}

/** Leverage as typed: whole numbers 1..125, kept as text while half-typed. */
function LeverageInput({ id, value, onChange }: { id: string; value: number; onChange: (n: number) => void }) {
  const [text, setText] = useState(String(value));
  // A leverage set elsewhere (the strip, an opened plan) replaces the text (React's previous-render pattern).
  const [prev, setPrev] = useState(value);
  if (prev !== value) {
    setPrev(value);
    if (Number(text) !== value) setText(String(value));
  }
  return (
    <input
      id={id}
      className="num"
      inputMode="numeric"
      value={text}
      data-testid="planner-leverage"
      aria-invalid={!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 125 ? true : undefined}
      onChange={(e) => {
        setText(e.target.value);
        const n = Number(e.target.value);
        if (/^\d+$/.test(e.target.value) && n >= 1 && n <= 125) onChange(n);
      }}
    />
  );
}

/** The plan's inputs: each with where its value came from, each overridable. */
export function PlannerInputs(props: PlannerInputsProps) {
  const { inputs: s, patch, problems, result, accountEquity, lastPrice, symbols, atr, liveBook } = props;
  const resolved = result?.resolved ?? null;
  const cross = result?.outputs.cross ?? null;
  const fmt = useFmt();
  const id = useId();
  const err = (f: string): string | undefined => problems.find((p) => p.field === f)?.message;
  const side = resolved?.side ?? s.side;

  return (
    <form className="pl-inputs" aria-label="Plan inputs" onSubmit={(e) => e.preventDefault()} noValidate>
      <div className="pl-grid2 wide-first">
        <Field label="Profile" htmlFor={`${id}-profile`}>
          <select id={`${id}-profile`} value={s.profile} onChange={(e) => patch({ profile: e.target.value as ProfileId })} data-testid="planner-profile">
            {PROFILE_IDS.map((p) => (
              <option key={p} value={p}>
                {PROFILE_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Symbol" htmlFor={`${id}-symbol`}>
          <select id={`${id}-symbol`} value={s.symbol} onChange={(e) => patch({ symbol: e.target.value })} data-testid="planner-symbol">
            {[...new Set([s.symbol, ...symbols])].map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </Field>
      </div>

      <Field label="Equity (USDT)" htmlFor={`${id}-equity`} error={err('equity')} note={s.equity.trim() === '' ? (accountEquity ? `Paper account: ${fmt.money(accountEquity)}` : 'No paper account yet: type it') : 'Typed'}>
        <input id={`${id}-equity`} className="num" inputMode="decimal" value={s.equity} placeholder={accountEquity ? fmt.money(accountEquity) : '10000'} onChange={(e) => patch({ equity: e.target.value })} data-testid="planner-equity" aria-invalid={err('equity') ? true : undefined} />
      </Field>

      <div className="pl-field">
        <span id={`${id}-riskmode`} className="field-label">
          Risk
        </span>
        <div className="pl-row">
          {s.riskMode === 'percent' ? (
            <input className="num" inputMode="decimal" aria-label="Risk, percent of equity" value={s.riskPercent} onChange={(e) => patch({ riskPercent: e.target.value })} data-testid="planner-risk" aria-invalid={err('risk') ? true : undefined} />
          ) : (
            <input className="num" inputMode="decimal" aria-label="Risk, cash" value={s.riskCash} onChange={(e) => patch({ riskCash: e.target.value })} data-testid="planner-risk-cash" aria-invalid={err('risk') ? true : undefined} />
          )}
          <Segmented<RiskMode>
            labelledBy={`${id}-riskmode`}
            options={[
              { value: 'percent', label: '%' },
              { value: 'cash', label: 'USDT' },
            ]}
            value={s.riskMode}
            onChange={(riskMode) => patch({ riskMode })}
            testId="planner-risk-mode"
          />
        </div>
        {err('risk') && (
          <p className="field-error" role="alert">
            {err('risk')}
          </p>
        )}
      </div>

      <div className="pl-field">
        <label className="field-label" htmlFor={`${id}-entry`}>
          Entry
        </label>
        <div className="pl-row">
          <input id={`${id}-entry`} className="num" inputMode="decimal" value={s.entry} placeholder={lastPrice ? fmt.price(lastPrice) : ''} onChange={(e) => patch({ entry: e.target.value })} data-testid="planner-entry" aria-invalid={err('entry') ? true : undefined} />
          <button type="button" className="btn-ghost" disabled={!lastPrice} onClick={() => lastPrice && patch({ entry: lastPrice })} data-testid="planner-entry-last">
            Last
          </button>
        </div>
        <div className="pl-row">
          <span id={`${id}-entrykind`} className="sr-only">
            Entry order
          </span>
          <Segmented<'market' | 'limit'>
            labelledBy={`${id}-entrykind`}
            options={[
              { value: 'limit', label: 'Limit' },
              { value: 'market', label: 'Market' },
            ]}
            value={s.entryKind}
            onChange={(entryKind) => patch({ entryKind })}
            testId="planner-entry-kind"
          />
          <span className="pl-note faint">{resolved?.entryOrigin === 'last price' ? 'at the last price' : s.entryKind === 'market' ? 'estimate for a market entry' : 'limit price'}</span>
        </div>
        {err('entry') && (
          <p className="field-error" role="alert">
            {err('entry')}
          </p>
        )}
      </div>

      <div className="pl-field">
        <span id={`${id}-stopmode`} className="field-label">
          Stop
        </span>
        <Segmented<StopMode> labelledBy={`${id}-stopmode`} options={STOP_MODES} value={s.stopMode} onChange={(stopMode) => patch({ stopMode })} testId="planner-stop-mode" />
        {s.stopMode === 'price' && (
          <input className="num" inputMode="decimal" aria-label="Stop price" value={s.stop} onChange={(e) => patch({ stop: e.target.value })} data-testid="planner-stop" aria-invalid={err('stop') ? true : undefined} />
        )}
        {s.stopMode === 'percent' && <input className="num" inputMode="decimal" aria-label="Stop distance, percent of the entry" value={s.stopPercent} onChange={(e) => patch({ stopPercent: e.target.value })} data-testid="planner-stop-percent" />}
        {s.stopMode === 'atr' && (
          <div className="pl-row">
            <input className="num" inputMode="decimal" aria-label="ATR multiple" value={s.atrMultiple} onChange={(e) => patch({ atrMultiple: e.target.value })} data-testid="planner-atr-multiple" />
            <span className="faint">x ATR(</span>
            <input className="num pl-small" inputMode="numeric" aria-label="ATR period" value={s.atrPeriod} onChange={(e) => Number(e.target.value) >= 1 && patch({ atrPeriod: Math.min(500, Math.floor(Number(e.target.value))) })} />
            <span className="faint">) = {atr ? fmt.price(atr) : '—'}</span>
          </div>
        )}
        {s.stopMode === 'swing' && (
          <div className="pl-row">
            <span className="faint">{side === 'long' ? 'Lowest low' : 'Highest high'} of the last</span>
            <input className="num pl-small" inputMode="numeric" aria-label="Swing lookback, candles" value={s.swingLookback} onChange={(e) => Number(e.target.value) >= 2 && patch({ swingLookback: Math.min(1000, Math.floor(Number(e.target.value))) })} />
            <span className="faint">candles</span>
          </div>
        )}
        {s.stopMode !== 'price' && (
          <Segmented<Side>
            labelledBy={`${id}-stopmode`}
            options={[
              { value: 'long', label: 'Long' },
              { value: 'short', label: 'Short' },
            ]}
            value={s.side}
            onChange={(v) => patch({ side: v })}
            testId="planner-side"
          />
        )}
        {err('stop') ? (
          <p className="field-error" role="alert">
            {err('stop')}
          </p>
        ) : (
          <p className="pl-note faint" data-testid="planner-side-implied">
            {resolved ? `${side === 'long' ? 'Long' : 'Short'}: stop ${fmt.price(resolved.stop.toString())} ${side === 'long' ? 'below' : 'above'} the entry` : 'The side follows the stop: below the entry is a long'}
          </p>
        )}
      </div>

      <div className="pl-grid2 wide-last">
        <Field label="Leverage" htmlFor={`${id}-lev`}>
          <LeverageInput id={`${id}-lev`} value={s.leverage} onChange={(leverage) => patch({ leverage })} />
        </Field>
        <div className="pl-field">
          <span id={`${id}-mm`} className="field-label">
            Margin
          </span>
          <Segmented<MarginMode>
            labelledBy={`${id}-mm`}
            options={[
              { value: 'isolated', label: 'Isolated' },
              { value: 'cross', label: 'Cross' },
            ]}
            value={s.marginMode}
            onChange={(marginMode) => patch({ marginMode })}
            testId="planner-margin-mode"
          />
        </div>
      </div>
      {cross && (
        <p className="pl-note faint" data-testid="planner-cross-note" data-others={cross.others.length}>
          Cross wallet {fmt.money(cross.walletBalance)} ({cross.walletOrigin === 'account' ? 'paper account' : 'typed equity'})
          {cross.others.length ? `, sharing it with ${cross.others.map((o) => `${o.symbol} ${o.side} ${o.quantity}${o.marginMode === 'isolated' ? ' (isolated, not counted)' : ''}`).join(', ')}` : ', no other positions'}.
          {cross.sameSymbolHeld && ` The account already holds ${s.symbol}: this plan is sized as a position of its own.`}
        </p>
      )}

      <PlannerFees inputs={s} patch={patch} problems={problems} result={result} liveBook={liveBook} />
    </form>
  );
}

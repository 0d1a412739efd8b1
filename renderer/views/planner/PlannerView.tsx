import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { contractSpec, getProfile } from '#shared/risk/index';
import { computePlan } from '#shared/plan/compute-plan';
import { leverageStrip } from '#shared/plan/leverage-strip';
import { DEFAULT_PLAN_INPUTS, PlanInputsSchema, type Plan, type PlanBody, type PlanInputs } from '#shared/plan/plan-body';
import { planOrders } from '#shared/plan/plan-orders';
import { sendPlanToTicket } from '../../app/plan-handoff';
import { useSettings } from '../../app/settings-context';
import { ExplainPanel, Formula, InputsTable } from '../../components/explain/ExplainPanel';
import { FmtContext, makeFmt } from '../trade/format';
import { ExitsLadder } from './ExitsLadder';
import { HistoryTest, type HistoryWindow } from './HistoryTest';
import { LeverageStrip } from './LeverageStrip';
import { PlannerChart, type PlanLine } from './PlannerChart';
import { PlannerInputs } from './PlannerInputs';
import { PlannerOutputs } from './PlannerOutputs';
import { planWorking, type WorkingId } from './plan-workings';
import { SavedPlans, type PlanMeta } from './SavedPlans';
import { useAccountRead, useScenarios, useStopReferences, useWindowCandles } from './use-planner-data';

const STORE_KEY = 'levdesk.planner';

/** What the trader typed survives a switch to another view and back (this window only). */
function restore(): { inputs: PlanInputs; meta: PlanMeta; window: HistoryWindow | null } {
  try {
    const doc = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? 'null') as { inputs: unknown; meta: PlanMeta; window: HistoryWindow | null } | null;
    const inputs = PlanInputsSchema.safeParse(doc?.inputs);
    if (doc && inputs.success) return { inputs: inputs.data, meta: doc.meta, window: doc.window };
  } catch {
    // A damaged entry starts a fresh plan.
  }
  return { inputs: DEFAULT_PLAN_INPUTS, meta: { id: null, name: 'New plan', notes: '' }, window: null };
}

/** The Planner view: size a trade from risk, prove the stop fills first, plan the exits, test, send. */
export function PlannerView() {
  const { settings } = useSettings();
  const [initial] = useState(restore);
  const [inputs, setInputs] = useState<PlanInputs>(initial.inputs);
  const [meta, setMeta] = useState<PlanMeta>(initial.meta);
  const [win, setWin] = useState<HistoryWindow | null>(initial.window);
  const [working, setWorking] = useState<WorkingId | null>(null);
  const patch = useCallback((p: Partial<PlanInputs>) => setInputs((prev) => ({ ...prev, ...p })), []);

  const account = useAccountRead();
  const scenarios = useScenarios();
  const window = win ?? (scenarios.length ? { scenarioId: (scenarios.find((s) => s.marketType === 'stored' && s.symbol === inputs.symbol) ?? scenarios[0]!).id, atMinute: 60 } : null);
  const scenario = scenarios.find((s) => s.id === window?.scenarioId) ?? null;
  const candles = useWindowCandles(scenario);
  const entryAt = scenario && window ? Date.parse(scenario.start) + window.atMinute * 60_000 : null;
  const refs = useStopReferences(candles, entryAt, inputs.atrPeriod, inputs.swingLookback);

  useEffect(() => {
    sessionStorage.setItem(STORE_KEY, JSON.stringify({ inputs, meta, window: win }));
  }, [inputs, meta, win]);

  const lastPrice = account.lastBySymbol.get(inputs.symbol) ?? null;
  const ctx = useMemo(() => ({ accountEquity: account.equity, lastPrice, atr: refs.atr, swing: refs.swing, cross: account.cross }), [account.equity, account.cross, lastPrice, refs]);
  const result = useMemo(() => computePlan(inputs, ctx), [inputs, ctx]);
  const ok = result.ok ? result : null;
  // The strip's ~20 liquidation prices stay off the keystroke path: React draws it after the figures.
  const deferred = useDeferredValue(ok);
  const strip = useMemo(() => (deferred ? leverageStrip(deferred) : null), [deferred]);

  const profile = getProfile(inputs.profile);
  const spec = contractSpec(profile, inputs.symbol);
  const fmt = useMemo(() => makeFmt(spec.tickSize.toString(), spec.stepSize.toString(), settings.displayPrecision), [spec, settings.displayPrecision]);

  const orders = useMemo(() => (ok && ok.sizing.quantity.gt(0) ? planOrders(inputs, ok.outputs, ok.exits) : null), [ok, inputs]);
  const body: PlanBody | null = ok
    ? { symbol: inputs.symbol, side: ok.outputs.side, entry: ok.outputs.entry, stop: ok.outputs.stop, quantity: ok.outputs.quantity, leverage: inputs.leverage, liquidationPrice: ok.outputs.liquidationPrice, lossAtStop: ok.outputs.lossAtStop, inputs }
    : null;

  const lines = useMemo<PlanLine[]>(() => {
    if (!ok) return [];
    const o = ok.outputs;
    return [
      { id: 'entry', label: 'Entry', price: o.entry, tone: 'accent', draggable: true },
      { id: 'stop', label: 'Stop', price: o.stop, tone: 'down', draggable: true },
      ...(o.liquidationPrice ? [{ id: 'liq', label: 'Liq.', price: o.liquidationPrice, tone: 'warn' as const, draggable: false }] : []),
      ...(ok.exits.problems.length ? [] : ok.exits.rungs.map((r, i) => ({ id: `tp${i}`, label: `T${i + 1} ${Number(r.r).toFixed(1)}R`, price: r.price, tone: 'up' as const, draggable: true }))),
    ];
  }, [ok]);

  const onDrag = useCallback(
    (id: string, price: string) => {
      if (id === 'entry') patch({ entry: price });
      else if (id === 'stop') patch({ stopMode: 'price', stop: price });
      else if (id.startsWith('tp')) {
        const i = Number(id.slice(2));
        setInputs((prev) => ({ ...prev, rungs: prev.rungs.map((r, j) => (j === i ? { ...r, kind: 'price', value: price } : r)) }));
      }
    },
    [patch],
  );

  const openPlan = (p: Plan): void => {
    setInputs(p.body.inputs);
    setMeta({ id: p.id, name: p.name, notes: p.notes });
  };

  const send = (): void => {
    if (!orders || !ok) return;
    sendPlanToTicket({ planId: meta.id, planName: meta.name, entry: orders.entry, trailing: orders.trailing, leverage: inputs.leverage, marginMode: inputs.marginMode });
  };

  const w = ok && working ? planWorking(working, ok, fmt) : null;
  const formProblems = result.ok ? [] : result.problems;
  return (
    <FmtContext.Provider value={fmt}>
      <div className="planner" data-testid="planner-view">
        <div className="pl-col pl-left panel">
          <h2 className="panel-title">Plan</h2>
          <PlannerInputs inputs={inputs} patch={patch} problems={formProblems} result={ok} accountEquity={account.equity} lastPrice={lastPrice} symbols={Object.keys(profile.symbols)} atr={refs.atr} liveBook={account.bookBySymbol.get(inputs.symbol) ?? null} />
        </div>
        <div className="pl-col pl-mid">
          <div className="panel pl-chart-panel">
            <PlannerChart candles={candles} lines={lines} entryAt={entryAt} tickSize={spec.tickSize.toString()} priceDecimals={fmt.priceDp} theme={settings.theme} fmtPrice={fmt.price} onDrag={onDrag} />
            {candles.length === 0 && <p className="pl-chart-empty faint">No stored candles for this window: the chart shows the plan's levels only once a stored window is chosen below.</p>}
          </div>
          <div className="panel pl-pad">{ok && strip ? <LeverageStrip strip={strip} onPick={(leverage) => patch({ leverage })} /> : <p className="faint">The leverage strip appears once the plan sizes.</p>}</div>
          <div className="panel pl-pad">
            <ExitsLadder inputs={inputs} patch={patch} exits={ok?.exits ?? null} />
          </div>
        </div>
        <div className="pl-col pl-right">
          <div className="panel pl-pad">
            {ok ? (
              <PlannerOutputs result={ok} onExplain={setWorking} />
            ) : (
              <p className="faint" data-testid="planner-incomplete">
                {formProblems[0]?.message ?? 'Fill in the plan.'}
              </p>
            )}
            <button type="button" className="btn-solid pl-send" disabled={!orders} onClick={send} data-testid="planner-send">
              Send to ticket
            </button>
            <p className="pl-note faint">{meta.id ? `Orders placed will be linked to "${meta.name}".` : 'Save the plan first to link the orders placed from it.'}</p>
          </div>
          <div className="panel pl-pad">
            {window && (
              <HistoryTest
                scenarios={scenarios}
                window={window}
                onWindow={setWin}
                request={
                  orders && ok
                    ? { profile: inputs.profile, equity: ok.outputs.equity, leverage: inputs.leverage, marginMode: inputs.marginMode, entry: orders.entry, trailing: orders.trailing, lossAtStop: ok.outputs.lossAtStop }
                    : null
                }
              />
            )}
          </div>
          <div className="panel pl-pad">
            <SavedPlans meta={meta} onMeta={setMeta} body={body} onOpen={openPlan} />
          </div>
        </div>
        {w && (
          <ExplainPanel title={w.title} subtitle={w.subtitle} onClose={() => setWorking(null)} testId="planner-explain">
            <Formula text={w.formula} result={w.result} />
            <InputsTable inputs={w.inputs} />
          </ExplainPanel>
        )}
      </div>
    </FmtContext.Provider>
  );
}

import { useId, useState } from 'react';
import type { ScenarioEntry } from '#shared/domain/scenario';
import type { PlanTestInput, PlanTestResult } from '#shared/ipc/channels/plans';
import { formatDecimal } from '../../components/format/decimal-text';
import { useApi } from '../../api/context';
import { useFmt, utcTime } from '../trade/format';

export interface HistoryWindow {
  readonly scenarioId: string;
  readonly atMinute: number;
}

const ROLE_LABEL: Record<string, string> = { entry: 'entry', stopLoss: 'stop', takeProfit: 'target' };

/**
 * "Test on history": the plan's orders run headless through the engine on the chosen window from
 * the chosen minute (no crowd unless asked), and what happened: fills, which exits fired, the
 * trailing stop's path, PnL, R, and whether liquidation came first.
 */
export function HistoryTest(props: {
  scenarios: readonly ScenarioEntry[];
  window: HistoryWindow;
  onWindow: (w: HistoryWindow) => void;
  request: Omit<PlanTestInput, 'scenarioId' | 'atMinute' | 'crowd'> | null;
}) {
  const { scenarios, window: win, onWindow, request } = props;
  const api = useApi();
  const fmt = useFmt();
  const id = useId();
  const [crowd, setCrowd] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PlanTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const entry = scenarios.find((s) => s.id === win.scenarioId) ?? null;

  const run = async (): Promise<void> => {
    if (!request) return;
    setBusy(true);
    setError(null);
    const r = await api.call('plans.test', { ...request, scenarioId: win.scenarioId, atMinute: win.atMinute, crowd });
    setBusy(false);
    if (r.ok) setResult(r.value);
    else {
      setResult(null);
      setError(r.error.message);
    }
  };

  const ordersById = new Map(result?.orders.map((o) => [o.id, o]) ?? []);
  return (
    <section className="pl-test" aria-labelledby={`${id}-h`} data-testid="planner-test">
      <h3 id={`${id}-h`} className="pl-h">
        Test on history
      </h3>
      <div className="pl-row pl-wrap">
        <select aria-label="History window" value={win.scenarioId} onChange={(e) => onWindow({ scenarioId: e.target.value, atMinute: Math.floor((scenarios.find((s) => s.id === e.target.value)?.durationMinutes ?? 0) / 2) })} data-testid="planner-test-window">
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label className="pl-row">
          <span className="faint">entry at minute</span>
          <input className="num pl-small" inputMode="numeric" value={win.atMinute} onChange={(e) => Number.isFinite(Number(e.target.value)) && onWindow({ ...win, atMinute: Math.max(0, Math.floor(Number(e.target.value))) })} data-testid="planner-test-minute" />
        </label>
        <span className="faint">{entry ? utcTime(Date.parse(entry.start) + win.atMinute * 60_000) : ''}</span>
        <label className="check">
          <input type="checkbox" checked={crowd} onChange={(e) => setCrowd(e.target.checked)} />
          with the crowd
        </label>
        <button type="button" className="btn-solid" disabled={!request || busy} onClick={() => void run()} data-testid="planner-test-run">
          {busy ? 'Running…' : 'Run'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="planner-test-error">
          {error}
        </p>
      )}
      {result && (
        <div className="pl-test-result" data-testid="planner-test-result" data-state-hash={result.stateHash}>
          <p>
            PnL{' '}
            <strong data-testid="planner-test-pnl" data-value={result.pnl}>
              {fmt.pnl(result.pnl)}
            </strong>{' '}
            ({result.r ? `${formatDecimal(result.r, 2)}R` : '—'}) ·{' '}
            <span data-testid="planner-test-liquidated" data-value={String(result.liquidatedFirst)} className={result.liquidatedFirst ? 'down' : undefined}>
              {result.liquidatedFirst ? 'liquidated before the stop' : 'no liquidation'}
            </span>{' '}
            · {result.positionsAtEnd.length ? `still open at the end: ${result.positionsAtEnd.map((p) => `${p.side} ${fmt.qty(p.quantity)}`).join(', ')}` : 'flat at the end'} · {Math.round(result.ms)} ms
          </p>
          {result.rejected.map((r) => (
            <p key={r.step} className="pv-warn">
              Order {r.step + 1} refused: {r.message}
            </p>
          ))}
          <table className="pl-fills" data-testid="planner-test-fills">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Order</th>
                <th scope="col">Side</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  PnL
                </th>
              </tr>
            </thead>
            <tbody>
              {result.fills.map((f) => {
                const o = f.orderId !== null ? ordersById.get(f.orderId) : undefined;
                return (
                  <tr key={f.id}>
                    <td>{utcTime(f.t, false)}</td>
                    <td>{o ? (o.type === 'trailingStop' ? 'trailing stop' : (ROLE_LABEL[o.role ?? 'entry'] ?? o.type)) : 'liquidation'}</td>
                    <td>{f.side}</td>
                    <td className="num">{fmt.qty(f.quantity)}</td>
                    <td className="num">{fmt.price(f.price)}</td>
                    <td className="num">{fmt.pnl(f.realizedPnl)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {result.trailingPath.length > 0 && (
            <p className="faint" data-testid="planner-test-trail">
              Trailing stop: {result.trailingPath.slice(0, 1).map((p) => `${fmt.price(p.stop)} at ${utcTime(p.t, false)}`)} → {fmt.price(result.trailingPath[result.trailingPath.length - 1]!.stop)} ({result.trailingPath.length} {result.trailingPath.length === 1 ? 'move' : 'moves'})
            </p>
          )}
          <details>
            <summary className="faint">The scenario that ran (levdesk replay reproduces it)</summary>
            <pre className="mono pl-scenario">{result.scenario}</pre>
          </details>
        </div>
      )}
    </section>
  );
}

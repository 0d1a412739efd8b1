import type { LabOutput, LabRow } from '#shared/domain/decay-lab';
import { downloadText, toCsv } from '../../components/table/csv';

const pct = (s: string | null, dp = 2): string => (s === null ? '—' : `${(Number(s) * 100).toFixed(dp)}%`);
const val = (s: string | null, dp = 4): string => (s === null ? '—' : Number(s).toFixed(dp));

const CSV_HEADER = ['instrument', 'label', 'value_end', 'return', 'naive_leverage_x_spot', 'decay_vs_naive', 'max_drawdown', 'rebalances', 'turnover', 'fees_paid', 'funding_paid', 'approximation_float', 'ended_day', 'liquidation_price'];

/** Decay as a number: the end value minus what "leverage x spot return" promised (exact decimals; display rounds). */
function decay(r: LabRow): string | null {
  if (r.naive === null) return null;
  return String(Number(r.valueEnd) - Number(r.naive));
}

export function exportCsv(result: LabOutput): void {
  const rows = result.rows.map((r) => [
    r.instrument,
    r.label,
    r.valueEnd,
    r.return,
    r.naive ?? '',
    r.naive === null ? '' : subtract(r.valueEnd, r.naive),
    r.maxDrawdown,
    r.rebalances === null ? '' : String(r.rebalances),
    r.turnover ?? '',
    r.feesPaid ?? '',
    r.fundingPaid ?? '',
    r.approximation === null ? '' : String(r.approximation),
    r.endedDay === null ? '' : String(r.endedDay),
    r.liquidationPrice ?? '',
  ]);
  downloadText('levdesk-decay.csv', toCsv(CSV_HEADER, rows));
}

/** Exact difference of two plain decimal strings at 10 dp (both are printed to 10 dp by main). */
function subtract(a: string, b: string): string {
  const scale = (s: string) => {
    const neg = s.startsWith('-');
    const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
    const v = BigInt(i! + f.padEnd(10, '0').slice(0, 10));
    return neg ? -v : v;
  };
  const d = scale(a) - scale(b);
  const neg = d < 0n;
  const digits = (neg ? -d : d).toString().padStart(11, '0');
  const out = `${digits.slice(0, -10)}.${digits.slice(-10)}`.replace(/\.?0+$/, '');
  return `${neg ? '-' : ''}${out || '0'}`;
}

/** The terminal-value table: one row per instrument, the exact decimal end value in data-value-end. */
export function ResultTable({ result, hidden, toggle }: { result: LabOutput; hidden: ReadonlySet<string>; toggle: (instrument: string) => void }) {
  return (
    <table className="dc-table" data-testid="decay-table">
      <thead>
        <tr>
          <th scope="col">Instrument</th>
          <th scope="col" className="num">End value</th>
          <th scope="col" className="num">Return</th>
          <th scope="col" className="num" title="1 + leverage × spot return">Lev × spot</th>
          <th scope="col" className="num" title="end value minus leverage × spot">Decay</th>
          <th scope="col" className="num">Max DD</th>
          <th scope="col" className="num">Rebal.</th>
          <th scope="col" className="num" title="sum of |traded| at rebalances, in start capitals">Turnover</th>
          <th scope="col" className="num">Fees</th>
          <th scope="col" className="num" title="positive: paid">Funding</th>
          <th scope="col" className="num" title="Avellaneda–Zhang continuous approximation, floating point (daily rule only)">A–Z approx. (float)</th>
        </tr>
      </thead>
      <tbody>
        {result.rows.map((r) => {
          const d = decay(r);
          return (
            <tr key={r.instrument} data-testid="decay-row" data-instrument={r.instrument} data-value-end={r.valueEnd} data-kind={r.kind} className={hidden.has(r.instrument) ? 'off' : undefined}>
              <th scope="row">
                <label className="dc-inst">
                  <input type="checkbox" checked={!hidden.has(r.instrument)} onChange={() => toggle(r.instrument)} aria-label={`Show ${r.instrument} on the chart`} />
                  <span className="mono">{r.instrument}</span>
                  <span className="faint">{detail(r)}</span>
                </label>
              </th>
              <td className="num mono" title={r.valueEnd}>
                {val(r.valueEnd)}
                {r.endedDay !== null && <span className="dc-ended">{r.kind === 'margin' ? ` liq. day ${r.endedDay}` : ` wiped day ${r.endedDay}`}</span>}
              </td>
              <td className={`num ${Number(r.return) >= 0 ? 'up' : 'down'}`}>{pct(r.return)}</td>
              <td className="num">{val(r.naive)}</td>
              <td className={`num ${d !== null && Number(d) < 0 ? 'down' : ''}`}>{d === null ? '—' : Number(d).toFixed(4)}</td>
              <td className="num">{pct(r.maxDrawdown, 1)}</td>
              <td className="num">{r.rebalances ?? '—'}</td>
              <td className="num">{val(r.turnover, 3)}</td>
              <td className="num">{val(r.feesPaid, 4)}</td>
              <td className="num">{val(r.fundingPaid, 4)}</td>
              <td className="num faint">{r.approximation === null ? '—' : r.approximation.toFixed(4)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the instrument id does not say: a token's rule; a margin position's or spot's terms in brackets. */
function detail(r: { kind: string; label: string }): string {
  if (r.kind === 'token') return r.label.replace(/^[^,]*,\s*/, '');
  return /\((.*)\)/.exec(r.label)?.[1] ?? '';
}

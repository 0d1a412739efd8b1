import type { Explanation } from '#shared/domain/trading-queries';
import { Formula, InputsTable } from '../../../components/explain/ExplainPanel';
import { useFmt } from '../format';

/** The engine's explanation of a number: the formula, its inputs with values, the bracket used. */
export function ExplanationView({ explanation: e }: { explanation: Explanation }) {
  const fmt = useFmt();
  return (
    <>
      <Formula
        text={e.formula}
        result={
          <>
            {e.result.name} = <strong data-testid="explain-result">{e.result.value ?? '— (none: the position cannot be liquidated)'}</strong>
          </>
        }
      />
      <InputsTable inputs={e.inputs.map((i) => ({ symbol: i.symbol, label: i.name, value: <span className="num">{i.value}</span>, note: i.note ?? undefined }))} />
      {e.bracket && (
        <section className="explain-section" aria-label="Bracket">
          <h3>Bracket used</h3>
          <table className="explain-table" data-testid="explain-bracket">
            <tbody>
              <tr>
                <th scope="row">Tier</th>
                <td className="num">{e.bracket.tier}</td>
              </tr>
              <tr>
                <th scope="row">Notional band</th>
                <td className="num">
                  {fmt.money(e.bracket.notionalFloor)} – {fmt.money(e.bracket.notionalCap)}
                </td>
              </tr>
              <tr>
                <th scope="row">Maintenance margin rate</th>
                <td className="num">{fmt.pct(e.bracket.maintenanceMarginRate, 3)}</td>
              </tr>
              <tr>
                <th scope="row">Maintenance amount (cum)</th>
                <td className="num">{fmt.money(e.bracket.maintenanceAmount)}</td>
              </tr>
              <tr>
                <th scope="row">Max leverage</th>
                <td className="num">{e.bracket.maxLeverage}×</td>
              </tr>
            </tbody>
          </table>
          <p className="explain-note-block">{BRACKET_BASIS[e.bracket.basis] ?? e.bracket.basis}</p>
        </section>
      )}
      {e.notes.length > 0 && (
        <section className="explain-section" aria-label="Notes">
          <h3>Notes</h3>
          <ul className="explain-notes">
            {e.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Why this bracket: the risk core names the price whose notional chose it. */
const BRACKET_BASIS: Readonly<Record<string, string>> = {
  liquidation: 'Chosen by the notional at the liquidation price itself, not at entry.',
  entry: 'Chosen by the notional at the entry price (this exchange’s rule).',
  override: 'The maintenance rate and amount were given, not read from the brackets.',
};

import type { ImportSummary } from '#shared/domain/market-import';
import { count, utc } from './data-format';
import { uiHint } from './import-hints';

/** What an import did, file by file: rows added or already there, what was assumed, what looked odd. */
export function ImportResult({ summary }: { summary: ImportSummary }) {
  return (
    <section className="card dv-pane dv-result" role="status" data-testid="import-result" data-rows-added={summary.rowsAdded}>
      <h2>
        Imported: {count(summary.rowsAdded)} new row{summary.rowsAdded === 1 ? '' : 's'} of {count(summary.rowsRead)} read
      </h2>
      {summary.files.map((f) => (
        <article key={f.file} className="dv-result-file">
          <h3 className="mono">{f.file.split(/[\\/]/).pop()}</h3>
          <table className="dv-table">
            <thead>
              <tr>
                <th scope="col">Series</th>
                <th scope="col" className="num">
                  Read
                </th>
                <th scope="col" className="num">
                  Added
                </th>
                <th scope="col" className="num">
                  Already stored
                </th>
                <th scope="col">Range (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {f.series.map((s) => (
                <tr key={`${s.target}-${s.venue}-${s.symbol}-${s.interval ?? ''}-${s.kind ?? ''}`}>
                  <td>
                    {s.venue} {s.symbol} {s.target === 'candles' ? `${s.interval} ${s.kind}` : s.target}
                  </td>
                  <td className="num">{count(s.rowsRead)}</td>
                  <td className="num">{count(s.rowsAdded)}</td>
                  <td className="num">
                    {count(s.rowsAlreadyStored)}
                    {s.rowsConflicting > 0 && <span className="warn"> (+{count(s.rowsConflicting)} differing, kept)</span>}
                  </td>
                  <td className="num">
                    {utc(s.from)} → {utc(s.to)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {f.assumptions.length > 0 && (
            <ul className="dv-notes" aria-label="Assumptions">
              {f.assumptions.map((a) => (
                <li key={a}>
                  <span className="dv-tag">assumed</span> {uiHint(a)}
                </li>
              ))}
            </ul>
          )}
          {f.warnings.length > 0 && (
            <ul className="dv-notes" aria-label="Warnings" data-testid="import-warnings">
              {f.warnings.map((w, i) => (
                <li key={i}>
                  <span className="dv-tag warn">{w.line ? `line ${w.line}` : 'note'}</span> {uiHint(w.message)}
                </li>
              ))}
              {f.warningsNotListed > 0 && <li className="faint">and {count(f.warningsNotListed)} more</li>}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}

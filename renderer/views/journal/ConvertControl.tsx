/** Quote assets the journal offers to convert into (stored candles must exist for the pairs). */
const QUOTES = ['USDT', 'USDC', 'BTC'];

/**
 * Off by default: totals stay per asset. On, cash figures are converted into the chosen asset at
 * the stored candle close at each trip's close (only when asked, and labelled as converted).
 */
export function ConvertControl(props: { value: string | undefined; onChange: (quote: string | undefined) => void }) {
  return (
    <label className="jv-field jv-convert">
      <span>Convert totals</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)} data-testid="journal-convert">
        <option value="">No: per asset</option>
        {QUOTES.map((q) => (
          <option key={q} value={q}>
            to {q} at stored prices
          </option>
        ))}
      </select>
    </label>
  );
}

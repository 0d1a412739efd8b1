import type { ReplayBar } from '#shared/domain/market-replay';
import { compareDecimal } from '../../../components/format/decimal-text';
import { useFmt, utcTime } from '../format';

/**
 * O/H/L/C of the bar under the crosshair (or the forming bar), with its mark and index closes
 * and volume: the bar's own decimal strings, not the chart's floats.
 */
export function CrosshairReadout({ bar, live, volume }: { bar: ReplayBar | null; live: boolean; volume: string | null }) {
  const fmt = useFmt();
  if (!bar) return <span className="readout faint">No bars yet: choose a scenario and press play.</span>;
  const up = compareDecimal(bar.close, bar.open) >= 0;
  return (
    <span className="readout num" data-testid="chart-readout" data-live={live}>
      <span className="faint">{utcTime(bar.t)}</span>
      <span>
        O <b className={up ? 'up' : 'down'}>{fmt.price(bar.open)}</b>
      </span>
      <span>
        H <b className={up ? 'up' : 'down'}>{fmt.price(bar.high)}</b>
      </span>
      <span>
        L <b className={up ? 'up' : 'down'}>{fmt.price(bar.low)}</b>
      </span>
      <span>
        C <b className={up ? 'up' : 'down'}>{fmt.price(bar.close)}</b>
      </span>
      <span>
        Mark <b>{fmt.price(bar.mark)}</b>
      </span>
      <span>
        Index <b>{fmt.price(bar.index)}</b>
      </span>
      {volume != null && (
        <span>
          Vol <b>{fmt.qty(volume)}</b>
        </span>
      )}
    </span>
  );
}

import type { ReactNode } from 'react';
import type { AdlRank } from '#shared/domain/trading-account';

/** A number in a cell that opens its explanation (liquidation price, margin ratio, funding). */
export function ExplainButton(props: { label: string; onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <button type="button" className="linkish" aria-label={props.label} title={props.label} onClick={props.onClick} data-testid={props.testId}>
      {props.children}
    </button>
  );
}

/** Long/short or buy/sell in the market's colours. */
export function SideTag({ side }: { side: 'long' | 'short' | 'buy' | 'sell' }) {
  const up = side === 'long' || side === 'buy';
  const label = side === 'long' ? 'Long' : side === 'short' ? 'Short' : side === 'buy' ? 'Buy' : 'Sell';
  return <span className={`side-tag ${up ? 'up' : 'down'}`}>{label}</span>;
}

/**
 * The ADL quintile as five lights, as exchanges show it: more lights, earlier in the queue.
 * The text alternative says the rank in words.
 */
export function AdlLights({ adl }: { adl: AdlRank | null }) {
  if (!adl) return <span className="faint">—</span>;
  const label = `ADL queue: ${adl.quintile} of 5 (rank ${adl.rank} of ${adl.count})`;
  return (
    <span className="adl-lights" role="img" aria-label={label} title={label} data-quintile={adl.quintile}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={`adl-light${i <= adl.quintile ? ' on' : ''}`} />
      ))}
    </span>
  );
}

import type { LiquidationView } from '#shared/domain/trading-history';
import { dec, toWire } from '#shared/money/decimal';
import { formatDecimal, signOf } from '../../../components/format/decimal-text';
import { useFmt } from '../format';
import { fundDelta } from '../tables/history-columns';

/**
 * One liquidation, step by step, as the engine executed it: the mark crosses the liquidation
 * price → the account's orders are cancelled → the position is closed through the book →
 * the clearance fee and any surplus go to the insurance fund, or the fund pays the deficit →
 * what the book and the fund could not absorb is taken from opposing traders by ADL.
 */
export function Waterfall({ liq }: { liq: LiquidationView }) {
  const fmt = useFmt();
  const delta = fundDelta(liq);
  const sign = signOf(delta);
  const side = liq.side === 'long' ? 'long' : 'short';
  const closeSide = liq.side === 'long' ? 'sold' : 'bought';
  const adlQty = liq.adl.reduce((acc, a) => acc.plus(a.quantity), dec(0));
  return (
    <ol className="waterfall" data-testid="waterfall">
      <li className="wf-step" data-step="mark">
        <h3>1 · Mark price reaches liquidation</h3>
        <p>
          Mark <strong className="num">{fmt.price(liq.markPrice)}</strong> crossed the liquidation price{' '}
          <strong className="num">{fmt.price(liq.liquidationPrice)}</strong> of {liq.marginMode === 'isolated' ? 'an isolated' : 'a cross'} {side} of{' '}
          <span className="num">{fmt.qty(liq.quantity)}</span> entered at <span className="num">{fmt.price(liq.entryPrice)}</span>
          {liq.partial ? ` (partial: ${fmt.qty(liq.remainingQuantity)} remains)` : ''}. The margin it stood on,{' '}
          <span className="num">{fmt.money(liq.marginLost)}</span>, is lost.
        </p>
        {liq.canceledOrders > 0 && <p className="faint">{liq.canceledOrders} open order(s) on the market were cancelled first.</p>}
      </li>
      <li className="wf-step" data-step="book">
        <h3>2 · Closed through the book</h3>
        {liq.bookFills.length === 0 ? (
          <p>The book took nothing.</p>
        ) : (
          <>
            <p>
              The engine {closeSide} <span className="num">{fmt.qty(liq.bookQuantity)}</span> at an average{' '}
              <strong className="num">{fmt.price(liq.averageFillPrice)}</strong>; the bankruptcy price was{' '}
              <strong className="num">{fmt.price(liq.bankruptcyPrice)}</strong>. The last price moved to{' '}
              <span className="num">{fmt.price(liq.lastAfter)}</span>.
            </p>
            <table className="explain-table compact" aria-label="Book fills">
              <thead>
                <tr>
                  <th scope="col">Price</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                </tr>
              </thead>
              <tbody>
                {liq.bookFills.slice(0, 12).map((f, i) => (
                  <tr key={i}>
                    <td className="num">{fmt.price(f.price)}</td>
                    <td className="num">{fmt.qty(f.quantity)}</td>
                  </tr>
                ))}
                {liq.bookFills.length > 12 && (
                  <tr>
                    <td colSpan={2} className="faint">
                      … {liq.bookFills.length - 12} more levels
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </>
        )}
      </li>
      <li className="wf-step" data-step="fee">
        <h3>3 · Clearance fee</h3>
        <p>
          <span className="num">{fmt.money(liq.clearanceFee)}</span> charged on the amount liquidated, paid into the insurance fund.
        </p>
      </li>
      <li className="wf-step" data-step="fund">
        <h3>4 · Insurance fund</h3>
        <p>
          {signOf(liq.surplus) > 0 && (
            <>
              Fills better than bankruptcy left a surplus of <span className="num up">{fmt.money(liq.surplus)}</span> for the fund.{' '}
            </>
          )}
          {signOf(liq.deficit) > 0 && (
            <>
              Fills worse than bankruptcy: the fund paid a deficit of <span className="num down">{fmt.money(liq.deficit)}</span>.{' '}
            </>
          )}
          Balance <span className="num">{fmt.money(liq.insuranceBefore)}</span> → <strong className="num">{fmt.money(liq.insuranceAfter)}</strong> (
          <span className={sign > 0 ? 'up' : sign < 0 ? 'down' : undefined} data-testid="waterfall-fund-delta">
            {fmt.pnl(delta)}
          </span>
          ).
        </p>
      </li>
      <li className="wf-step" data-step="adl">
        <h3>5 · Auto-deleveraging</h3>
        {liq.adl.length === 0 ? (
          <p>Not needed: the book and the fund covered it.</p>
        ) : (
          <>
            <p>
              The fund could not cover the rest: <span className="num">{fmt.qty(toWire(adlQty))}</span> was closed against the top of the opposing ADL queue at the
              bankruptcy price.
            </p>
            <table className="explain-table compact" aria-label="Deleveraged positions">
              <thead>
                <tr>
                  <th scope="col">Trader</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col" className="num">
                    Price
                  </th>
                  <th scope="col" className="num">
                    Score
                  </th>
                  <th scope="col" className="num">
                    Realized
                  </th>
                </tr>
              </thead>
              <tbody>
                {liq.adl.map((a, i) => (
                  <tr key={i}>
                    <td>{a.account === 'me' ? <strong>You</strong> : a.account}</td>
                    <td className="num">{fmt.qty(a.quantity)}</td>
                    <td className="num">{fmt.price(a.price)}</td>
                    <td className="num">{a.score == null ? '—' : formatDecimal(a.score, 4)}</td>
                    <td className="num">{fmt.pnl(a.realizedPnl)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {signOf(liq.backstopQuantity) > 0 && (
          <p className="faint">
            <span className="num">{fmt.qty(liq.backstopQuantity)}</span> that neither the book nor ADL could take was closed against the liquidity backstop at the bankruptcy price.
          </p>
        )}
      </li>
    </ol>
  );
}

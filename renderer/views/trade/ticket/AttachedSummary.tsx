import type { OrderRequest } from '#shared/domain/trading-orders';
import { triggerText } from '#shared/domain/trigger-direction';
import { formatDecimal } from '../../../components/format/decimal-text';
import { useFmt } from '../format';

/**
 * The protection an entry carries, restated before it is sent: the stop and each take-profit
 * with the side that closes, the price it watches and the real direction it fires in.
 */
export function AttachedSummary({ request }: { request: OrderRequest }) {
  const fmt = useFmt();
  const a = request.attached;
  if (!a?.stopLoss && !a?.takeProfits?.length) {
    return (
      <p className="faint" data-testid="confirm-no-stop">
        No stop and no take-profit are attached.
      </p>
    );
  }
  const closing = request.side === 'buy' ? 'sell' : 'buy';
  const verb = closing === 'sell' ? 'Sell' : 'Buy';
  return (
    <ul className="confirm-attached">
      {a.stopLoss && (
        <li data-testid="confirm-stop">
          Stop: {verb.toLowerCase()} the position when {triggerText({ type: 'stopMarket', side: closing, triggerSource: a.stopLoss.triggerSource ?? 'mark' }, fmt.price(a.stopLoss.triggerPrice))}
        </li>
      )}
      {a.takeProfits?.map((tp, i) => (
        <li key={i} data-testid="confirm-tp">
          Take-profit {i + 1}: {verb.toLowerCase()} {formatDecimal(String(tp.fraction * 100), 2).replace(/\.?0+$/, '')}% when{' '}
          {triggerText({ type: tp.price ? 'takeProfitLimit' : 'takeProfitMarket', side: closing, triggerSource: tp.triggerSource ?? 'mark' }, fmt.price(tp.triggerPrice))}
          {tp.price ? ` (limit ${fmt.price(tp.price)})` : ''}
        </li>
      ))}
    </ul>
  );
}

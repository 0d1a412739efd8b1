import type { PositionView } from '#shared/domain/trading-account';
import type { OrderRequest, OrderView } from '#shared/domain/trading-orders';
import { ConfirmDialog } from '../../../components/dialog/ConfirmDialog';
import type { TradeCommands } from '../data/use-trade-commands';
import { useFmt } from '../format';
import { SHORTCUT_LIST } from '../use-trade-shortcuts';
import { AmendDialog } from './AmendDialog';
import { MarginDialog } from './MarginDialog';
import { StopsDialog } from './StopsDialog';

export type TradeDialog =
  | { readonly kind: 'amend'; readonly order: OrderView }
  | { readonly kind: 'margin'; readonly position: PositionView }
  | { readonly kind: 'stops'; readonly position: PositionView }
  | { readonly kind: 'close'; readonly position: PositionView }
  | { readonly kind: 'reverse'; readonly position: PositionView }
  | { readonly kind: 'help' };

/** The one dialog the Trade view may have open at a time. */
export function TradeDialogs(props: {
  dialog: TradeDialog | null;
  onClose: () => void;
  commands: TradeCommands;
  available: string | null;
  reverseOrder: (p: PositionView) => OrderRequest;
}) {
  const { dialog: d, onClose, commands, available, reverseOrder } = props;
  const fmt = useFmt();
  if (!d) return null;
  switch (d.kind) {
    case 'amend':
      return <AmendDialog order={d.order} onAmend={commands.amend} onClose={onClose} />;
    case 'margin':
      return <MarginDialog position={d.position} available={available} onAdjust={(amount) => commands.adjustMargin(d.position.symbol, amount)} onClose={onClose} />;
    case 'stops':
      return <StopsDialog position={d.position} onAmend={commands.amend} onPlace={commands.place} onClose={onClose} />;
    case 'close':
      return (
        <ConfirmDialog
          title={`Close the ${d.position.symbol} ${d.position.side} at market?`}
          confirmLabel="Close position"
          tone={d.position.side === 'long' ? 'sell' : 'buy'}
          onCancel={onClose}
          onConfirm={() => {
            onClose();
            void commands.close(d.position.symbol);
          }}
          testId="close-dialog"
        >
          <p>
            {fmt.qty(d.position.quantity)} at about {fmt.price(d.position.markPrice)}; unrealized PnL {fmt.pnl(d.position.unrealizedPnl)} USDT. The order walks the modeled book.
          </p>
        </ConfirmDialog>
      );
    case 'reverse': {
      const req = reverseOrder(d.position);
      return (
        <ConfirmDialog
          title={`Reverse the ${d.position.symbol} ${d.position.side}?`}
          confirmLabel={`${req.side === 'buy' ? 'Buy' : 'Sell'} ${fmt.qty(req.quantity)} at market`}
          tone={req.side === 'buy' ? 'buy' : 'sell'}
          onCancel={onClose}
          onConfirm={() => {
            onClose();
            void commands.place(req);
          }}
          testId="reverse-dialog"
        >
          <p>
            One market order of twice the size closes the {d.position.side} and opens the opposite side. Attached stops and take-profits of the old position are
            cancelled with it.
          </p>
        </ConfirmDialog>
      );
    }
    case 'help':
      return (
        <ConfirmDialog title="Keyboard" confirmLabel="Done" onCancel={onClose} onConfirm={onClose} testId="help-dialog">
          <table className="explain-table">
            <tbody>
              {SHORTCUT_LIST.map(([k, what]) => (
                <tr key={k}>
                  <th scope="row">
                    <kbd>{k}</kbd>
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="faint">Tables: arrows, Page Up/Down, Home/End move the row; Enter opens its details. Separators: arrows resize.</p>
        </ConfirmDialog>
      );
    default: {
      const never: never = d;
      throw new Error(`unknown dialog ${String(never)}`);
    }
  }
}

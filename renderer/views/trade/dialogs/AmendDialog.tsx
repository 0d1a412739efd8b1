import { useId, useState } from 'react';
import type { AmendRequest, OrderView } from '#shared/domain/trading-orders';
import { parseUserDecimal } from '../../../components/format/decimal-text';
import { ConfirmDialog } from '../../../components/dialog/ConfirmDialog';
import { useFmt } from '../format';

/** Amend a resting or pending order's price, trigger or quantity (the keyboard path to a chart drag). */
export function AmendDialog(props: { order: OrderView; onAmend: (req: AmendRequest) => Promise<{ message: string } | null>; onClose: () => void }) {
  const { order: o, onAmend, onClose } = props;
  const fmt = useFmt();
  const ids = { price: useId(), trigger: useId(), qty: useId() };
  const [price, setPrice] = useState(o.price ?? '');
  const [trigger, setTrigger] = useState(o.triggerPrice ?? '');
  const [qty, setQty] = useState(o.closePosition ? '' : o.quantity);
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    const req: { -readonly [K in keyof AmendRequest]: AmendRequest[K] } = { orderId: o.id };
    const p = price && price !== o.price ? parseUserDecimal(price) : null;
    const t = trigger && trigger !== o.triggerPrice ? parseUserDecimal(trigger) : null;
    const q = qty && qty !== o.quantity ? parseUserDecimal(qty) : null;
    if (p) req.price = p as AmendRequest['price'];
    if (t) req.triggerPrice = t as AmendRequest['triggerPrice'];
    if (q) req.quantity = q as AmendRequest['quantity'];
    if (!p && !t && !q) return onClose();
    const refusal = await onAmend(req);
    if (refusal) setError(refusal.message);
    else onClose();
  };
  return (
    <ConfirmDialog title={`Amend order #${o.id}`} confirmLabel="Amend" onConfirm={() => void submit()} onCancel={onClose} testId="amend-dialog">
      <div className="dialog-fields">
        {o.price != null && (
          <label htmlFor={ids.price}>
            Limit price
            <input id={ids.price} className="num" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} data-testid="amend-price" />
          </label>
        )}
        {o.triggerPrice != null && (
          <label htmlFor={ids.trigger}>
            Trigger price ({o.triggerSource})
            <input id={ids.trigger} className="num" inputMode="decimal" value={trigger} onChange={(e) => setTrigger(e.target.value)} data-testid="amend-trigger" />
          </label>
        )}
        {!o.closePosition && (
          <label htmlFor={ids.qty}>
            Quantity (filled {fmt.qty(o.filledQuantity)})
            <input id={ids.qty} className="num" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} data-testid="amend-qty" />
          </label>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}

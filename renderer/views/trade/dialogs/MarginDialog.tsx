import { useId, useState } from 'react';
import type { PositionView } from '#shared/domain/trading-account';
import { parseUserDecimal } from '../../../components/format/decimal-text';
import { ConfirmDialog } from '../../../components/dialog/ConfirmDialog';
import { Segmented } from '../../../components/Segmented';
import { useFmt } from '../format';

/** Add margin to an isolated position (its liquidation price moves away) or take some out. */
export function MarginDialog(props: { position: PositionView; available: string | null; onAdjust: (amount: string) => Promise<string | null>; onClose: () => void }) {
  const { position: p, available, onAdjust, onClose } = props;
  const fmt = useFmt();
  const [dir, setDir] = useState<'add' | 'remove'>('add');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { dir: useId(), amount: useId() };
  const submit = async (): Promise<void> => {
    const a = parseUserDecimal(amount);
    if (!a) return setError('Enter an amount greater than zero.');
    const err = await onAdjust(dir === 'add' ? a : `-${a}`);
    if (err) setError(err);
    else onClose();
  };
  return (
    <ConfirmDialog title={`Margin of the ${p.symbol} ${p.side}`} confirmLabel={dir === 'add' ? 'Add margin' : 'Remove margin'} onConfirm={() => void submit()} onCancel={onClose} testId="margin-dialog">
      <p className="faint">
        Margin {fmt.money(p.margin)} USDT · liquidation {fmt.price(p.liquidationPrice)} · available {fmt.money(available)} USDT
      </p>
      <div className="dialog-fields">
        <span id={ids.dir} className="sr-only">
          Add or remove
        </span>
        <Segmented<'add' | 'remove'>
          labelledBy={ids.dir}
          options={[
            { value: 'add', label: 'Add' },
            { value: 'remove', label: 'Remove' },
          ]}
          value={dir}
          onChange={setDir}
        />
        <label htmlFor={ids.amount}>
          Amount (USDT)
          <input id={ids.amount} className="num" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="margin-amount" />
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}

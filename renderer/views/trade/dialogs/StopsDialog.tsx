import { useId, useState } from 'react';
import type { PositionView } from '#shared/domain/trading-account';
import type { AmendRequest, OrderRequest } from '#shared/domain/trading-orders';
import { parseUserDecimal } from '../../../components/format/decimal-text';
import { ConfirmDialog } from '../../../components/dialog/ConfirmDialog';
import { RiskPreview } from './risk-preview';

type Refusal = { message: string } | null;

/**
 * Stop and take-profit of an open position, by keyboard: amends the attached orders, or places
 * a close-position stop / take-profit where there is none. Shows the risk of each new level.
 */
export function StopsDialog(props: {
  position: PositionView;
  onAmend: (req: AmendRequest) => Promise<Refusal>;
  onPlace: (req: OrderRequest) => Promise<Refusal>;
  onClose: () => void;
}) {
  const { position: p, onAmend, onPlace, onClose } = props;
  const ids = { stop: useId(), tp: useId() };
  const [stop, setStop] = useState<string>(p.stopLoss?.triggerPrice ?? '');
  const [tps, setTps] = useState<string[]>(p.takeProfits.map((t) => t.triggerPrice ?? ''));
  const [newTp, setNewTp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const closing = p.side === 'long' ? 'sell' : 'buy';
  const stopText = parseUserDecimal(stop);
  const newTpText = parseUserDecimal(newTp);

  const submit = async (): Promise<void> => {
    const steps: (() => Promise<Refusal>)[] = [];
    if (stopText && stopText !== p.stopLoss?.triggerPrice) {
      steps.push(() =>
        p.stopLoss
          ? onAmend({ orderId: p.stopLoss.orderId, triggerPrice: stopText as AmendRequest['triggerPrice'] })
          : onPlace({ symbol: p.symbol, side: closing, type: 'stopMarket', triggerPrice: stopText as OrderRequest['triggerPrice'], triggerSource: 'mark', closePosition: true }),
      );
    }
    p.takeProfits.forEach((t, i) => {
      const v = parseUserDecimal(tps[i] ?? '');
      if (v && v !== t.triggerPrice) steps.push(() => onAmend({ orderId: t.orderId, triggerPrice: v as AmendRequest['triggerPrice'] }));
    });
    if (newTpText) {
      steps.push(() => onPlace({ symbol: p.symbol, side: closing, type: 'takeProfitMarket', triggerPrice: newTpText as OrderRequest['triggerPrice'], triggerSource: 'mark', closePosition: true }));
    }
    for (const step of steps) {
      const refusal = await step();
      if (refusal) return setError(refusal.message);
    }
    onClose();
  };

  return (
    <ConfirmDialog title={`Stop and take-profit · ${p.symbol} ${p.side}`} confirmLabel="Save" onConfirm={() => void submit()} onCancel={onClose} testId="stops-dialog">
      <div className="dialog-fields">
        <label htmlFor={ids.stop}>
          Stop-loss trigger (mark)
          <input id={ids.stop} className="num" inputMode="decimal" value={stop} onChange={(e) => setStop(e.target.value)} data-testid="stops-stop" />
        </label>
        {stopText && <RiskPreview position={p} price={stopText} kind="stop" />}
        {p.takeProfits.map((t, i) => (
          <label key={t.orderId}>
            Take-profit {i + 1} trigger
            <input className="num" inputMode="decimal" value={tps[i] ?? ''} onChange={(e) => setTps(tps.map((x, j) => (j === i ? e.target.value : x)))} />
          </label>
        ))}
        <label htmlFor={ids.tp}>
          New take-profit (closes the position)
          <input id={ids.tp} className="num" inputMode="decimal" value={newTp} onChange={(e) => setNewTp(e.target.value)} data-testid="stops-new-tp" />
        </label>
        {newTpText && <RiskPreview position={p} price={newTpText} kind="takeProfit" />}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}

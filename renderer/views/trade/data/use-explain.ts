import { useCallback, useState } from 'react';
import type { LiquidationView } from '#shared/domain/trading-history';
import type { Explanation } from '#shared/domain/trading-queries';
import { useApi } from '../../../api/context';

export type ExplainContent =
  | { readonly kind: 'loading'; readonly title: string }
  | { readonly kind: 'error'; readonly title: string; readonly message: string }
  | { readonly kind: 'explanation'; readonly explanation: Explanation }
  | { readonly kind: 'waterfall'; readonly liquidation: LiquidationView }
  | { readonly kind: 'fundingRate'; readonly symbol: string };

/** What the explanation panel shows; every open* call replaces it. */
export function useExplain() {
  const api = useApi();
  const [content, setContent] = useState<ExplainContent | null>(null);

  const ask = useCallback(
    async (title: string, input: { kind: 'liquidationPrice' | 'marginRatio'; symbol: string } | { kind: 'funding'; paymentId: number }) => {
      setContent({ kind: 'loading', title });
      const r = await api.call('trading.explain', input);
      setContent(r.ok ? { kind: 'explanation', explanation: r.value } : { kind: 'error', title, message: r.error.message });
    },
    [api],
  );

  const openWaterfall = useCallback(
    async (l: LiquidationView) => {
      setContent({ kind: 'waterfall', liquidation: l });
      // The push carried the waterfall already; the channel's copy is the stored one.
      const r = await api.call('trading.liquidation', { id: l.id });
      if (r.ok) setContent((c) => (c?.kind === 'waterfall' && c.liquidation.id === l.id ? { kind: 'waterfall', liquidation: r.value } : c));
    },
    [api],
  );

  const close = useCallback(() => setContent(null), []);
  const liquidationPrice = useCallback((symbol: string) => void ask(`${symbol} liquidation price`, { kind: 'liquidationPrice', symbol }), [ask]);
  const marginRatio = useCallback((symbol: string) => void ask(`${symbol} margin ratio`, { kind: 'marginRatio', symbol }), [ask]);
  const funding = useCallback((paymentId: number) => void ask('Funding payment', { kind: 'funding', paymentId }), [ask]);
  const fundingRate = useCallback((symbol: string) => setContent({ kind: 'fundingRate', symbol }), []);
  const waterfall = useCallback((l: LiquidationView) => void openWaterfall(l), [openWaterfall]);
  // The openers are stable across renders (tables memoise their columns on them); content is not.
  return { content, close, liquidationPrice, marginRatio, funding, fundingRate, waterfall };
}

export type ExplainApi = ReturnType<typeof useExplain>;

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PositionView } from '#shared/domain/trading-account';
import { INTERVAL_MS } from '#shared/domain/market-series';
import type { AmendRequest, OrderRequest } from '#shared/domain/trading-orders';
import { dec, toWire } from '#shared/money/decimal';
import { useSettings } from '../../app/settings-context';
import { compareDecimal } from '../../components/format/decimal-text';
import { SplitPane } from '../../components/layout/SplitPane';
import { ToastProvider } from '../../components/toast/ToastProvider';
import { TradeChart } from './chart/TradeChart';
import { chartLines, chartMarkers } from './chart/chart-overlays';
import { useVolumes } from './chart/use-volumes';
import { useActivityFeed } from './data/use-activity-feed';
import { useExplain } from './data/use-explain';
import { useHistory } from './data/use-history';
import { useTradeCommands } from './data/use-trade-commands';
import { useSessionNotices } from './data/use-session-notices';
import { scenarioKey, useTradingState } from './data/use-trading-state';
import { useSymbolSettings } from './data/use-symbol-settings';
import { RiskPreview } from './dialogs/risk-preview';
import { TradeDialogs, type TradeDialog } from './dialogs/TradeDialogs';
import { ExplainHost } from './explain/ExplainHost';
import { FmtContext, makeFmt } from './format';
import { AccountPanel } from './panels/AccountPanel';
import { MarketHeader } from './panels/MarketHeader';
import { ReplayBar } from './replay/ReplayBar';
import { useReplay } from './replay/use-replay';
import { useComingFunding } from './replay/use-coming-funding';
import { TablesPanel, type TableTab } from './tables/TablesPanel';
import type { OrderActions } from './tables/order-columns';
import type { PositionActions } from './tables/position-columns';
import { OrderTicket, type TicketHandle } from './ticket/OrderTicket';
import { useInsuranceHistory } from './data/use-insurance-history';
import { useThrottledVersion } from './use-throttled';
import { useTradeShortcuts } from './use-trade-shortcuts';

/** The Trade view: the paper-trading workstation. Toasts live with it. */
export function TradeView() {
  return (
    <ToastProvider>
      <TradeScreen />
    </ToastProvider>
  );
}

function TradeScreen() {
  const { settings } = useSettings();
  const replay = useReplay();
  const comingFunding = useComingFunding(replay.status);
  const trading = useTradingState();
  const { state, session, epoch, setState } = trading;
  const scenario = replay.status?.scenario ?? null;
  const symbol = session?.symbols[0] ?? scenario?.symbol ?? state?.markets[0]?.symbol ?? 'BTCUSDT';
  const base = symbol.replace(/USDT$|USD$/, '');
  const market = state?.markets.find((m) => m.symbol === symbol) ?? null;
  const position = state?.positions.find((p) => p.symbol === symbol) ?? null;
  const openOrders = useMemo(() => state?.openOrders ?? [], [state?.openOrders]);
  const fmt = useMemo(() => makeFmt(market?.spec.tickSize, market?.spec.stepSize, settings.displayPrecision), [market?.spec.tickSize, market?.spec.stepSize, settings.displayPrecision]);
  const barMs = INTERVAL_MS[scenario?.barInterval ?? '1m'];

  // A leverage or margin-mode change answers with the new state; the ticket re-reads its settings.
  const [settingsBump, setSettingsBump] = useState(0);
  const onCommandState = useCallback(
    (s: Parameters<typeof setState>[0]) => {
      setState(s);
      setSettingsBump((n) => n + 1);
    },
    [setState],
  );
  const commands = useTradeCommands(onCommandState, fmt);
  useSessionNotices();
  const symbolSettings = useSymbolSettings(symbol, `${session?.key ?? ''}:${epoch}:${settingsBump}`);
  const explain = useExplain();
  const { waterfall: openWaterfall, funding: explainFunding, liquidationPrice: explainLiquidation, marginRatio: explainMarginRatio } = explain;
  const feedActions = useMemo(() => ({ openWaterfall, explainFunding: (f: { id: number }) => explainFunding(f.id) }), [openWaterfall, explainFunding]);
  const feed = useActivityFeed(fmt, base, barMs, `${session?.key ?? ''}:${epoch}`, feedActions);
  const history = useHistory(epoch, feed.onActivity);
  // The fund's sparkline follows the cascade at most every 1.5 s: each read commits the log's tail.
  const insuranceVersion = useThrottledVersion(history.marketVersion, 1500);
  const insurance = useInsuranceHistory(insuranceVersion);
  const volumes = useVolumes(scenario);
  const [atr, setAtr] = useState<string | null>(null);
  const [tab, setTab] = useState<TableTab>('positions');
  const [dialog, setDialog] = useState<TradeDialog | null>(null);
  const ticket = useRef<TicketHandle>(null);
  const previewVersion = useThrottledVersion(state?.seq, 500);
  // Each refresh of the Market tab re-sorts 100,000 positions in main (~0.35 s on this machine),
  // time the replay clock then does not get: every 2.5 s is as fast as anyone reads it at 600x.
  const crowdVersion = useThrottledVersion(state?.seq, 2500);

  // The last price's colour follows its last move (state from the previous render, React's pattern).
  const last = market?.last ?? null;
  const [prevLast, setPrevLast] = useState(last);
  const [direction, setDirection] = useState<-1 | 0 | 1>(0);
  if (last !== prevLast) {
    setPrevLast(last);
    if (last && prevLast) setDirection(compareDecimal(last, prevLast) as -1 | 0 | 1);
  }

  // A first visit shows a real market at once: with no session and nothing loaded, load the first
  // built-in scenario (paused). Never when a session exists: main resumes that session's scenario
  // at start-up, and loading another would replace the session.
  const autoLoaded = useRef(false);
  const firstScenario = replay.scenarios[0]?.id ?? null;
  const replayEmpty = replay.status?.state === 'empty';
  const noSession = session != null && !session.active;
  const { load: loadScenario } = replay;
  useEffect(() => {
    if (autoLoaded.current || !replayEmpty || !noSession || !firstScenario) return;
    autoLoaded.current = true;
    void loadScenario(firstScenario);
  }, [replayEmpty, noSession, firstScenario, loadScenario]);

  const closeOrConfirm = useCallback(
    (p: PositionView) => (settings.confirmMarketOrders ? setDialog({ kind: 'close', position: p }) : void commands.close(p.symbol)),
    [settings.confirmMarketOrders, commands],
  );
  const reverse = useCallback((p: PositionView) => setDialog({ kind: 'reverse', position: p }), []);
  const positionActions = useMemo<PositionActions>(
    () => ({
      explainLiquidation: (p) => explainLiquidation(p.symbol),
      explainMarginRatio: (p) => explainMarginRatio(p.symbol),
      close: closeOrConfirm,
      reverse,
      addMargin: (p) => setDialog({ kind: 'margin', position: p }),
      editStops: (p) => setDialog({ kind: 'stops', position: p }),
    }),
    [explainLiquidation, explainMarginRatio, closeOrConfirm, reverse],
  );
  const orderActions = useMemo<OrderActions>(() => ({ cancel: (o) => void commands.cancel(o), amend: (o) => setDialog({ kind: 'amend', order: o }) }), [commands]);

  useTradeShortcuts({
    buy: () => ticket.current?.submit('buy'),
    sell: () => ticket.current?.submit('sell'),
    close: () => (position ? closeOrConfirm(position) : undefined),
    cancelAll: () => void commands.cancelAll(symbol),
    playPause: () => void (replay.status?.state === 'playing' ? replay.pause() : replay.play()),
    step: () => void replay.step(1),
    stepBack: () => void replay.stepBack(),
    seekBar: (d) => void replay.seekBar(d),
    speed: (d) => void replay.nudgeSpeed(d),
    help: () => setDialog({ kind: 'help' }),
  });

  const lines = useMemo(() => chartLines(position, openOrders, fmt.qty), [position, openOrders, fmt]);
  const markers = useMemo(
    () => chartMarkers(history.fills, history.funding, history.liquidations, feed.crowdByBar, barMs),
    [history.fills, history.funding, history.liquidations, feed.crowdByBar, barMs],
  );
  const onAmendLine = useCallback((d: { orderId: number; price: string }) => commands.amend({ orderId: d.orderId, triggerPrice: d.price as AmendRequest['triggerPrice'] }), [commands]);
  const renderDragPreview = useCallback(
    (d: { kind: 'stop' | 'takeProfit'; price: string }) => (position ? <RiskPreview position={position} price={d.price} kind={d.kind} /> : <p>Move to {fmt.price(d.price)}</p>),
    [position, fmt],
  );
  const previewOrder = useCallback((req: OrderRequest) => commands.preview(req), [commands]);
  const submitOrder = useCallback((req: OrderRequest & { planId?: string }) => commands.place(req), [commands]);
  const leverage = position?.leverage ?? symbolSettings?.leverage ?? settings.defaultLeverage;
  const marginMode = position?.marginMode ?? symbolSettings?.marginMode ?? settings.defaultMarginMode;

  return (
    <FmtContext.Provider value={fmt}>
      <div className="trade" data-testid="trade-view" data-session={session?.active ? 'active' : 'none'}>
        <MarketHeader market={market} lastDirection={direction} onExplainFunding={() => explain.fundingRate(symbol)} coming={comingFunding} />
        <ReplayBar replay={replay} onHelp={() => setDialog({ kind: 'help' })} />
        <div className="trade-body">
          <SplitPane
            id="trade-main"
            direction="row"
            label="Resize chart and ticket"
            secondPx={{ default: 330, min: 280, max: 560 }}
            first={
              <SplitPane
                id="trade-left"
                direction="column"
                label="Resize chart and tables"
                defaultFraction={0.58}
                min={0.25}
                max={0.85}
                first={
                  <TradeChart
                    replayKey={scenario ? `${scenario.id ?? scenario.name}:${scenario.start}:${epoch}` : null}
                    barInterval={scenario?.barInterval ?? null}
                    tickSize={market?.spec.tickSize ?? '0.1'}
                    theme={settings.theme}
                    lines={lines}
                    markers={markers}
                    volumes={volumes}
                    renderDragPreview={renderDragPreview}
                    onAmend={onAmendLine}
                    onAtr={setAtr}
                    history={scenario?.history}
                  />
                }
                second={
                  <TablesPanel
                    tab={tab}
                    onTab={setTab}
                    symbol={symbol}
                    positions={state?.positions ?? []}
                    openOrders={openOrders}
                    history={history}
                    crowdVersion={crowdVersion}
                    positionActions={positionActions}
                    orderActions={orderActions}
                    openWaterfall={explain.waterfall}
                    explainFunding={explain.funding}
                    onCancelAll={() => void commands.cancelAll(symbol)}
                  />
                }
              />
            }
            second={
              // One column that scrolls as a unit: a long ticket (stop, a ladder, the preview) pushes
              // the account down instead of hiding the preview under it.
              <div className="trade-right" data-testid="trade-right">
                <div className="panel">
                  <OrderTicket
                    // A new session (another scenario) starts a fresh ticket: the old market's prices mean nothing
                    // here. Keyed by the loaded scenario, known at once: keyed by the session's answer, which
                    // comes late while a big crowd opens, the ticket was re-made under a click and its order lost.
                    key={scenarioKey(scenario)}
                    ref={ticket}
                    market={market}
                    position={position}
                    leverage={leverage}
                    marginMode={marginMode}
                    onLeverage={(n) => commands.setLeverage(symbol, n)}
                    onMarginMode={(m) => commands.setMarginMode(symbol, m)}
                    preview={previewOrder}
                    submit={submitOrder}
                    previewVersion={previewVersion}
                    atr={atr}
                    confirmMarket={settings.confirmMarketOrders}
                    equity={state?.account.marginBalance ?? null}
                  />
                </div>
                <div className="panel">
                  <h2 className="panel-title">Account</h2>
                  <AccountPanel
                    account={state?.account ?? null}
                    market={market}
                    insurance={insurance}
                    onExplainMarginRatio={position ? () => explain.marginRatio(position.symbol) : null}
                    onShowInsurance={() => setTab('insurance')}
                  />
                </div>
              </div>
            }
          />
        </div>
        <ExplainHost explain={explain} market={market} />
        <TradeDialogs
          dialog={dialog}
          onClose={() => setDialog(null)}
          commands={commands}
          available={state?.account.availableBalance ?? null}
          reverseOrder={(p: PositionView) => ({ symbol: p.symbol, side: p.side === 'long' ? 'sell' : 'buy', type: 'market', quantity: toWire(dec(p.quantity).mul(2)) as OrderRequest['quantity'] })}
        />
      </div>
    </FmtContext.Provider>
  );
}

import { allAfterTrading } from '../after-trading';
import type { HandlerSlice } from '../types';
import { tradingSession } from './trading.session';
import { tradingState } from './trading.state';
import { tradingAccount } from './trading.account';
import { tradingPositions } from './trading.positions';
import { tradingOpenOrders } from './trading.openOrders';
import { tradingMarket } from './trading.market';
import { tradingSymbolSettings } from './trading.symbolSettings';
import { tradingOrderHistory } from './trading.orderHistory';
import { tradingFills } from './trading.fills';
import { tradingFunding } from './trading.funding';
import { tradingBalance } from './trading.balance';
import { tradingLiquidations } from './trading.liquidations';
import { tradingLiquidation } from './trading.liquidation';
import { tradingInsurance } from './trading.insurance';
import { tradingCrowd } from './trading.crowd';
import { tradingPreview } from './trading.preview';
import { tradingExplain } from './trading.explain';
import { tradingPlaceOrder } from './trading.placeOrder';
import { tradingAmendOrder } from './trading.amendOrder';
import { tradingCancelOrder } from './trading.cancelOrder';
import { tradingCancelAll } from './trading.cancelAll';
import { tradingClosePosition } from './trading.closePosition';
import { tradingSetLeverage } from './trading.setLeverage';
import { tradingSetMarginMode } from './trading.setMarginMode';
import { tradingAdjustMargin } from './trading.adjustMargin';
import { tradingDeposit } from './trading.deposit';
import { tradingWithdraw } from './trading.withdraw';

/** The paper-trading slice of the handler table (shared/ipc/channels/trading.ts). */
const handlers = {
  'trading.session': tradingSession,
  'trading.state': tradingState,
  'trading.account': tradingAccount,
  'trading.positions': tradingPositions,
  'trading.openOrders': tradingOpenOrders,
  'trading.market': tradingMarket,
  'trading.symbolSettings': tradingSymbolSettings,
  'trading.orderHistory': tradingOrderHistory,
  'trading.fills': tradingFills,
  'trading.funding': tradingFunding,
  'trading.balance': tradingBalance,
  'trading.liquidations': tradingLiquidations,
  'trading.liquidation': tradingLiquidation,
  'trading.insurance': tradingInsurance,
  'trading.crowd': tradingCrowd,
  'trading.preview': tradingPreview,
  'trading.explain': tradingExplain,
  'trading.placeOrder': tradingPlaceOrder,
  'trading.amendOrder': tradingAmendOrder,
  'trading.cancelOrder': tradingCancelOrder,
  'trading.cancelAll': tradingCancelAll,
  'trading.closePosition': tradingClosePosition,
  'trading.setLeverage': tradingSetLeverage,
  'trading.setMarginMode': tradingSetMarginMode,
  'trading.adjustMargin': tradingAdjustMargin,
  'trading.deposit': tradingDeposit,
  'trading.withdraw': tradingWithdraw,
} satisfies HandlerSlice<
  'trading.session' | 'trading.state' | 'trading.account' | 'trading.positions' | 'trading.openOrders' | 'trading.market' | 'trading.symbolSettings' | 'trading.orderHistory' | 'trading.fills' | 'trading.funding' | 'trading.balance' | 'trading.liquidations' | 'trading.liquidation' | 'trading.insurance' | 'trading.crowd' | 'trading.preview' | 'trading.explain' | 'trading.placeOrder' | 'trading.amendOrder' | 'trading.cancelOrder' | 'trading.cancelAll' | 'trading.closePosition' | 'trading.setLeverage' | 'trading.setMarginMode' | 'trading.adjustMargin' | 'trading.deposit' | 'trading.withdraw'
>;

/** Every trading call waits while the engine is mid-event (after-trading.ts). */
export const tradingHandlers = allAfterTrading(handlers);

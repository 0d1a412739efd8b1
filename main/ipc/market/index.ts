import type { Channel } from '#shared/ipc/contract';
import type { HandlerSlice } from '../types';
import { marketBars } from './market.bars';
import { marketCancelImport } from './market.cancelImport';
import { marketCheckScenario } from './market.checkScenario';
import { marketDeleteScenario } from './market.deleteScenario';
import { marketDeleteSeries } from './market.deleteSeries';
import { marketFunding } from './market.funding';
import { marketGaps } from './market.gaps';
import { marketImport } from './market.import';
import { marketSaveScenario } from './market.saveScenario';
import { marketScenarios } from './market.scenarios';
import { marketSeries } from './market.series';

type MarketChannel = Extract<Channel, `market.${string}`>;

export const marketHandlers = {
  'market.series': marketSeries,
  'market.bars': marketBars,
  'market.gaps': marketGaps,
  'market.funding': marketFunding,
  'market.import': marketImport,
  'market.cancelImport': marketCancelImport,
  'market.deleteSeries': marketDeleteSeries,
  'market.scenarios': marketScenarios,
  'market.checkScenario': marketCheckScenario,
  'market.saveScenario': marketSaveScenario,
  'market.deleteScenario': marketDeleteScenario,
} satisfies HandlerSlice<MarketChannel>;

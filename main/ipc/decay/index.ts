import type { Channel } from '#shared/ipc/contract';
import type { HandlerSlice } from '../types';
import { decayCancel } from './decay.cancel';
import { decayGrid } from './decay.grid';
import { decayMonteCarlo } from './decay.monteCarlo';
import { decaySimulate } from './decay.simulate';

type DecayChannel = Extract<Channel, `decay.${string}`>;

export const decayHandlers = {
  'decay.simulate': decaySimulate,
  'decay.monteCarlo': decayMonteCarlo,
  'decay.grid': decayGrid,
  'decay.cancel': decayCancel,
} satisfies HandlerSlice<DecayChannel>;

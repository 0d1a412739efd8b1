import type { Handler } from '../types';

export const replayBars: Handler<'replay.bars'> = (_input, s) => s.replay.bars();

import type { Handler } from '../types';

export const replayStep: Handler<'replay.step'> = (input, s) => s.replay.step(input.ticks);

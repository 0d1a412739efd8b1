import type { Handler } from '../types';

export const replaySpeed: Handler<'replay.speed'> = (input, s) => s.replay.setSpeed(input.speed);

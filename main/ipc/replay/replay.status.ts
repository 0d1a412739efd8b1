import type { Handler } from '../types';

export const replayStatus: Handler<'replay.status'> = (_input, s) => s.replay.status();

import type { Handler } from '../types';

export const replaySeek: Handler<'replay.seek'> = (input, s) => s.replay.seek(input.t);

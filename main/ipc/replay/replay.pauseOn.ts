import type { Handler } from '../types';

export const replayPauseOn: Handler<'replay.pauseOn'> = (input, s) => s.replay.setPauseOn(input);

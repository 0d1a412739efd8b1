import type { Handler } from '../types';

export const replayIndexSources: Handler<'replay.indexSources'> = (_input, s) => ({ sources: s.replay.indexSources() });

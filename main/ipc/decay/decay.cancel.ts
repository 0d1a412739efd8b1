import type { Handler } from '../types';

export const decayCancel: Handler<'decay.cancel'> = (_input, s) => ({ cancelled: s.decay.cancel() });

import type { Handler } from '../types';

export const marketCancelImport: Handler<'market.cancelImport'> = (_input, s) => ({ cancelled: s.market.cancelImport() });

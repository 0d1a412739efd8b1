import type { HandlerSlice } from '../types';
import { appInfo } from './app.info';

export const appHandlers = {
  'app.info': appInfo,
} satisfies HandlerSlice<'app.info'>;

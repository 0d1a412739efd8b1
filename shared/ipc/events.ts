import type { z } from 'zod';
import { settingsEvents } from './channels/settings';
import { marketEvents } from './channels/market';
import { replayEvents } from './channels/replay';
import { tradingEvents } from './channels/trading';
import { decayEvents } from './channels/decay';

/**
 * Pushed events: main -> renderer on one stream per window (webContents.send under Electron,
 * a WebSocket under the web host). Each event name maps to its payload schema.
 */
export const events = {
  ...settingsEvents,
  ...marketEvents,
  ...replayEvents,
  ...tradingEvents,
  ...decayEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The frame that travels on the stream. */
export interface EventFrame<E extends EventName = EventName> {
  readonly type: E;
  readonly payload: EventPayload<E>;
}

export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

import { events, type EventFrame, type EventName, type EventPayload } from '#shared/ipc/events';

export type FrameListener = (frame: EventFrame) => void;

/**
 * Fan-out of pushed events to every connected window or socket. A listener that throws is
 * dropped from that delivery only; it never stops the others or the emitter.
 */
export class EventBus {
  private readonly listeners = new Set<FrameListener>();

  constructor(private readonly validate: boolean) {}

  emit<E extends EventName>(type: E, payload: EventPayload<E>): void {
    if (this.validate) events[type].parse(payload);
    const frame = { type, payload } as EventFrame;
    for (const listener of this.listeners) {
      try {
        listener(frame);
      } catch (err) {
        console.error(`event listener failed on ${type}:`, err);
      }
    }
  }

  subscribe(listener: FrameListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}

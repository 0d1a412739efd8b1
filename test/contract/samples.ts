import type { Channel, Input } from '#shared/ipc/contract';

/**
 * One valid input per channel, used to check that every output parses against its schema.
 * Typed over the whole contract: a new channel without a sample does not compile.
 * 'needs-state' marks a channel whose valid call needs earlier state (an id that exists);
 * its output is covered by that domain's integration tests instead.
 */
export const SAMPLE_INPUTS: { [C in Channel]: Input<C> | 'needs-state' } = {
  'app.info': {},
  'settings.get': {},
  'settings.update': { theme: 'light', defaultLeverage: 20 },
};

/** Inputs no channel accepts: every channel input is a strict object. */
export const GARBAGE_INPUTS: readonly unknown[] = [
  null,
  42,
  'settings',
  true,
  [],
  [{}],
  { '\u0000not-a-field': 1 },
  { __proto__: { polluted: true }, 'constructor.prototype': 1 },
];

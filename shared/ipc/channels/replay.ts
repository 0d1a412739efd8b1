import { z } from 'zod';
import { IntervalSchema } from '../../domain/market-series';
import { PauseOnSchema, ReplayBarSchema, ReplayFrameSchema, ReplaySpeedSchema, ReplayStatusSchema } from '../../domain/market-replay';
import { DecimalString } from '../../money/decimal';

const NoInput = z.object({}).strict();

/** What to load: a built-in or saved scenario by id, or a document as typed in the editor. */
export const ReplaySourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scenario'), id: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('inline'), json: z.string().max(200_000) }).strict(),
]);

export const replayChannels = {
  'replay.load': { input: z.object({ source: ReplaySourceSchema }).strict(), output: ReplayStatusSchema },
  'replay.unload': { input: NoInput, output: ReplayStatusSchema },
  'replay.play': { input: NoInput, output: ReplayStatusSchema },
  'replay.pause': { input: NoInput, output: ReplayStatusSchema },
  'replay.speed': { input: z.object({ speed: ReplaySpeedSchema }).strict(), output: ReplayStatusSchema },
  /** Delivers the next `ticks` ticks (and settlements before them), then pauses. */
  'replay.step': { input: z.object({ ticks: z.number().int().min(1).max(1_000_000).default(1) }).strict(), output: ReplayStatusSchema },
  /** Moves to market time t (ms): back resets every consumer, forward delivers everything between. */
  'replay.seek': { input: z.object({ t: z.number().int() }).strict(), output: ReplayStatusSchema },
  'replay.status': { input: NoInput, output: ReplayStatusSchema },
  /** Which of the trader's events (fill, stop, liquidation, ADL) pause a playing replay; omitted ones keep their setting. */
  'replay.pauseOn': { input: PauseOnSchema.partial().strict(), output: ReplayStatusSchema },
  /** Every bar so far (after a frame with reset, or when a window opens mid-replay). */
  'replay.bars': { input: NoInput, output: z.object({ interval: IntervalSchema.nullable(), bars: z.array(ReplayBarSchema) }) },
  /** The index's sources at the current tick: each venue's price, stale or clipped. */
  'replay.indexSources': {
    input: NoInput,
    output: z.object({ sources: z.array(z.object({ venue: z.string(), price: DecimalString, stale: z.boolean(), outlier: z.boolean() })) }),
  },
} as const;

export const replayEvents = {
  'replay.status': ReplayStatusSchema,
  'replay.frame': ReplayFrameSchema,
} as const;

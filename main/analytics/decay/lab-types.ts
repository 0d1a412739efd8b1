import type { z } from 'zod';
import type { LabInputSchema } from '#shared/domain/decay-lab';

export { DAY_MS } from '#shared/domain/decay-lab';
/** The lab input after parsing (decimals still as their wire strings: the lab makes them Dec). */
export type LabInputParsed = z.output<typeof LabInputSchema>;

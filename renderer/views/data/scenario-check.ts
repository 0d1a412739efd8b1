import { ScenarioSchema } from '#shared/domain/scenario';
import type { FieldIssue } from '#shared/ipc/errors';
import { toFieldIssues } from '#shared/ipc/issues';

/** The same schema main applies, run as the user types: every bad field at once, by path. */
export function checkScenarioText(text: string): FieldIssue[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return [{ path: '', message: `not valid JSON: ${(err as Error).message}` }];
  }
  const r = ScenarioSchema.safeParse(doc);
  return r.success ? [] : toFieldIssues(r.error);
}

/**
 * Where a field path ("market.volatility", "index.venues.2.id") is written in the text, to put
 * the cursor there: the last path segment that is a key, searched after the keys before it.
 * Returns [start, end] of the key, or null (a missing field has no place: the caller shows its parent).
 */
export function locateField(text: string, path: string): [number, number] | null {
  const keys = path.split('.').filter((p) => !/^\d+$/.test(p));
  let from = 0;
  let found: [number, number] | null = null;
  for (const k of keys) {
    const at = text.indexOf(`"${k}"`, from);
    if (at < 0) break;
    found = [at, at + k.length + 2];
    from = at + k.length + 2;
  }
  return found;
}

export const NEW_SCENARIO = `{
  "name": "My scenario",
  "description": "What this market should teach.",
  "symbol": "BTCUSDT",
  "start": "2024-06-01T00:00:00Z",
  "durationMinutes": 360,
  "seed": 1,
  "market": { "type": "gbm", "startPrice": "65000", "drift": 0, "volatility": 0.6 },
  "funding": { "source": "model" }
}
`;

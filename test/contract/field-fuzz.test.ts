import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '#shared/ipc/contract';
import { createApp, type App } from '#main/app/create-app';
import { suiteTempDir } from '../integration/helpers/temp-dir';
import { SAMPLE_INPUTS } from './samples';

/**
 * Every field of every sample input, replaced in turn by values of the wrong kind. A schema whose
 * refinement throws (zod 4 runs refinements even after the base check failed) would surface
 * here as a thrown error or an INTERNAL answer instead of a BAD_INPUT naming the field.
 */
const WRONG_VALUES: readonly unknown[] = ['abc', '', '-1', '1e400', -1, 1.5, Number.MAX_VALUE, null, true, {}, [], 'x'.repeat(5000)];
const ALLOWED = new Set(['BAD_INPUT', 'ENGINE_REJECTED', 'NOT_FOUND', 'CONFLICT']);

function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  const inner = entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return prefix.length ? [prefix, ...inner] : inner;
}

function withValue(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = withValue((value as Record<string | number, unknown>)[head!], rest, replacement);
  return copy;
}

const tempDir = suiteTempDir();
let app: App;
beforeAll(() => {
  app = createApp({ shell: 'web', dataDir: tempDir(), validate: true });
});
afterAll(() => app.close());

const channels = CHANNELS.filter((c): c is Channel => SAMPLE_INPUTS[c] !== 'needs-state' && leafPaths(SAMPLE_INPUTS[c]).length > 0);

describe.each(channels)('fields of %s', (channel) => {
  it('answer wrong values with a refusal, never a crash', async () => {
    const sample = SAMPLE_INPUTS[channel];
    for (const path of leafPaths(sample)) {
      for (const wrong of WRONG_VALUES) {
        const result = await app.dispatch(channel, withValue(sample, path, wrong));
        if (!result.ok) {
          expect(ALLOWED, `${channel} ${path.join('.')} = ${JSON.stringify(wrong)?.slice(0, 40)}: ${result.error.message}`).toContain(result.error.code);
        }
      }
    }
  });
});

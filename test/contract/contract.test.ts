import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '#shared/ipc/contract';
import { EVENT_NAMES, events } from '#shared/ipc/events';
import { ERROR_CODES } from '#shared/ipc/errors';
import { createApp, type App } from '#main/app/create-app';
import { handlers } from '#main/ipc/handlers';
import { dbFingerprint } from '../integration/helpers/db-fingerprint';
import { useTempDirs } from '../integration/helpers/temp-dir';
import { GARBAGE_INPUTS, SAMPLE_INPUTS } from './samples';

const tempDir = useTempDirs();
let app: App;

beforeEach(() => {
  app = createApp({ shell: 'web', dataDir: tempDir(), validate: true });
});
afterEach(() => app.close());

describe('the contract table', () => {
  it('has exactly one handler per channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('names channels as domain.verb and events likewise', () => {
    for (const name of [...CHANNELS, ...EVENT_NAMES]) expect(name).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
  });

  it('has a schema for every event', () => {
    for (const name of EVENT_NAMES) expect(typeof events[name].safeParse).toBe('function');
  });
});

describe.each(CHANNELS)('channel %s', (channel) => {
  it.each(GARBAGE_INPUTS.map((g) => [JSON.stringify(g) ?? String(g), g]))('refuses garbage %s with BAD_INPUT and writes nothing', async (_label, garbage) => {
    const before = dbFingerprint(app.services.workspace.db);
    const result = await app.dispatch(channel, garbage);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toContain(channel);
    expect(Array.isArray(result.error.details?.issues)).toBe(true);
    expect(dbFingerprint(app.services.workspace.db)).toBe(before);
  });

  it('answers a valid call with an output that parses against its schema', async () => {
    const sample = SAMPLE_INPUTS[channel];
    if (sample === 'needs-state') return;
    const result = await app.dispatch(channel, sample);
    if (!result.ok) {
      // A refusal is a legitimate answer for some samples, but never a contract breach.
      expect(ERROR_CODES).toContain(result.error.code);
      expect(result.error.code).not.toBe('INTERNAL');
      return;
    }
    expect(contract[channel].output.safeParse(result.value).success).toBe(true);
  });
});

describe('dispatch', () => {
  it('answers an unknown channel with UNKNOWN_CHANNEL and writes nothing', async () => {
    const before = dbFingerprint(app.services.workspace.db);
    for (const name of ['nope', 'settings.delete', '__proto__', 'constructor', 'toString', '']) {
      const result = await app.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(dbFingerprint(app.services.workspace.db)).toBe(before);
  });

  it('names every failing field of a bad input, not just the first', async () => {
    const result = await app.dispatch('settings.update', { theme: 'blue', defaultLeverage: 0, displayPrecision: 1.5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = (result.error.details?.issues ?? []).map((i) => i.path).sort();
    expect(paths).toEqual(['defaultLeverage', 'displayPrecision', 'theme']);
  });

  it('refuses an update with one bad field as a whole: the good fields are not written either', async () => {
    const result = await app.dispatch('settings.update', { theme: 'light', defaultLeverage: 9999 });
    expect(result.ok).toBe(false);
    const settings = await app.dispatch('settings.get', {});
    expect(settings).toMatchObject({ ok: true, value: { theme: 'dark', defaultLeverage: 10 } });
  });

  it('pushes settings.changed with the complete new settings', async () => {
    const seen: unknown[] = [];
    app.events.subscribe((frame) => seen.push(frame));
    await app.dispatch('settings.update', { theme: 'light' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'settings.changed', payload: { theme: 'light', defaultLeverage: 10 } });
  });
});

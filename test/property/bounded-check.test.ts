import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertBounded, budgetFor, requestedRuns } from './bounded-check';

const ENV = ['FC_NUM_RUNS', 'ENGINE_PROPERTY_RUNS', 'PROPERTY_TIME_LIMIT_MS', 'FC_SEED', 'FC_PATH'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

afterEach(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  vi.restoreAllMocks();
});

function clearEnv(): void {
  for (const k of ENV) delete process.env[k];
}

describe('assertBounded', () => {
  it('makes every run when the budget allows, and reads the run count from the environment', () => {
    clearEnv();
    let runs = 0;
    expect(assertBounded(fc.property(fc.nat(), () => void (runs += 1)), { numRuns: 25 }).numRuns).toBe(25);
    expect(runs).toBe(25);
    process.env.FC_NUM_RUNS = '7';
    expect(requestedRuns(25)).toBe(7);
    delete process.env.FC_NUM_RUNS;
    process.env.ENGINE_PROPERTY_RUNS = '9';
    expect(requestedRuns(25)).toBe(9);
  });

  it('stops adding runs once the budget is spent, without failing', () => {
    clearEnv();
    process.env.PROPERTY_TIME_LIMIT_MS = '40';
    const slow = fc.property(fc.nat(), () => {
      const until = Date.now() + 15;
      while (Date.now() < until) {
        // Busy wait: a run that takes 15 ms.
      }
    });
    const report = assertBounded(slow, { numRuns: 1000 });
    expect(report.interrupted).toBe(true);
    expect(report.numRuns).toBeGreaterThan(0);
    expect(report.numRuns).toBeLessThan(20);
  });

  it('splits the file budget by share, and 0 means no limit', () => {
    clearEnv();
    expect(budgetFor()).toBe(240_000);
    process.env.PROPERTY_TIME_LIMIT_MS = '1000';
    expect(budgetFor(0.25)).toBe(250);
    process.env.PROPERTY_TIME_LIMIT_MS = '0';
    expect(budgetFor(0.5)).toBeNull();
  });

  it('fails with the counterexample and a replay line, and FC_SEED / FC_PATH replay it', () => {
    clearEnv();
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    const prop = () => fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => n < 5000);
    let message = '';
    try {
      assertBounded(prop(), { numRuns: 200 });
    } catch (e) {
      message = (e as Error).message;
    }
    const m = /FC_SEED=(-?\d+) FC_PATH=(\S+)/.exec(message);
    expect(m, message).not.toBeNull();
    expect(message).toContain('5000');
    expect(errors.join('\n')).toContain(`FC_SEED=${m![1]}`);
    // The printed environment replays the same shrunk counterexample.
    process.env.FC_SEED = m![1]!;
    process.env.FC_PATH = m![2]!;
    expect(() => assertBounded(prop(), { numRuns: 200 })).toThrow(/\[5000\]/);
  });
});

/**
 * Engine work written once as a step generator (it pauses where a long event may be cut into
 * slices: Engine.applySteps) and run in one go by apply() through drain().
 */
export function drain<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `every` for a generator that must not pause (apply()): `++n % NEVER` is never 0. */
export const NEVER = Number.POSITIVE_INFINITY;

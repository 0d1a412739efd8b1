// Logs every synchronous call of these classes' methods that takes > 40 ms (outermost only).
let depth = 0;
export function wrapAll(classes: Record<string, { prototype: object }>): void {
  for (const [cname, C] of Object.entries(classes)) {
    const proto = C.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (!d || typeof d.value !== 'function' || key === 'constructor') continue;
      const orig = d.value as (...a: unknown[]) => unknown;
      if (orig.constructor.name === 'GeneratorFunction') continue;
      proto[key] = function (this: unknown, ...args: unknown[]) {
        const t = performance.now();
        depth++;
        try { return orig.apply(this, args); } finally {
          depth--;
          const ms = performance.now() - t;
          if (ms > 40) console.log(`${'  '.repeat(depth)}${cname}.${key} ${ms.toFixed(0)} ms`);
        }
      };
    }
  }
}

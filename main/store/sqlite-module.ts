import { createRequire } from 'node:module';

/**
 * Where better-sqlite3's package is, for the eval'd workers that open connections of their own
 * (checkpointer, log writer, page check): their source has no resolver of its own to find it.
 */
export function betterSqliteModule(): string {
  // The CommonJS bundles have require; the ES modules run by tsx and vitest resolve through createRequire.
  const req = typeof require === 'function' ? require : createRequire(import.meta.url);
  return req.resolve('better-sqlite3');
}

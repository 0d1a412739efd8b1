import { ScenarioSchema, type Scenario, type ScenarioEntry } from '#shared/domain/scenario';
import type { FieldIssue } from '#shared/ipc/errors';
import { toFieldIssues } from '#shared/ipc/issues';
import type { Db } from '../../store/db-types';
import { MarketScenariosRepo } from '../../store/market-scenarios-repo';
import { BUILTIN_SCENARIOS, builtinScenario } from './builtin';

export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; issues: FieldIssue[] };

/** Parses scenario JSON text: a syntax error is one issue at the document, a schema error one per field. */
export function parseScenarioJson(text: string): ParsedScenario {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: `not JSON: ${(err as Error).message}` }] };
  }
  const r = ScenarioSchema.safeParse(doc);
  return r.success ? { ok: true, scenario: r.data } : { ok: false, issues: toFieldIssues(r.error) };
}

/** Built-in scenarios and the ones a user saved in the workspace. */
export class ScenarioStore {
  private readonly repo: MarketScenariosRepo;

  constructor(
    db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.repo = new MarketScenariosRepo(db);
  }

  list(): ScenarioEntry[] {
    const saved = this.repo.list().flatMap((row) => {
      const parsed = parseScenarioJson(row.json);
      return parsed.ok ? [entry(row.id, 'saved', parsed.scenario, row.json)] : [];
    });
    return [...BUILTIN_SCENARIOS.map((b) => b.entry), ...saved];
  }

  get(id: string): { entry: ScenarioEntry; scenario: Scenario } | null {
    const b = builtinScenario(id);
    if (b) return b;
    const row = this.repo.get(id);
    if (!row) return null;
    const parsed = parseScenarioJson(row.json);
    return parsed.ok ? { entry: entry(row.id, 'saved', parsed.scenario, row.json), scenario: parsed.scenario } : null;
  }

  /** Saves valid JSON under `id` (a new id from the name when absent). Built-in ids cannot be overwritten. */
  save(id: string | undefined, json: string): { ok: true; entry: ScenarioEntry } | { ok: false; issues: FieldIssue[] } {
    const parsed = parseScenarioJson(json);
    if (!parsed.ok) return parsed;
    const target = id ?? this.freshId(parsed.scenario.name);
    if (builtinScenario(target)) return { ok: false, issues: [{ path: '', message: `"${target}" is a built-in scenario; save your version under another name` }] };
    this.repo.save({ id: target, name: parsed.scenario.name, json, updatedAt: this.now() });
    return { ok: true, entry: entry(target, 'saved', parsed.scenario, json) };
  }

  delete(id: string): boolean {
    return this.repo.delete(id);
  }

  private freshId(name: string): string {
    const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'scenario';
    let id = base;
    for (let n = 2; builtinScenario(id) || this.repo.get(id); n++) id = `${base}-${n}`;
    return id;
  }
}

function entry(id: string, origin: ScenarioEntry['origin'], s: Scenario, json: string): ScenarioEntry {
  return { id, origin, name: s.name, description: s.description, symbol: s.symbol, marketType: s.market.type, start: s.start, durationMinutes: s.durationMinutes, json };
}

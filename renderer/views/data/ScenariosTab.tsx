import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioEntry } from '#shared/domain/scenario';
import type { Output } from '#shared/ipc/contract';
import { useApi } from '../../api/context';
import { count, span, utc } from './data-format';
import { NEW_SCENARIO, checkScenarioText, locateField } from './scenario-check';
import type { ScenarioRequest } from './SeriesTab';

type DataCheck = Output<'market.checkScenario'>;
type Note = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Scenarios: the built-in ones (real crash windows, one of each synthetic model) and the user's
 * own, edited as JSON with every schema problem named by field as you type; main then says
 * whether the workspace holds the data the scenario needs.
 */
export function ScenariosTab({ request = null }: { request?: (ScenarioRequest & { n: number }) | null }) {
  const api = useApi();
  const [list, setList] = useState<ScenarioEntry[]>([]);
  const [current, setCurrent] = useState<ScenarioEntry | null>(null);
  // A draft from the Series tab opens in the editor (the tab mounts anew for each request).
  const draft = request && 'json' in request ? request.json : null;
  const [text, setText] = useState(draft ?? '');
  const [data, setData] = useState<DataCheck | null>(null);
  const [note, setNote] = useState<Note>(draft ? { tone: 'ok', text: 'Drafted from the series: check it, then save it.' } : null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const ids = { list: useId(), editor: useId(), issues: useId() };
  const issues = useMemo(() => (text.trim() === '' ? [] : checkScenarioText(text)), [text]);

  /** Re-reads the list; `select` opens that scenario (undefined: the first; null: none). */
  const refresh = (select?: string | null): void => {
    void api.call('market.scenarios').then((r) => {
      if (!r.ok) return;
      setList(r.value.scenarios);
      const pick = r.value.scenarios.find((s) => s.id === select) ?? (select === undefined ? r.value.scenarios[0] : undefined);
      if (pick) open(pick, select != null);
      // A saved scenario is shown where the trader is looking: marked, and scrolled in once its row is drawn.
      if (select != null) setJustSaved(select);
    });
  };
  // After the commit that draws the new list, not in a frame callback that may run before it.
  useLayoutEffect(() => {
    if (justSaved) listRef.current?.querySelector(`[data-id="${CSS.escape(justSaved)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [justSaved, list]);
  const open = (s: ScenarioEntry, keepNote = false): void => {
    setCurrent(s);
    setText(s.json);
    if (!keepNote) setNote(null);
    setData(null);
  };
  // Load once, or as the Series tab asks: a draft in the editor, or a scenario it saved.
  useEffect(() => {
    refresh(request && 'select' in request ? request.select : draft ? null : undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh() is recreated every render; the request's n says when to run
  }, [request?.n]);

  // Ask main whether the data is there, once the text has settled and the schema is satisfied.
  useEffect(() => {
    if (issues.length > 0 || text.trim() === '') return;
    const timer = setTimeout(() => {
      void api.call('market.checkScenario', { json: text }).then((r) => r.ok && setData(r.value));
    }, 400);
    return () => clearTimeout(timer);
  }, [api, text, issues.length]);

  const save = async (asNew: boolean): Promise<void> => {
    const r = await api.call('market.saveScenario', asNew || current?.origin !== 'saved' ? { json: text } : { id: current.id, json: text });
    if (!r.ok) return setNote({ tone: 'error', text: r.error.message });
    setNote({ tone: 'ok', text: `Saved as "${r.value.name}" (${r.value.id}).` });
    refresh(r.value.id);
  };
  const remove = async (): Promise<void> => {
    if (current?.origin !== 'saved') return;
    await api.call('market.deleteScenario', { id: current.id });
    refresh();
  };
  const load = async (): Promise<void> => {
    const r = await api.call('replay.load', { source: current && text === current.json ? { kind: 'scenario', id: current.id } : { kind: 'inline', json: text } });
    if (!r.ok) return setNote({ tone: 'error', text: r.error.message });
    const info = r.value.scenario!;
    setNote({ tone: 'ok', text: `Loaded into the replay: ${count(info.tickCount)} ticks, one every ${info.stepMs / 1000} s. Play it from the Trade view.` });
  };
  const jump = (path: string): void => {
    const el = editor.current;
    const at = locateField(text, path);
    if (!el) return;
    el.focus();
    if (at) el.setSelectionRange(at[0], at[1]);
  };
  const valid = issues.length === 0 && text.trim() !== '';
  const shownData = valid ? data : null;

  return (
    <div className="dv-scenarios">
      <section className="card dv-pane dv-scenario-list" aria-labelledby={ids.list}>
        <header className="dv-detail-head">
          <h2 id={ids.list}>Scenarios</h2>
          <button
            type="button"
            className="dv-btn ghost"
            onClick={() => {
              setCurrent(null);
              setText(NEW_SCENARIO);
              setNote(null);
            }}
            data-testid="scenario-new"
          >
            New
          </button>
        </header>
        <div className="dv-rows" role="listbox" aria-label="Scenarios" data-testid="scenario-list" ref={listRef}>
          {list.map((s) => (
            <button key={s.id} type="button" role="option" aria-selected={current?.id === s.id} className="dv-row" onClick={() => open(s)} data-testid={`scenario-${s.id}`} data-id={s.id} data-just-saved={justSaved === s.id ? true : undefined}>
              <span className="dv-row-main">
                <b>{s.name}</b>
              </span>
              <span className="dv-row-sub">
                <span className="dv-chip">{s.marketType}</span> {s.origin === 'saved' && <span className="dv-tag">{justSaved === s.id ? 'just saved' : 'yours'}</span>} {utc(Date.parse(s.start))} · {span(s.durationMinutes)}
              </span>
            </button>
          ))}
        </div>
      </section>

      <section className="card dv-pane dv-editor" aria-labelledby={ids.editor}>
        <header className="dv-detail-head">
          <h2 id={ids.editor}>{current ? current.name : 'New scenario'}</h2>
          <span className="faint">JSON · schema in docs/scenarios.md</span>
        </header>
        <textarea
          ref={editor}
          className="dv-json mono"
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setNote(null);
            setData(null);
          }}
          aria-label="Scenario document (JSON)"
          aria-invalid={!valid}
          aria-describedby={ids.issues}
          data-testid="scenario-json"
        />
        <div id={ids.issues} className="dv-issues" aria-live="polite" data-testid="scenario-issues" data-valid={valid}>
          {issues.length > 0 ? (
            <ul>
              {issues.map((i, n) => (
                <li key={n}>
                  <button type="button" className="dv-link mono" onClick={() => jump(i.path)}>
                    {i.path || '(document)'}
                  </button>{' '}
                  {i.message}
                </li>
              ))}
            </ul>
          ) : shownData?.dataProblem ? (
            <p className="warn" data-testid="scenario-data">
              Valid, but cannot run here: {shownData.dataProblem}
            </p>
          ) : shownData?.ticks != null ? (
            <p className="ok" data-testid="scenario-data">
              Valid: {count(shownData.ticks)} ticks.
            </p>
          ) : (
            valid && <p className="faint">Valid.</p>
          )}
        </div>
        <div className="dv-actions">
          <button type="button" className="dv-btn solid" disabled={!valid} onClick={() => void load()} data-testid="scenario-load">
            Load in replay
          </button>
          {current?.origin === 'saved' && (
            <button type="button" className="dv-btn" disabled={!valid} onClick={() => void save(false)} data-testid="scenario-save">
              Save
            </button>
          )}
          <button type="button" className="dv-btn" disabled={!valid} onClick={() => void save(true)} data-testid="scenario-save-new">
            Save as new
          </button>
          {current?.origin === 'saved' && (
            <button type="button" className="dv-btn ghost" onClick={() => void remove()} data-testid="scenario-delete">
              Delete
            </button>
          )}
          {current && text !== current.json && (
            <button type="button" className="dv-btn ghost" onClick={() => open(current)}>
              Revert
            </button>
          )}
        </div>
        {note && (
          <p className={note.tone === 'ok' ? 'ok' : 'dv-error'} role={note.tone === 'ok' ? 'status' : 'alert'} data-testid="scenario-note">
            {note.text}
          </p>
        )}
        {current && <p className="dv-desc">{current.description}</p>}
      </section>
    </div>
  );
}

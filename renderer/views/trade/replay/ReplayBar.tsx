import { useId, useState } from 'react';
import { PAUSE_EVENTS, REPLAY_SPEEDS, type PauseEvent, type ReplaySpeed } from '#shared/domain/market-replay';
import { Segmented } from '../../../components/Segmented';
import { utcTime } from '../format';
import type { ReplayApi } from './use-replay';

const SPEED_LABELS: Record<ReplaySpeed, string> = { '1x': '1×', '10x': '10×', '60x': '60×', '600x': '600×', '1800x': '1800×', '7200x': '7200×', max: 'Max' };
const PAUSE_LABELS: Record<PauseEvent, string> = { fill: 'Your fill', stop: 'Your stop or take-profit', liquidation: 'Your liquidation', adl: 'ADL against you' };
const PAUSED_BY: Record<PauseEvent, string> = { fill: 'your order filled', stop: 'your stop or take-profit fired', liquidation: 'you were liquidated', adl: 'you were auto-deleveraged' };

/**
 * Replay controls: scenario picker, play/pause (Space), step back (,) and forward (.), speed
 * ([ and ]), what pauses the replay by itself, and a timeline to seek on (< and > move a bar).
 * Seeking back (and stepping back, a seek plus one tick) rewinds every consumer: the engine cuts its
 * log, the trader's later commands included, so the seek is sent when the slider is let go.
 */
export function ReplayBar({ replay, onHelp }: { replay: ReplayApi; onHelp: () => void }) {
  const { status, scenarios, error, loading } = replay;
  const ids = { scenario: useId(), speed: useId(), seek: useId() };
  const [draft, setDraft] = useState<number | null>(null);
  const sc = status?.scenario ?? null;
  const playing = status?.state === 'playing';
  const loaded = status != null && status.state !== 'empty';
  const t = draft ?? status?.t ?? sc?.start ?? 0;
  const commitSeek = (): void => {
    if (draft == null) return;
    const target = draft;
    setDraft(null);
    void replay.seek(target);
  };
  const progress = sc && status?.t != null ? Math.min(100, Math.max(0, ((status.t - sc.start) / Math.max(1, sc.end - sc.start)) * 100)) : 0;

  return (
    <section className="replay" aria-label="Replay" data-testid="replay-bar" data-state={status?.state ?? 'empty'}>
      <label htmlFor={ids.scenario} className="sr-only">
        Scenario
      </label>
      <select
        id={ids.scenario}
        className="replay-scenario"
        value={loading ?? sc?.id ?? ''}
        disabled={loading != null}
        aria-busy={loading != null}
        onChange={(e) => e.target.value && void replay.load(e.target.value)}
        data-testid="replay-scenario"
        title={sc ? `${sc.name} — ${sc.sources.last}` : 'Choose a market to replay'}
      >
        <option value="" disabled>
          Choose a scenario…
        </option>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="replay-btn"
        onClick={() => void (playing ? replay.pause() : replay.play())}
        disabled={!loaded || status?.state === 'ended'}
        aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        data-testid="replay-play"
        data-playing={playing}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <button type="button" className="replay-btn" onClick={() => void replay.stepBack()} disabled={!loaded || playing} aria-label="Step one tick back (,): rewinds your session, dropping your commands after it" title="Step one tick back (,): rewinds your session to that tick; your commands after it are dropped" data-testid="replay-step-back">
        <span aria-hidden="true">|◂</span>
      </button>
      <button type="button" className="replay-btn" onClick={() => void replay.step(1)} disabled={!loaded || playing} aria-label="Step one tick (.)" title="Step one tick (.)" data-testid="replay-step">
        <span aria-hidden="true">▸|</span>
      </button>
      <span id={ids.speed} className="sr-only">
        Replay speed
      </span>
      <Segmented<ReplaySpeed> labelledBy={ids.speed} options={REPLAY_SPEEDS.map((s) => ({ value: s, label: SPEED_LABELS[s] }))} value={status?.speed ?? '1x'} onChange={(s) => void replay.speed(s)} testId="replay-speed" />
      <details className="replay-pause-on" data-testid="pause-on">
        <summary title="Stop the replay by itself when one of these happens">Pause on</summary>
        <fieldset>
          <legend className="sr-only">Pause the replay when</legend>
          {PAUSE_EVENTS.map((e) => (
            <label key={e} className="check">
              <input type="checkbox" checked={status?.pauseOn[e] ?? false} onChange={(ev) => void replay.pauseOn({ [e]: ev.target.checked })} data-testid={`pause-on-${e}`} />
              {PAUSE_LABELS[e]}
            </label>
          ))}
        </fieldset>
      </details>
      <div className="replay-timeline">
        <label htmlFor={ids.seek} className="sr-only">
          Seek in market time
        </label>
        <input
          id={ids.seek}
          type="range"
          min={sc?.start ?? 0}
          max={sc?.end ?? 1}
          step={sc?.stepMs ?? 1}
          value={t}
          disabled={!loaded}
          aria-valuetext={utcTime(t)}
          style={{ ['--progress' as string]: `${progress}%` }}
          onChange={(e) => setDraft(Number(e.target.value))}
          onPointerUp={commitSeek}
          onKeyUp={(e) => (e.key.startsWith('Arrow') || e.key.startsWith('Page') || e.key === 'Home' || e.key === 'End') && commitSeek()}
          onBlur={commitSeek}
          data-testid="replay-seek"
        />
      </div>
      <span className="replay-time num" data-testid="replay-time" aria-live="off">
        {loading ? (
          <span role="status" data-testid="replay-loading">
            Building the market…
          </span>
        ) : (
          <>{loaded ? utcTime(t) : '—'} UTC</>
        )}
      </span>
      <span className="replay-eff num" title="Achieved speed over the last second">
        {playing && status?.effectiveSpeed != null ? `${Math.round(status.effectiveSpeed)}×` : status?.state === 'ended' ? 'ended' : ''}
      </span>
      <button type="button" className="btn-ghost" onClick={onHelp} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)" data-testid="shortcuts-help">
        Keys
      </button>
      {status?.pausedBy && (
        <span className="replay-paused-by" role="status" data-testid="replay-paused-by" data-event={status.pausedBy.event}>
          Paused: {PAUSED_BY[status.pausedBy.event]} at {utcTime(status.pausedBy.t, false)}
        </span>
      )}
      {(error ?? status?.error) && (
        <span className="replay-error" role="alert" data-testid="replay-error">
          {error ?? status?.error}
        </span>
      )}
    </section>
  );
}

import { useEffect, useId, useState } from 'react';
import { MARGIN_MODES, PROFILE_IDS, PROFILE_LABELS, type MarginMode, type ProfileId } from '#shared/domain/exchange';
import { THEMES, type SettingsPatch, type Theme } from '#shared/domain/settings';
import type { AppInfo } from '#shared/ipc/channels/app';
import { useApi } from '../../api/context';
import { useSettings } from '../../app/settings-context';
import { Segmented } from '../../components/Segmented';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function SettingsView() {
  const api = useApi();
  const { settings, update } = useSettings();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [info, setInfo] = useState<AppInfo | null>(null);
  const ids = { precision: useId(), profile: useId(), confirm: useId() };

  useEffect(() => {
    void api.call('app.info').then((r) => r.ok && setInfo(r.value));
  }, [api]);

  const apply = async (patch: SettingsPatch): Promise<void> => {
    setSave({ kind: 'saving' });
    const error = await update(patch);
    setSave(error ? { kind: 'error', message: error.message } : { kind: 'saved' });
  };


  return (
    <section className="settings" aria-labelledby="settings-title" data-testid="settings-view">
      <header className="view-header">
        <h1 id="settings-title">Settings</h1>
        <p className="save-state" role="status" data-testid="save-state" data-state={save.kind}>
          {save.kind === 'saving' && 'Saving…'}
          {save.kind === 'saved' && 'Saved to the workspace'}
          {save.kind === 'error' && save.message}
        </p>
      </header>

      <div className="settings-grid">
        <fieldset className="card">
          <legend>Display</legend>
          <div className="field">
            <span className="field-label" id="theme-label">Theme</span>
            <Segmented<Theme>
              labelledBy="theme-label"
              options={THEMES.map((t) => ({ value: t, label: t === 'light' ? 'Light' : 'Dark' }))}
              value={settings.theme}
              onChange={(theme) => void apply({ theme })}
              testId="theme"
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.precision}>
              Currency precision
            </label>
            <select
              id={ids.precision}
              data-testid="display-precision"
              value={settings.displayPrecision}
              onChange={(e) => void apply({ displayPrecision: Number(e.target.value) })}
            >
              {Array.from({ length: 9 }, (_, i) => (
                <option key={i} value={i}>
                  {i} decimals ({(1234.5678).toFixed(i)})
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>Trading defaults</legend>
          <div className="field">
            <label className="field-label" htmlFor={ids.profile}>
              Exchange profile
            </label>
            <select
              id={ids.profile}
              data-testid="default-profile"
              value={settings.defaultProfile}
              onChange={(e) => void apply({ defaultProfile: e.target.value as ProfileId })}
            >
              {PROFILE_IDS.map((p) => (
                <option key={p} value={p}>
                  {PROFILE_LABELS[p]}
                </option>
              ))}
            </select>
          </div>
          <LeverageField
            key={settings.defaultLeverage}
            saved={settings.defaultLeverage}
            onCommit={(defaultLeverage) => void apply({ defaultLeverage })}
            onInvalid={(message) => setSave({ kind: 'error', message })}
          />
          <div className="field">
            <span className="field-label" id="margin-mode-label">
              Margin mode
            </span>
            <Segmented<MarginMode>
              labelledBy="margin-mode-label"
              options={MARGIN_MODES.map((m) => ({ value: m, label: m === 'isolated' ? 'Isolated' : 'Cross' }))}
              value={settings.defaultMarginMode}
              onChange={(defaultMarginMode) => void apply({ defaultMarginMode })}
              testId="margin-mode"
            />
          </div>
          <div className="field checkbox">
            <input
              id={ids.confirm}
              type="checkbox"
              data-testid="confirm-market"
              checked={settings.confirmMarketOrders}
              onChange={(e) => void apply({ confirmMarketOrders: e.target.checked })}
            />
            <label htmlFor={ids.confirm}>Ask before sending a market order</label>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>Workspace</legend>
          <dl className="facts">
            <dt>File</dt>
            <dd className="mono" data-testid="workspace-path">{info?.workspacePath ?? '…'}</dd>
            <dt>Schema version</dt>
            <dd className="num">{info?.schemaVersion ?? '…'}</dd>
            <dt>Shell</dt>
            <dd>{info ? (info.shell === 'electron' ? 'Electron desktop app' : 'Web host (127.0.0.1)') : '…'}</dd>
            <dt>Levdesk</dt>
            <dd className="num">{info?.version ?? '…'}</dd>
          </dl>
        </fieldset>
      </div>
    </section>
  );
}

/** Typed freely, saved on Enter or blur; remounted (key) whenever the saved value changes. */
function LeverageField(props: { saved: number; onCommit: (n: number) => void; onInvalid: (message: string) => void }) {
  const { saved, onCommit, onInvalid } = props;
  const [text, setText] = useState(String(saved));
  const id = useId();
  const commit = (): void => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 125) return onInvalid('Default leverage must be a whole number from 1 to 125.');
    if (n !== saved) onCommit(n);
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Leverage
      </label>
      <div className="inline">
        <input
          id={id}
          data-testid="default-leverage"
          className="num"
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          aria-describedby={`${id}-hint`}
        />
        <span className="unit">×</span>
      </div>
      <span className="hint" id={`${id}-hint`}>
        1–125; each symbol's brackets may allow less.
      </span>
    </div>
  );
}

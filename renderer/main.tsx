import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { LevdeskBridge } from '#shared/ipc/bridge';
import { ApiClient } from './api/client';
import { ApiContext } from './api/context';
import { ipcTransport } from './api/transport-ipc';
import { forgetToken, httpTransport, probeHost, takeToken } from './api/transport-http';
import { TokenPage } from './app/TokenPage';
import { App } from './app/App';
import { SettingsProvider } from './app/settings-context';
import './styles/fonts.css';
import './styles/base.css';
import './styles/settings.css';
import './styles/data.css';
import './styles/data-editors.css';
import './styles/data-scenario-form.css';
import './styles/trade.css';
import './styles/trade-chart.css';
import './styles/trade-ticket.css';
import './styles/trade-panels.css';
import './styles/trade-explain.css';
import './styles/trade-toasts.css';
import './styles/trade-replay.css';
import './styles/trade-right.css';
import './styles/trade-table.css';
import './styles/host-banner.css';
import './styles/planner.css';
import './styles/journal.css';
import './styles/heatmap.css';
import './styles/decay.css';

declare global {
  interface Window {
    levdesk?: LevdeskBridge;
  }
}

/** The client, or why this page cannot have one (no token, or one the host refuses). */
async function chooseClient(): Promise<ApiClient | 'no-token' | 'refused'> {
  if (window.levdesk) return new ApiClient(ipcTransport(window.levdesk));
  const token = takeToken();
  if (!token) return 'no-token';
  // Checked before the app renders: a stale bookmark gets a page that says what to do, not a broken app.
  if ((await probeHost(token)) === 'refused') {
    forgetToken();
    return 'refused';
  }
  return new ApiClient(httpTransport(token));
}

const rootEl = document.getElementById('root')!;
const root = createRoot(rootEl);

function Ready({ children }: { children: React.ReactNode }) {
  // Tests wait for this attribute instead of sleeping.
  useEffect(() => {
    rootEl.dataset.appState = 'ready';
  }, []);
  return <>{children}</>;
}

function render(client: ApiClient | 'no-token' | 'refused'): void {
  if (typeof client === 'string') {
    rootEl.dataset.appState = 'error';
    root.render(<TokenPage reason={client} />);
    // A fresh link pasted into this tab differs only after the #, which the browser does not reload for.
    window.addEventListener('hashchange', () => window.location.reload());
    return;
  }
  root.render(
    <StrictMode>
      <ApiContext.Provider value={client}>
        <SettingsProvider
          fallback={(error) => (error ? <p className="fatal" role="alert">Levdesk could not load its settings: {error}</p> : <p className="loading">Opening workspace…</p>)}
        >
          <Ready>
            <App />
          </Ready>
        </SettingsProvider>
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void chooseClient().then(render);

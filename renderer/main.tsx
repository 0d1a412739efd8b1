import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { LevdeskBridge } from '#shared/ipc/bridge';
import { ApiClient } from './api/client';
import { ApiContext } from './api/context';
import { ipcTransport } from './api/transport-ipc';
import { httpTransport, takeToken } from './api/transport-http';
import { App } from './app/App';
import { SettingsProvider } from './app/settings-context';
import './styles/base.css';
import './styles/settings.css';
import './styles/data.css';
import './styles/data-editors.css';
import './styles/trade.css';
import './styles/trade-chart.css';
import './styles/trade-ticket.css';
import './styles/trade-panels.css';
import './styles/trade-explain.css';
import './styles/trade-toasts.css';
import './styles/trade-table.css';
import './styles/decay.css';

declare global {
  interface Window {
    levdesk?: LevdeskBridge;
  }
}

function chooseClient(): ApiClient | string {
  if (window.levdesk) return new ApiClient(ipcTransport(window.levdesk));
  const token = takeToken();
  if (!token) return 'This page needs the link the Levdesk web host printed (it carries an access token). Start it with "npm run web" and open the LEVDESK_URL it prints.';
  return new ApiClient(httpTransport(token));
}

const rootEl = document.getElementById('root')!;
const root = createRoot(rootEl);
const client = chooseClient();

function Ready({ children }: { children: React.ReactNode }) {
  // Tests wait for this attribute instead of sleeping.
  useEffect(() => {
    rootEl.dataset.appState = 'ready';
  }, []);
  return <>{children}</>;
}

if (typeof client === 'string') {
  rootEl.dataset.appState = 'error';
  root.render(<p className="fatal">{client}</p>);
} else {
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

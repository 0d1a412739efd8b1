import { useEffect, useState } from 'react';
import { Icon } from '../components/Icon';
import { HostBanner, useHostStatus } from './HostBanner';
import { PendingTrailingWatcher } from './PendingTrailingWatcher';
import { StatusBar } from './StatusBar';
import { VIEWS, type ViewId } from './views';

const VIEW_KEY = 'levdesk.view';

export function App() {
  const [view, setView] = useState<ViewId>(() => (sessionStorage.getItem(VIEW_KEY) as ViewId | null) ?? 'trade');
  const current = VIEWS.find((v) => v.id === view) ?? VIEWS[0]!;
  const hostStatus = useHostStatus();
  const offline = hostStatus === 'closed' || hostStatus === 'refused';

  useEffect(() => {
    sessionStorage.setItem(VIEW_KEY, view);
  }, [view]);

  // Another view asks to show a view (the Planner's "Send to ticket" opens Trade).
  useEffect(() => {
    const onView = (e: Event): void => {
      const id = (e as CustomEvent<unknown>).detail;
      if (VIEWS.some((v) => v.id === id)) setView(id as ViewId);
    };
    window.addEventListener('levdesk:view', onView);
    return () => window.removeEventListener('levdesk:view', onView);
  }, []);

  // Alt+1..7 jumps between views from anywhere, including inside inputs.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const index = Number(e.key) - 1;
      const target = VIEWS[index];
      if (target) {
        e.preventDefault();
        setView(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell" data-host={offline ? 'gone' : 'live'}>
      <HostBanner status={hostStatus} />
      <nav className="rail" aria-label="Views" inert={offline}>
        <div className="brand" aria-hidden="true">
          L
        </div>
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            type="button"
            className="rail-item"
            aria-current={v.id === view ? 'page' : undefined}
            data-testid={`nav-${v.id}`}
            title={`${v.label} (Alt+${i + 1})`}
            onClick={() => setView(v.id)}
          >
            <span className="rail-glyph">
              <Icon name={v.icon} />
            </span>
            <span className="rail-label">{v.label}</span>
          </button>
        ))}
      </nav>
      <main className="view" id="view" data-view={current.id} inert={offline}>
        {current.render()}
      </main>
      <StatusBar />
      <PendingTrailingWatcher />
    </div>
  );
}

import { useState } from 'react';
import { Tabs } from '../../components/layout/Tabs';
import { count } from './data-format';
import { ImportTab } from './ImportTab';
import { ScenariosTab } from './ScenariosTab';
import { SeriesTab, type ScenarioRequest } from './SeriesTab';
import { useMarketHoldings } from './use-market';

type TabId = 'series' | 'import' | 'scenarios';
const TAB_KEY = 'levdesk.data.tab';

/** Market data: what the workspace holds (with coverage and a chart), imports, and scenarios. */
export function DataView() {
  const { holdings, error } = useMarketHoldings();
  const [tab, setTab] = useState<TabId>(() => (sessionStorage.getItem(TAB_KEY) as TabId | null) ?? 'series');
  const choose = (t: TabId): void => {
    sessionStorage.setItem(TAB_KEY, t);
    setTab(t);
  };
  // "New scenario from this series" hands its draft (or the saved scenario) to the Scenarios tab.
  const [request, setRequest] = useState<(ScenarioRequest & { n: number }) | null>(null);
  const toScenarios = (r: ScenarioRequest): void => {
    setRequest({ ...r, n: (request?.n ?? 0) + 1 });
    choose('scenarios');
  };
  const candles = holdings?.series.reduce((n, s) => n + s.rows, 0) ?? 0;
  const embedded = holdings?.series.some((s) => s.origin === 'default') ?? false;
  return (
    <section className="data-view" aria-labelledby="data-title" data-testid="data-view">
      <header className="view-header">
        <h1 id="data-title">Market data</h1>
        <p className="faint" data-testid="data-summary">
          {holdings
            ? `${holdings.series.length} candle series · ${count(candles)} candles · ${holdings.funding.reduce((n, f) => n + f.rows, 0)} funding settlements${embedded ? ' · includes the embedded real data set' : ''}`
            : 'Reading the workspace…'}
          {holdings?.importing && ' · an import is running'}
        </p>
      </header>
      {error && (
        <p className="dv-error" role="alert">
          {error}
        </p>
      )}
      <Tabs<TabId>
        label="Market data sections"
        testId="data-tabs"
        value={tab}
        onChange={choose}
        tabs={[
          { id: 'series', label: 'Series', badge: holdings?.series.length ?? null },
          { id: 'import', label: 'Import' },
          { id: 'scenarios', label: 'Scenarios' },
        ]}
      >
        <div className="dv-panel">
          {tab === 'series' && holdings && <SeriesTab holdings={holdings} onScenario={toScenarios} />}
          {tab === 'import' && <ImportTab />}
          {tab === 'scenarios' && <ScenariosTab request={request} />}
        </div>
      </Tabs>
    </section>
  );
}

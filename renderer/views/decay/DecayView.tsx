import { useState } from 'react';
import { Tabs } from '../../components/layout/Tabs';
import { useMarketHoldings } from '../data/use-market';
import { McTab } from './McTab';
import { PathTab } from './PathTab';

type TabId = 'path' | 'monte-carlo';

/** Leveraged tokens vs static margin positions vs spot: one exact path, or the distribution over many. */
export function DecayView() {
  const { holdings } = useMarketHoldings();
  const [tab, setTab] = useState<TabId>('path');
  return (
    <section className="decay-view" aria-labelledby="decay-title" data-testid="decay-view">
      <header className="view-header">
        <h1 id="decay-title">Leveraged-token decay</h1>
        <p className="faint">Rebalancing tokens, static margin positions and spot on the same path — exact on one path, as distributions over thousands.</p>
      </header>
      <Tabs<TabId>
        label="Decay sections"
        testId="decay-tabs"
        value={tab}
        onChange={setTab}
        tabs={[
          { id: 'path', label: 'One path (exact)' },
          { id: 'monte-carlo', label: 'Monte Carlo' },
        ]}
      >
        <div className="dc-panel">
          {tab === 'path' && (holdings ? <PathTab key={holdings.series.length > 0 ? 'stored' : 'none'} series={holdings.series} /> : <p className="faint">Reading the workspace…</p>)}
          {tab === 'monte-carlo' && <McTab />}
        </div>
      </Tabs>
    </section>
  );
}

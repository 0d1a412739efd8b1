/**
 * Shown for a view whose feature has not been built yet. It says so plainly and lists what the
 * view will do, instead of showing made-up numbers.
 */
export function PlannedView({ title, purpose, plan }: { title: string; purpose: string; plan: readonly string[] }) {
  return (
    <section className="planned" aria-labelledby="planned-title" data-testid="planned-view">
      <h1 id="planned-title">{title}</h1>
      <p className="planned-status" role="status">
        Not built yet. This view has no data and does nothing in this version of Levdesk.
      </p>
      <p>{purpose}</p>
      <h2>What it will do</h2>
      <ul>
        {plan.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

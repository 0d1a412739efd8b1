/** What a web page without a working token shows: why, and exactly where a working link comes from. */
export function TokenPage({ reason }: { reason: 'no-token' | 'refused' }) {
  return (
    <div className="token-page" role="alert" data-testid={reason === 'refused' ? 'token-refused' : 'token-missing'}>
      <h1>{reason === 'refused' ? 'This link’s access token is not accepted here' : 'This page needs its access link'}</h1>
      {reason === 'refused' ? (
        <p>
          The Levdesk web host on this port does not accept the token in this link. It serves another data folder, or it was started with{' '}
          <code>--new-token</code>, which retires older links.
        </p>
      ) : (
        <p>The Levdesk web host only answers pages opened from the link it prints, which carries an access token after the #.</p>
      )}
      <p>
        <strong>To get a fresh link</strong>, look at the terminal where the host runs: it printed a line{' '}
        <code>LEVDESK_URL=http://127.0.0.1:PORT/#token=…</code> when it started. Open that URL. If the host is not running, start it with{' '}
        <code>npm run web</code> (add <code>--data-dir</code> for another workspace).
      </p>
      <p>
        The token is kept in <code>web-host.json</code> in the host&apos;s data folder, so a link keeps working across restarts of the same
        workspace; bookmark it.
      </p>
    </div>
  );
}

// The options page: where the GitHub statuses are looked up (the API address, for GitHub Enterprise) and
// with what (an optional token), and how the connection stands, in words.
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionCheck, GitHubServiceState } from '@/lib/messaging/github-connection';
import { validateApiBase, validateToken } from '@/lib/background/settings';
import { DEFAULT_API_BASE } from '@/lib/github/client';
import type { OptionsLink } from './options-link';

const NEW_TOKEN_URL = 'https://github.com/settings/tokens/new?description=Agenda%20Overlay';

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function hostOf(apiBase: string): string {
  try {
    return new URL(apiBase).host;
  } catch {
    return apiBase;
  }
}

function ConnectionState({ state }: { state: GitHubServiceState }) {
  const limit = state.rateLimit?.limit ?? null;
  const blocked = state.rateLimit?.blockedUntil && state.rateLimit.message ? state.rateLimit.message : null;
  return (
    <dl class="facts">
      <dt>Looking up at</dt>
      <dd data-fact="host">{hostOf(state.apiBase)}</dd>
      <dt>How</dt>
      <dd data-fact="mode">
        {state.authenticated
          ? 'With the token: up to 100 references a request, all at once.'
          : 'Without a token: one look-up per reference, for what you are looking at first (GitHub allows 60 an hour).'}
      </dd>
      {limit && (
        <>
          <dt>Quota</dt>
          <dd data-fact="quota">
            {limit.remaining.toLocaleString('en-US')} of {limit.limit.toLocaleString('en-US')} left this hour, renews at{' '}
            {clock(limit.resetAt)}
          </dd>
        </>
      )}
      {blocked && (
        <>
          <dt>Waiting</dt>
          <dd data-fact="rate-limit">{blocked}</dd>
        </>
      )}
      {state.problem && (
        <>
          <dt>Problem</dt>
          <dd data-fact="problem">{state.problem}</dd>
        </>
      )}
      {state.settingsProblem && (
        <>
          <dt>Settings</dt>
          <dd data-fact="settings">{state.settingsProblem}</dd>
        </>
      )}
    </dl>
  );
}

export function OptionsPage({ link }: { link: OptionsLink }) {
  const [apiBase, setApiBase] = useState('');
  const [token, setToken] = useState('');
  const [tokenSaved, setTokenSaved] = useState(false);
  const [apiError, setApiError] = useState<string | null>(null);
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [state, setState] = useState<GitHubServiceState | null>(null);
  const [stateError, setStateError] = useState<string | null>(null);

  async function loadState(): Promise<void> {
    try {
      setState(await link.state());
      setStateError(null);
    } catch (error) {
      setStateError(error instanceof Error ? error.message : String(error));
    }
  }

  useEffect(() => {
    void (async () => {
      const stored = await link.read();
      setApiBase(stored.settings.apiBase === DEFAULT_API_BASE ? '' : stored.settings.apiBase);
      setTokenSaved(stored.settings.token !== null);
      await loadState();
    })();
    link.onNews(() => void loadState());
  }, [link]);

  async function runCheck(): Promise<void> {
    setCheck(null);
    try {
      setCheck(await link.check());
    } catch (error) {
      setCheck({ ok: false, kind: 'offline', message: error instanceof Error ? error.message : String(error) });
    }
    await loadState();
  }

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const base = validateApiBase(apiBase);
    const newToken = validateToken(token);
    setApiError(base.ok ? null : base.message);
    setTokenError(newToken.ok ? null : newToken.message);
    setWarnings(base.ok ? base.warnings : []);
    setSaved(null);
    if (!base.ok || !newToken.ok) return;
    setBusy(true);
    try {
      const current = await link.read();
      // An empty token field keeps the saved token, unless the address moves to another host: a token is
      // for one host, and must not follow the address elsewhere.
      const sameHost = hostOf(current.settings.apiBase) === hostOf(base.apiBase);
      const keep = newToken.token ?? (sameHost ? current.settings.token : null);
      await link.write({ apiBase: base.apiBase, token: keep });
      setToken('');
      setTokenSaved(keep !== null);
      setSaved(current.settings.token && !keep ? 'Saved. The token was removed: it was for another host.' : 'Saved.');
      await runCheck();
    } finally {
      setBusy(false);
    }
  }

  async function removeToken(): Promise<void> {
    setBusy(true);
    try {
      const current = await link.read();
      await link.write({ apiBase: current.settings.apiBase, token: null });
      setTokenSaved(false);
      setToken('');
      setSaved('The token was removed. Look-ups go without one.');
      await runCheck();
    } finally {
      setBusy(false);
    }
  }

  function allowHost(origin: string): void {
    // Straight from the click: the browser asks the user only within a gesture.
    void link.requestHost(origin).then(async (granted) => {
      setSaved(
        granted ? `Allowed to reach ${origin.replace(/\/\*$/, '')}.` : 'Not allowed: look-ups there will keep failing.',
      );
      if (granted) await runCheck();
    });
  }

  const base = hostOf(
    validateApiBase(apiBase).ok ? (validateApiBase(apiBase) as { apiBase: string }).apiBase : DEFAULT_API_BASE,
  );

  return (
    <div class="options">
      <h1>Agenda Overlay</h1>
      <section aria-labelledby="github-heading">
        <h2 id="github-heading">GitHub status</h2>
        <p>
          Beside every pull request and issue an agenda mentions, the overlay shows whether it is open, draft, merged or
          closed. It works without any set-up: without a token GitHub allows 60 look-ups an hour, and they go to what
          you are looking at first. With a token, 5,000 an hour, and a whole agenda is looked up in a few requests.
        </p>
        <form class="settings" onSubmit={(event) => void save(event)} noValidate>
          <label for="api-base">API address</label>
          <input
            id="api-base"
            name="apiBase"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder={DEFAULT_API_BASE}
            value={apiBase}
            aria-invalid={apiError !== null}
            aria-describedby="api-base-hint"
            onInput={(event) => setApiBase(event.currentTarget.value)}
          />
          <p class="hint" id="api-base-hint">
            Leave empty for github.com. For GitHub Enterprise Server: https://your-host/api/v3.
          </p>
          {apiError && (
            <p class="error" role="alert" data-error="api-base">
              {apiError}
            </p>
          )}
          {warnings.map((warning) => (
            <p class="warning" key={warning}>
              {warning}
            </p>
          ))}

          <label for="token">Token</label>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            spellcheck={false}
            placeholder={tokenSaved ? 'A token is saved. Type a new one to replace it.' : 'Optional'}
            value={token}
            aria-invalid={tokenError !== null}
            aria-describedby="token-hint"
            onInput={(event) => setToken(event.currentTarget.value)}
          />
          <p class="hint" id="token-hint">
            A classic token with no scopes is enough for public repositories (
            <a href={NEW_TOKEN_URL} target="_blank" rel="noopener noreferrer">
              create one
            </a>{' '}
            and tick nothing); private ones need the <code>repo</code> scope. It is kept in this browser’s extension
            storage, sent only to {base}, and never to the pages you read.
          </p>
          {tokenError && (
            <p class="error" role="alert" data-error="token">
              {tokenError}
            </p>
          )}

          <div class="actions">
            <button type="submit" disabled={busy}>
              Save and check
            </button>
            {tokenSaved && (
              <button type="button" disabled={busy} onClick={() => void removeToken()}>
                Remove the saved token
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void runCheck()}>
              Check the connection
            </button>
          </div>
          {saved && (
            <p class="saved" role="status">
              {saved}
            </p>
          )}
        </form>

        <section class="connection" aria-labelledby="connection-heading" aria-live="polite">
          <h3 id="connection-heading">Connection</h3>
          {check && (
            <p
              class={check.ok ? 'check check--ok' : 'check check--problem'}
              data-check={check.kind}
              role={check.ok ? 'status' : 'alert'}
            >
              {check.message}
            </p>
          )}
          {check?.kind === 'cors' && check.permissionOrigin && (
            <button type="button" onClick={() => allowHost(check.permissionOrigin!)}>
              Allow the extension to reach {check.permissionOrigin.replace(/^https?:\/\//, '').replace(/\/\*$/, '')}
            </button>
          )}
          {state && <ConnectionState state={state} />}
          {stateError && (
            <p class="error" role="alert">
              {stateError}
            </p>
          )}
        </section>
      </section>
    </div>
  );
}

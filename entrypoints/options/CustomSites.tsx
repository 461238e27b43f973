// The options page's list of sites the user has turned on (a GitHub Enterprise host, a wiki, an intranet page):
// add one by its address, see whether the browser still grants it, remove it. The toolbar button's menu does
// the same for the tab at hand ("Read agendas on this site").
import { useEffect, useState } from 'preact/hooks';
import { thisBrowserWords } from '@/lib/sources/browser-words';
import {
  CUSTOM_SITES_KEY,
  customSiteOrigin,
  customSitesFrom,
  originPattern,
  withSite,
  withoutSite,
} from '@/lib/sources/custom-sites';

export interface SitesLink {
  read(): Promise<string[]>;
  write(sites: string[]): Promise<void>;
  granted(origin: string): Promise<boolean>;
  /** Must be called straight from a click: browsers ask the user only within a gesture. */
  request(origin: string): Promise<boolean>;
  release(origin: string): Promise<void>;
  onChange(listener: () => void): () => void;
}

export function browserSitesLink(): SitesLink {
  return {
    read: async () => customSitesFrom((await browser.storage.local.get(CUSTOM_SITES_KEY))[CUSTOM_SITES_KEY]),
    write: (sites) => browser.storage.local.set({ [CUSTOM_SITES_KEY]: sites }),
    granted: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
    request: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
    // The browser refuses to take back access it gave at install; the site is off all the same.
    release: (origin) =>
      browser.permissions.remove({ origins: [originPattern(origin)] }).then(
        () => undefined,
        () => undefined,
      ),
    onChange(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string): void => {
        if (area === 'local' && CUSTOM_SITES_KEY in changes) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

interface SiteRow {
  origin: string;
  granted: boolean;
}

export function CustomSites({ link }: { link: SitesLink }) {
  const [sites, setSites] = useState<SiteRow[] | null>(null);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const reload = async (): Promise<void> => {
    const origins = await link.read();
    setSites(await Promise.all(origins.map(async (origin) => ({ origin, granted: await link.granted(origin) }))));
  };
  useEffect(() => {
    void reload();
    return link.onChange(() => void reload());
  }, [link]);

  const add = async (event: Event): Promise<void> => {
    event.preventDefault();
    const origin = customSiteOrigin(address);
    if (!origin) {
      setMessage(
        `“${address.trim()}” is not a site to add: give an http(s) address such as https://wiki.example.com. Google Docs and GitHub are read already.`,
      );
      return;
    }
    // Asked first, within the click: the browser only shows its prompt during a user action.
    const allowed = await link.request(origin).catch(() => false);
    if (!allowed) {
      setMessage(`The browser did not give access to ${origin}, so it was not added.`);
      return;
    }
    await link.write(
      withSite(
        (sites ?? []).map((s) => s.origin),
        origin,
      ),
    );
    setAddress('');
    setMessage(`Added ${origin}. Reload its pages to read their agendas.`);
    await reload();
  };

  const remove = async (origin: string): Promise<void> => {
    await link.write(
      withoutSite(
        (sites ?? []).map((s) => s.origin),
        origin,
      ),
    );
    await link.release(origin);
    setMessage(`Removed ${origin}: its pages are no longer read.`);
    await reload();
  };

  return (
    <div class="options">
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Other sites</h2>
        <p>
          The overlay reads agendas on Google Docs and GitHub. To read them on another site built the same way (a GitHub
          Enterprise host, a wiki, an intranet page: date headings followed by bullets), add it here, or right-click the
          toolbar button on one of its pages and choose “Read agendas on this site”. The browser asks you to allow the
          site; nothing is read there before that, and nothing read there leaves the browser. The access you gave is
          listed in <span data-hint="site-access-place">{thisBrowserWords().siteAccessPlace}</span>.
        </p>
        <ul class="site-list" aria-label="Sites turned on">
          {sites?.length === 0 && <li class="site-list__empty">None yet.</li>}
          {sites?.map((site) => (
            <li key={site.origin} data-site={site.origin}>
              <span class="site-list__origin">{site.origin}</span>
              {!site.granted && (
                <span class="site-list__warning">
                  {' '}
                  — access was taken back in the browser ({thisBrowserWords().siteAccessPlace}); add it again to read it
                </span>
              )}
              <button type="button" onClick={() => void remove(site.origin)} aria-label={`Remove ${site.origin}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <form class="site-add" onSubmit={(event) => void add(event)}>
          <label for="site-address">Add a site</label>
          <input
            id="site-address"
            type="text"
            inputMode="url"
            placeholder="https://wiki.example.com"
            value={address}
            onInput={(event) => setAddress((event.target as HTMLInputElement).value)}
          />
          <button type="submit">Add</button>
        </form>
        {message && (
          <p class="check" role="status" data-sites-message>
            {message}
          </p>
        )}
      </section>
    </div>
  );
}

// Beside a tab the overlay cannot read: why, and what to do — open an agenda, turn reading on for this site,
// or reload a page that was open before the extension was installed.
import { useEffect, useState } from 'preact/hooks';
import { AGENDAS_TO_TRY } from '@/lib/sources/agendas-to-try';
import { tabSite, turnOnSite } from '@/lib/panel/tab-site';
import { thisBrowserWords } from '@/lib/sources/browser-words';
import { PanelMessage } from './PanelMessage';

export function UnreadablePage({ tabId }: { tabId: number | null }) {
  const [site, setSite] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    if (tabId !== null) void tabSite(tabId).then(setSite);
  }, [tabId]);
  const words = thisBrowserWords();
  const turnOn = (): void => {
    if (tabId === null || !site) return;
    void turnOnSite(tabId, site).then((ok) => setRefused(!ok));
  };
  return (
    <PanelMessage title="This page can't be read" tone="warning">
      <p>
        The overlay reads agendas on Google Docs (the editor, published pages, <code>/mobilebasic</code>, exports) and
        GitHub Markdown files. If this page was open before the extension was installed, reload it.
      </p>
      <p class="unreadable__heading">Open an agenda</p>
      <ul class="unreadable__links">
        {AGENDAS_TO_TRY.map((agenda) => (
          <li key={agenda.href}>
            <a href={agenda.href} target="_blank" rel="noopener noreferrer">
              {agenda.title}
            </a>
          </li>
        ))}
      </ul>
      <p class="unreadable__heading">Or read agendas on this site</p>
      {site ? (
        <p>
          <button type="button" class="button" onClick={turnOn} data-action="turn-on-site">
            Read agendas on {new URL(site).host}
          </button>
          {refused && <span role="alert"> The browser did not give access, so nothing changed.</span>}
          <span class="unreadable__hint" data-hint="site-ask">
            {' '}
            {words.siteAsk}
          </span>
        </p>
      ) : (
        <p data-hint="site-unknown">
          {words.siteUnknown}{' '}
          <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            Options
          </button>
          .
        </p>
      )}
    </PanelMessage>
  );
}

// The options page's word on the Google Docs editor: why the extension asks for docs.google.com and
// googleusercontent.com, whether it has them, and a way to give or take them back.
import { useEffect, useState } from 'preact/hooks';
import { exportPermissionOrigins, GOOGLE_HOSTS } from '@/lib/sources/google-hosts';

export interface DocsAccessLink {
  has(origins: string[]): Promise<boolean>;
  /** Must be called straight from a click: browsers ask the user only within a gesture. */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
}

export function browserDocsAccessLink(): DocsAccessLink {
  return {
    has: (origins) => browser.permissions.contains({ origins }),
    request: (origins) => browser.permissions.request({ origins }),
    remove: (origins) => browser.permissions.remove({ origins }),
  };
}

const ORIGINS = exportPermissionOrigins(GOOGLE_HOSTS);

export function GoogleDocsAccess({ link }: { link: DocsAccessLink }) {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    void link.has(ORIGINS).then(setAllowed, () => setAllowed(false));
  }, [link]);
  return (
    <div class="options">
      <section aria-labelledby="docs-heading">
        <h2 id="docs-heading">Google Docs editor</h2>
        <p>
          The Docs editor draws the document on a canvas, which no extension can read. To index it, the overlay
          downloads the document’s HTML export (what File › Download › Web page gives you) with your Google sign-in:
          when you open the document, every few minutes while its tab is visible (less often while nothing changes), a
          few seconds after an edit, and when you press Refresh in the panel, never two at a time, and not at all while
          Google asks to slow down. Google serves the download from googleusercontent.com, so the extension needs access
          to docs.google.com and googleusercontent.com. What it downloads stays in the tab and the panel; nothing is
          sent anywhere else.
        </p>
        <p>
          Published pages (<code>/pub</code>) and <code>/mobilebasic</code> need none of this: they are read from the
          page itself.
        </p>
        <p
          class="check"
          data-docs-access={allowed === null ? 'unknown' : allowed ? 'allowed' : 'not-allowed'}
          role="status"
        >
          {allowed === null
            ? 'Checking…'
            : allowed
              ? 'Allowed: the index works in the Docs editor.'
              : 'Not allowed yet. The panel asks the first time you open the index beside a document in the editor, or allow it here.'}
        </p>
        <div class="actions">
          {allowed === false && (
            <button type="button" onClick={() => void link.request(ORIGINS).then(setAllowed)}>
              Allow reading Google Docs
            </button>
          )}
          {allowed && (
            <button type="button" onClick={() => void link.remove(ORIGINS).then((removed) => setAllowed(!removed))}>
              Take the access back
            </button>
          )}
        </div>
      </section>
    </div>
  );
}

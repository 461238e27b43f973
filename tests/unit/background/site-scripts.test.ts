import { describe, expect, it } from 'vitest';
import { extensionRelativePath } from '../../../lib/background/site-scripts';

describe('the agenda script registered for a site turned on', () => {
  it('is given relative to the extension root, as registerContentScripts takes it', () => {
    // Chrome's getManifest() gives the manifest's own relative path.
    expect(extensionRelativePath('content-scripts/agenda.js', 'chrome-extension://abc/')).toBe(
      'content-scripts/agenda.js',
    );
    // Firefox's gives a whole moz-extension:// address, which registerContentScripts refuses.
    expect(
      extensionRelativePath('moz-extension://6d1b7c3e/content-scripts/agenda.js', 'moz-extension://6d1b7c3e/'),
    ).toBe('content-scripts/agenda.js');
    expect(extensionRelativePath('/content-scripts/agenda.js', 'moz-extension://6d1b7c3e')).toBe(
      'content-scripts/agenda.js',
    );
  });
});

// Sites the user turns on beyond the agenda sites every build reads: a GitHub Enterprise host, a wiki, an intranet
// page built the same way. Stored as origins (`https://wiki.example.com`) in `storage.local`; each is read once the
// browser has granted its host permission. Pure helpers shared by the background, the options page and the panel.
import { AGENDA_SITE_MATCHES } from './build-modes';

export const CUSTOM_SITES_KEY = 'sites.custom';

/**
 * The origin a user means by `input` (an address, or a bare host name), if it is a site to read: http(s) only,
 * and not a site every build reads already. Null for anything else.
 */
export function customSiteOrigin(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname || url.username || url.password) return null;
  if (AGENDA_SITE_MATCHES.some((pattern) => pattern.startsWith(`${url.origin}/`))) return null;
  return url.origin;
}

/** The host-permission pattern that grants `origin`: ports are not part of match patterns. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The stored list, cleaned: origins only, each once, in the order added. */
export function customSitesFrom(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  const origins = stored.filter((entry): entry is string => typeof entry === 'string').map(customSiteOrigin);
  return [...new Set(origins.filter((origin): origin is string => origin !== null))];
}

export function withSite(sites: readonly string[], origin: string): string[] {
  return sites.includes(origin) ? [...sites] : [...sites, origin];
}

export function withoutSite(sites: readonly string[], origin: string): string[] {
  return sites.filter((site) => site !== origin);
}

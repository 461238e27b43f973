// The GitHub status library: what the background imports. No browser-extension APIs in here: the
// background passes fetch, the token and the cache; the panel only ever sees `RefReport`s.
export { createGitHubClient, graphqlUrlFor, normalizeApiBase, DEFAULT_API_BASE } from './client';
export type { GitHubClient, GitHubClientOptions, GitHubClientEvent, LookupOptions, RateLimitReport } from './client';
export { openStatusCache, createMemoryStatusCache, DEFAULT_FRESHNESS, CACHE_DB_NAME } from './cache';
export type { StatusCache, Freshness, CachedRef } from './cache';
export { parseRef, formatRef, canonicalRef } from './refs';
export type { RefParts } from './refs';
export { isFailure, isSettled, statusKey, STATE_LABELS } from './status';
export type { RefKind, RefState, RefStatus, RefFailure, RefLookup, RefReport, FailureKind } from './status';
export { failureMessage, waitInWords } from './errors';
export type { RateLimit } from './rate-limit';
export type { FetchLike } from './http';

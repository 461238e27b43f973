// Failures of the private data layer, in words a user can act on. A save never fails silently:
// it rejects with a StoreError, and the caller keeps the text that was not saved.

export type StoreErrorKind =
  /** The browser has no room left for the extension's data. */
  | 'quota'
  /** The connection was closed: the extension was updated or reloaded, or the browser shut it. */
  | 'closed'
  /** Saved data was written by a newer version of the extension. */
  | 'version'
  /** IndexedDB is not available here (private window, blocked site data). */
  | 'unavailable'
  /** An import file was refused; nothing was changed. */
  | 'import'
  /** The record is gone: another window deleted it. */
  | 'not-found'
  /** The input cannot be stored as given (an empty follow, a reference that is not one). */
  | 'invalid'
  /** Anything else the browser reported. */
  | 'failed';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Turns whatever IndexedDB threw into a StoreError whose message says what happened and what to do.
 * `action` completes "Could not …": 'save this note', 'export your data'.
 */
export function toStoreError(error: unknown, action: string): StoreError {
  if (error instanceof StoreError) return error;
  const name = errorName(error);
  const could = `Could not ${action}`;
  const cause = { cause: error };
  switch (name) {
    case 'QuotaExceededError':
    case 'NS_ERROR_DOM_QUOTA_REACHED':
      return new StoreError(
        'quota',
        `${could}: the browser has no storage space left for this extension. Free some disk space, or export ` +
          'your notes and delete ones you no longer need, then try again.',
        cause,
      );
    case 'InvalidStateError':
    case 'TransactionInactiveError':
      return new StoreError(
        'closed',
        `${could}: the connection to your saved notes was closed, most likely because the extension was updated ` +
          'or reloaded. Close this panel and open it again, then retry.',
        cause,
      );
    case 'VersionError':
      return new StoreError(
        'version',
        `${could}: your saved notes were written by a newer version of this extension. Update the extension ` +
          'and try again.',
        cause,
      );
    case 'SecurityError':
      return new StoreError(
        'unavailable',
        `${could}: this browser profile does not let the extension keep data (a private window, or site data ` +
          'blocked in the browser settings).',
        cause,
      );
    case 'AbortError':
      return new StoreError(
        'failed',
        `${could}: the browser cancelled the write before it finished. Try again.`,
        cause,
      );
    case 'UnknownError':
    case 'NotReadableError':
      return new StoreError(
        'failed',
        `${could}: the browser's storage reported a failure (a disk error or a damaged profile). Try again; ` +
          'if it keeps happening, restart the browser.',
        cause,
      );
    case 'DataError':
    case 'DataCloneError':
    case 'ConstraintError':
    case 'NotFoundError':
      return new StoreError(
        'failed',
        `${could}: the saved data did not have the shape this version expects (${name}). Please report this.`,
        cause,
      );
    default: {
      const detail = error instanceof Error && error.message ? error.message : String(error);
      return new StoreError('failed', `${could}: ${detail}`, cause);
    }
  }
}

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    // Old Safari and Firefox report quota as code 22 / 1014 with other names.
    const code = 'code' in error ? error.code : undefined;
    if (code === 22 || code === 1014) return 'QuotaExceededError';
    return error.name;
  }
  return '';
}

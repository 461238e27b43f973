// GitHub references in their canonical `owner/repo#123` form: parse once, at the edge, so that nothing
// built from a reference (a REST path, a GraphQL string) ever sees text that was not checked.

export interface RefParts {
  owner: string;
  repo: string;
  number: number;
}

// GitHub's own limits: owners are 1–39 letters, digits and inner hyphens; repositories 1–100 of
// letters, digits, `.`, `_`, `-`. Numbers are positive; nine digits is far beyond any real repository.
const REF = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})#0*([1-9][0-9]{0,8})$/;

/** The parts of `owner/repo#123`, or null when it is not a well-formed reference. */
export function parseRef(ref: string): RefParts | null {
  const match = REF.exec(ref.trim());
  if (!match?.[1] || !match[2] || !match[3]) return null;
  // `.` and `..` would walk up a REST path (`/repos/o/../issues/1`); GitHub allows neither.
  if (/^\.+$/.test(match[2])) return null;
  return { owner: match[1], repo: match[2], number: Number(match[3]) };
}

/** One spelling per reference: GitHub owners and repositories are case-insensitive. */
export function formatRef(parts: RefParts): string {
  return `${parts.owner.toLowerCase()}/${parts.repo.toLowerCase()}#${parts.number}`;
}

/** The canonical spelling of a reference, or null when it is not one. */
export function canonicalRef(ref: string): string | null {
  const parts = parseRef(ref);
  return parts ? formatRef(parts) : null;
}

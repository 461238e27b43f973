// Real agendas made to look like a live document that never writes its year: the years are taken out of the
// headings and out of the text, and the meetings can be put oldest first. Used by the unit and end-to-end tests
// of year inference; the answers they are checked against come from parsing the same document with its years.

const HEADING = /^#{1,6}\s/;

/**
 * `markdown` without `years`: in headings the year goes with the comma or space before it ("December 11, 2019,
 * 11a" → "December 11, 11a"); a heading that held only a year ("# 2019") is dropped; in the rest of the text
 * (with `text: true`) every mention goes, links included ("since 2019-01-01" → "since -01-01").
 */
export function withoutYears(markdown: string, years: readonly number[], options: { text?: boolean } = {}): string {
  const text = options.text ?? true;
  const alternatives = years.join('|');
  const inHeading = new RegExp(`,?\\s?(?<!\\d)(?:${alternatives})(?!\\d)`, 'g');
  const anywhere = new RegExp(`(?<!\\d)(?:${alternatives})(?!\\d)`, 'g');
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (HEADING.test(line)) {
      const stripped = line.replace(inHeading, '');
      if (/^#{1,6}\s*$/.test(stripped)) continue;
      out.push(stripped);
      continue;
    }
    out.push(text ? line.replace(anywhere, '') : line);
  }
  return out.join('\n');
}

/**
 * The same document with its meetings in the opposite order: the text before the first line starting with
 * `prefix` stays first, then each meeting (from its heading to the next) in reverse.
 */
export function reversedMeetings(markdown: string, prefix = '## '): string {
  const lines = markdown.split('\n');
  const preamble: string[] = [];
  const meetings: string[][] = [];
  for (const line of lines) {
    if (line.startsWith(prefix)) meetings.push([line]);
    else if (meetings.length === 0) preamble.push(line);
    else (meetings[meetings.length - 1] as string[]).push(line);
  }
  return [...preamble, ...meetings.reverse().flat()].join('\n');
}

/** Replaces the first heading line that starts with `from` by `to`, and fails loudly when there is none. */
export function renamedHeading(markdown: string, from: string, to: string): string {
  const lines = markdown.split('\n');
  const index = lines.findIndex((line) => line.startsWith(from));
  if (index < 0) throw new Error(`no heading starting "${from}"`);
  lines[index] = to + (lines[index] as string).slice(from.length);
  return lines.join('\n');
}

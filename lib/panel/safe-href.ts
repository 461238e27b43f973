// Only http(s) links from the page ever become clickable in the panel.
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  // Rows ask on every render (each keystroke), and parsing a URL is not cheap: remember the answers.
  const known = ANSWERS.get(href);
  if (known !== undefined) return known;
  if (ANSWERS.size >= MAX_ANSWERS) ANSWERS.clear();
  const answer = check(href);
  ANSWERS.set(href, answer);
  return answer;
}

const ANSWERS = new Map<string, string | null>();
const MAX_ANSWERS = 20_000;

function check(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

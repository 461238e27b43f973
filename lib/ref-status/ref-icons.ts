// The status icons, drawn for this extension in the manner of GitHub's octicons, as plain data: the page's
// badges build them with `createElementNS`, the panel's components with JSX. Each state has its own shape,
// so that colour is never the only difference (colour-blind readers tell merged from closed by the shape).

export type IconName =
  | 'pr-open'
  | 'pr-draft'
  | 'pr-merged'
  | 'pr-closed'
  | 'issue-open'
  | 'issue-completed'
  | 'issue-not-planned'
  | 'pending'
  | 'not-found'
  | 'failure'
  | 'unknown';

/** GitHub's colour roles: open green, merged purple, closed red, draft and not-planned grey. */
export type Tone = 'open' | 'merged' | 'closed' | 'neutral' | 'attention';

export interface IconShape {
  tag: 'path' | 'circle';
  attrs: Readonly<Record<string, string>>;
}

/** Drawn in a 16×16 box with a 1.5 stroke in `currentColor`; `fill` marks the solid dots. */
export const ICON_VIEWBOX = '0 0 16 16';
export const ICON_STROKE: Readonly<Record<string, string>> = {
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': '1.5',
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
};

const ring = (r = '6.25'): IconShape => ({ tag: 'circle', attrs: { cx: '8', cy: '8', r } });
const dot = (cx: string, cy: string, r = '0.9'): IconShape => ({
  tag: 'circle',
  attrs: { cx, cy, r, fill: 'currentColor', stroke: 'none' },
});
const circle = (cx: string, cy: string): IconShape => ({ tag: 'circle', attrs: { cx, cy, r: '1.75' } });
const path = (d: string, extra: Record<string, string> = {}): IconShape => ({ tag: 'path', attrs: { d, ...extra } });

/** The left branch every pull request icon shares: a commit, a line, a commit. */
const PR_BASE: readonly IconShape[] = [circle('4', '3.5'), path('M4 5.25V10.75'), circle('4', '12.5')];
const DASHED = { 'stroke-dasharray': '2.4 2.3' };

export const ICONS: Readonly<Record<IconName, readonly IconShape[]>> = {
  // A branch coming back to the base, with an arrow into it.
  'pr-open': [
    ...PR_BASE,
    circle('12', '12.5'),
    path('M12 10.75V6.5A2.5 2.5 0 0 0 9.5 4H7'),
    path('M8.75 2.25 7 4l1.75 1.75'),
  ],
  // The branch not yet drawn through: dots where the line will be.
  'pr-draft': [...PR_BASE, circle('12', '12.5'), dot('12', '8'), dot('12', '4.25')],
  // Two lines joining.
  'pr-merged': [
    circle('4', '3.5'),
    path('M4 5.25V10.75'),
    circle('4', '12.5'),
    circle('12', '9'),
    path('M4 5.25C4 7.5 6 9 10.25 9'),
  ],
  // The branch crossed out.
  'pr-closed': [...PR_BASE, circle('12', '12.5'), path('M12 10.75V8'), path('m10.25 2.5 3.5 3.5m0-3.5-3.5 3.5')],
  'issue-open': [ring(), dot('8', '8', '1.5')],
  'issue-completed': [ring(), path('m5.25 8.25 1.85 1.85 3.65-3.85')],
  'issue-not-planned': [ring(), path('M3.6 12.4 12.4 3.6')],
  pending: [{ tag: 'circle', attrs: { cx: '8', cy: '8', r: '6.25', ...DASHED } }],
  'not-found': [
    { tag: 'circle', attrs: { cx: '8', cy: '8', r: '6.25', ...DASHED } },
    path('M6.1 6.2a1.9 1.9 0 1 1 2.5 1.8c-.4.2-.6.5-.6 1v.4'),
    dot('8', '11.4', '0.85'),
  ],
  failure: [path('M8 1.75 14.75 13.75H1.25Z'), path('M8 6v3.25'), dot('8', '11.6', '0.85')],
  unknown: [{ tag: 'circle', attrs: { cx: '8', cy: '8', r: '6.25', ...DASHED } }],
};

/** GitHub's own colours (Primer), light and dark. */
export const TONE_COLOURS: Readonly<Record<Tone, { light: string; dark: string }>> = {
  open: { light: '#1a7f37', dark: '#3fb950' },
  merged: { light: '#8250df', dark: '#ab7df8' },
  closed: { light: '#d1242f', dark: '#f85149' },
  neutral: { light: '#59636e', dark: '#9198a1' },
  attention: { light: '#9a6700', dark: '#d29922' },
};

// The active row in full, below the list: the whole text, its links (opened in a new tab), people and references.
import type { Item, Meeting } from '@/lib/agenda/model';
import { formatMeetingDate, plural } from '@/lib/panel/format';
import type { PanelState } from '@/lib/panel/state';
import { safeHref } from '@/lib/panel/safe-href';
import { meetingWhen } from './MeetingRow';

export function ItemDetail({ state }: { state: PanelState }) {
  const row = state.index.activeRow();
  if (!row || row.kind === 'section') return null;
  return (
    <section class="detail" aria-label="Details" aria-live="polite">
      {row.kind === 'meeting' ? <MeetingDetail meeting={row.meeting} /> : <ItemFacts item={row.item} />}
    </section>
  );
}

function MeetingDetail({ meeting }: { meeting: Meeting }) {
  const recording = safeHref(meeting.recording);
  return (
    <>
      <p class="detail__text">
        <strong>{formatMeetingDate(meeting.date)}</strong> · {meetingWhen(meeting)}
      </p>
      <p class="detail__meta">
        {meeting.sections
          .filter((s) => s.title)
          .map((s) => `${s.title} (${s.items.length})`)
          .join(' · ') || plural(meeting.itemCount, 'item')}
      </p>
      {recording && (
        <a class="detail__link" href={recording} target="_blank" rel="noopener noreferrer">
          ▶ Recording
        </a>
      )}
    </>
  );
}

function ItemFacts({ item }: { item: Item }) {
  const links = item.links.flatMap((link) => {
    const href = safeHref(link.href);
    return href ? [{ href, text: link.text || href }] : [];
  });
  return (
    <>
      <p class={`detail__text${item.struck ? ' item--struck' : ''}`}>{item.text}</p>
      {(item.people.length > 0 || item.refs.length > 0) && (
        <p class="detail__meta">
          {item.people.map((person) => (
            <span key={person} class="chip chip--person">
              @{person}
            </span>
          ))}
          {item.refs.map((ref) => (
            <span key={ref} class="chip chip--ref">
              {ref}
            </span>
          ))}
        </p>
      )}
      {links.length > 0 && (
        <ul class="detail__links">
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href} target="_blank" rel="noopener noreferrer" title={link.href}>
                {link.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

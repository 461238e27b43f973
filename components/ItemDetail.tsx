// The active row in full, below the list: the whole text, its links (opened in a new tab), people and references.
import type { Item, Meeting } from '@/lib/agenda/model';
import { plural } from '@/lib/panel/format';
import type { PanelState } from '@/lib/panel/state';
import { safeHref } from '@/lib/panel/safe-href';
import { refsOfMeeting, summarise, type GitHubStatus } from '@/lib/panel/github-status';
import { MeetingDate } from './MeetingDate';
import { meetingWhen } from './MeetingRow';
import { RefBadge } from './RefBadge';
import { StatusSummary } from './StatusSummary';
import { FollowButton } from './FollowButton';
import { Notes } from './NoteEditor';
import type { PrivateState } from '@/lib/panel/private-state';
import { meetingAddress } from '@/lib/panel/meeting-link';
import { CopyLinkButton } from './CopyLinkButton';

// The pane keeps its place and size whatever is selected (nothing, a section, a long item): were it to appear or
// grow on a selection, the list above would shrink under the pointer that made it.
export function ItemDetail({ state }: { state: PanelState }) {
  const row = state.index.activeRow();
  if (!row || row.kind === 'section') {
    return (
      <section class="detail detail--empty" aria-label="Details">
        <p class="detail__hint">Select a meeting or an item to see it in full here.</p>
      </section>
    );
  }
  const mine = state.private;
  const key = row.kind === 'meeting' ? row.meeting.key : row.item.key;
  const novelty = mine?.novelty.value?.[row.kind === 'meeting' ? 'meetings' : 'items'].get(key);
  const agenda = state.agenda.value;
  const meeting = row.kind === 'meeting' ? row.meeting : agenda?.meetings.find((m) => m.key === row.meetingKey);
  const address = agenda && meeting ? meetingAddress(agenda, meeting) : null;
  return (
    <section class="detail" aria-label="Details">
      {novelty && (
        <span class={`tag tag--${novelty}`}>{novelty === 'new' ? 'New' : 'Changed'} since your last visit</span>
      )}
      {row.kind === 'meeting' ? (
        <MeetingDetail meeting={row.meeting} github={state.github} />
      ) : (
        <ItemFacts item={row.item} github={state.github} mine={mine} />
      )}
      {address && (
        <CopyLinkButton
          key={address}
          address={address}
          label={row.kind === 'meeting' ? 'Copy a link to this meeting' : "Copy a link to this item's meeting"}
        />
      )}
      {mine?.ready.value && <Notes key={key} state={mine} targetKey={key} />}
    </section>
  );
}

function MeetingDetail({ meeting, github }: { meeting: Meeting; github: GitHubStatus | null }) {
  const recording = safeHref(meeting.recording);
  const refs = refsOfMeeting(meeting);
  return (
    <>
      <p class="detail__text">
        <strong>
          <MeetingDate meeting={meeting} />
        </strong>{' '}
        · {meetingWhen(meeting)}
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
      {github && refs.length > 0 && (
        <StatusSummary summary={summarise(github.reports.value, refs)} scope="in this meeting" />
      )}
    </>
  );
}

function ItemFacts({ item, github, mine }: { item: Item; github: GitHubStatus | null; mine: PrivateState | null }) {
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
          {item.refs.map((ref) =>
            github ? (
              <RefBadge key={ref} reference={ref} report={github.reports.value.get(ref)} showRef />
            ) : (
              <span key={ref} class="chip chip--ref">
                {ref}
              </span>
            ),
          )}
        </p>
      )}
      {mine?.ready.value && (item.refs.length > 0 || item.people.length > 0) && (
        <p class="detail__follow" role="group" aria-label="Follow across meetings">
          {item.refs.map((ref) => (
            <FollowButton key={ref} state={mine} kind="ref" value={ref} label={ref} />
          ))}
          {item.people.map((person) => (
            <FollowButton key={person} state={mine} kind="person" value={person} label={`@${person}`} />
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

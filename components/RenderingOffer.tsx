// Another page with this agenda's meetings, where the user keeps notes: shown here only if the user says it is the
// same document. A page that copies an agenda must not be shown the notes, nor be given marks on the items
// annotated, merely for copying it.
import { plural } from '@/lib/panel/format';
import type { RenderingOffer as Offer } from '@/lib/panel/private-state';
import type { RenderingDecision } from '@/lib/panel/rendering-links';

/** The other agenda's address as a person reads it (its id is an address; shown as text, never as a link). */
function placeOf(agendaId: string): string {
  try {
    const url = new URL(agendaId);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return agendaId;
  }
}

function kept(offer: Offer): string {
  const parts = [
    offer.notes > 0 ? plural(offer.notes, 'note') : '',
    offer.follows > 0 ? plural(offer.follows, 'follow') : '',
    offer.ticks > 0 ? plural(offer.ticks, 'ticked action item', 'ticked action items') : '',
  ].filter(Boolean);
  return parts.join(', ');
}

interface Props {
  offers: readonly Offer[];
  onAnswer(agendaId: string, decision: RenderingDecision): void;
}

export function RenderingOffers({ offers, onAnswer }: Props) {
  return (
    <>
      {offers.map((offer) => (
        <div class="rendering-offer" role="group" aria-label="Notes from another page" key={offer.agendaId}>
          <p>
            This page shares {plural(offer.shared, 'item')} with{' '}
            <span class="rendering-offer__place">{placeOf(offer.agendaId)}</span>, where you keep {kept(offer)}. Is it
            the same document? Only then show them here and mark their items on this page: a page that copies an agenda
            would see which items you annotated.
          </p>
          <button type="button" onClick={() => onAnswer(offer.agendaId, 'same')}>
            Same document: show them here
          </button>{' '}
          <button type="button" onClick={() => onAnswer(offer.agendaId, 'apart')}>
            Keep them apart
          </button>
        </div>
      ))}
    </>
  );
}

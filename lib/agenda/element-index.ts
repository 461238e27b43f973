// Where each meeting and item a parse found is in the page, by key: what to scroll to and what to mark. Kept
// by meeting: a map of the meetings, each with its items' keys and elements side by side, searched when asked.
// A page of 100,000 items then makes no 100,000-entry map (hashing every key) on each parse.

/** A meeting's heading, and its items' keys and elements in document order. */
export interface MeetingPlaces {
  element: Element;
  itemKeys: string[];
  itemElements: Element[];
}

export class ElementIndex implements Iterable<[string, Element]> {
  private readonly meetings = new Map<string, MeetingPlaces>();

  /** Adds a meeting at `element`; its items go into the record returned. */
  addMeeting(key: string, element: Element): MeetingPlaces {
    const places: MeetingPlaces = { element, itemKeys: [], itemElements: [] };
    this.meetings.set(key, places);
    return places;
  }

  /** The element of a meeting key, or of an item key (`<meeting>/<section>/<hash>`). */
  get(key: string): Element | undefined {
    const slash = key.indexOf('/');
    if (slash < 0) return this.meetings.get(key)?.element;
    const places = this.meetings.get(key.slice(0, slash));
    if (!places) return undefined;
    const at = places.itemKeys.indexOf(key);
    return at < 0 ? undefined : places.itemElements[at];
  }

  /** Forgets a meeting with its items. */
  deleteMeeting(key: string): void {
    this.meetings.delete(key);
  }

  /** Takes in every meeting of `other` (a re-read stretch of the page). */
  addAll(other: ElementIndex): void {
    for (const [key, places] of other.meetings) this.meetings.set(key, places);
  }

  /** Every key and its element, each meeting's before its items'. */
  *[Symbol.iterator](): Iterator<[string, Element]> {
    for (const [key, places] of this.meetings) {
      yield [key, places.element];
      for (let i = 0; i < places.itemKeys.length; i++) {
        yield [places.itemKeys[i] as string, places.itemElements[i] as Element];
      }
    }
  }
}

import { describe, expect, it } from 'vitest';
import { isPanelRequest } from '../../../lib/messaging/protocol';

describe('isPanelRequest', () => {
  it.each([
    [{ type: 'agenda/get' }, true],
    [{ type: 'agenda/jump', key: '2018-12-12' }, true],
    [{ type: 'agenda/jump' }, false],
    [{ type: 'agenda/marks', marks: { agendaId: 'a', notes: ['2018-12-12'], follows: [] } }, true],
    [{ type: 'agenda/marks', marks: { agendaId: 'a', notes: [1], follows: [] } }, false],
    [{ type: 'agenda/marks', marks: { notes: [], follows: [] } }, false],
    [{ type: 'agenda/marks' }, false],
    [{ type: 'other' }, false],
    [null, false],
  ])('%j → %s', (message, expected) => {
    expect(isPanelRequest(message)).toBe(expected);
  });
});

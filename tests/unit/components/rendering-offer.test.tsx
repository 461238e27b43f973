// @vitest-environment happy-dom
// The question the panel asks before it shows notes kept on another page with the same meetings: where they are,
// what is there, why it asks; the page's address is text, never markup or a link.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { RenderingOffers } from '@/components/RenderingOffer';
import { freshRoot } from '../../support/render-root';

let root: HTMLElement;
freshRoot((element) => {
  root = element;
});

describe('RenderingOffers', () => {
  it('says where the notes are and what they are, and passes the answer on', () => {
    const onAnswer = vi.fn();
    const offer = {
      agendaId: 'https://docs.google.com/document/d/1AbCdEfGhIjK',
      shared: 120,
      notes: 2,
      follows: 1,
      ticks: 0,
    };
    render(<RenderingOffers offers={[offer]} onAnswer={onAnswer} />, root);
    const text = root.querySelector('.rendering-offer p')!.textContent!.replace(/\s+/g, ' ');
    expect(text).toBe(
      'This page shares 120 items with docs.google.com/document/d/1AbCdEfGhIjK, where you keep 2 notes, 1 follow. Is it ' +
        'the same document? Only then show them here and mark their items on this page: a page that copies an agenda ' +
        'would see which items you annotated.',
    );
    const [same, apart] = [...root.querySelectorAll('button')];
    same!.click();
    apart!.click();
    expect(onAnswer.mock.calls).toEqual([
      [offer.agendaId, 'same'],
      [offer.agendaId, 'apart'],
    ]);
  });

  it('writes an address with markup in it as text', () => {
    const agendaId = 'http://127.0.0.1:8080/<img src=x onerror=alert(1)>';
    render(
      <RenderingOffers offers={[{ agendaId, shared: 5, notes: 1, follows: 0, ticks: 0 }]} onAnswer={() => undefined} />,
      root,
    );
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('.rendering-offer__place')!.textContent).toBe(
      '127.0.0.1:8080/%3Cimg%20src=x%20onerror=alert(1)%3E',
    );
  });
});

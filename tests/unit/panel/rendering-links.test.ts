// Where the user's answer "same document" or "keep apart" is kept: for the pair either way round, and nothing
// linked when what is stored cannot be read.
import { describe, expect, it } from 'vitest';
import { RENDERING_LINKS_KEY, storedRenderingLinks } from '@/lib/panel/rendering-links';

describe('storedRenderingLinks', () => {
  it('keeps each answer for the pair, either way round, and reads it back', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
    };
    const links = storedRenderingLinks(storage);
    links.decide('https://a.example/x', 'https://b.example/y', 'same');
    links.decide('https://c.example/z', 'https://a.example/x', 'apart');
    const again = storedRenderingLinks(storage);
    expect(again.decision('https://b.example/y', 'https://a.example/x')).toBe('same');
    expect(again.decision('https://a.example/x', 'https://c.example/z')).toBe('apart');
    expect(again.decision('https://a.example/x', 'https://d.example/w')).toBeNull();
  });

  it('links nothing when what is stored cannot be read', () => {
    for (const raw of ['not json', '[["a","b"]]', JSON.stringify({ 'a\nb': 'yes', ab: 'same' })]) {
      const links = storedRenderingLinks({
        getItem: (key) => (key === RENDERING_LINKS_KEY ? raw : null),
        setItem: () => undefined,
      });
      expect(links.decision('a', 'b')).toBeNull();
    }
  });
});

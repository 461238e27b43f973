// After the next painted frame, or, where frames never come, after a short wait: never forever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../lib/panel/next-paint';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterNextPaint', () => {
  it('resolves after the frame and the task posted from it', async () => {
    let frame: (() => void) | null = null;
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
      frame = callback;
      return 1;
    });
    let done = false;
    const painted = afterNextPaint(10_000).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toBe(false);
    (frame as (() => void) | null)?.();
    await painted;
    expect(done).toBe(true);
  });

  it('does not wait past its limit for a frame that never comes (a hidden panel)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    let done = false;
    const painted = afterNextPaint(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await painted;
    expect(done).toBe(true);
  });
});

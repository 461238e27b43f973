// Without Chromium the end-to-end tests and npm start fail with a message that says how to get it; they never skip.
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium, isBrandedChrome } from '../../../../scripts/support/chromium';

const saved = process.env.CHROME_PATH;

afterEach(() => {
  if (saved === undefined) delete process.env.CHROME_PATH;
  else process.env.CHROME_PATH = saved;
});

describe('findChromium', () => {
  it('says how to install Chromium when none is found', () => {
    delete process.env.CHROME_PATH;
    expect(() => findChromium(['/nonexistent/chromium'])).toThrow(/apt-get install -y chromium.*CHROME_PATH/s);
  });

  it('says when CHROME_PATH points at nothing', () => {
    process.env.CHROME_PATH = '/nonexistent/chrome';
    expect(() => findChromium()).toThrow('CHROME_PATH is set to /nonexistent/chrome, but there is no file there.');
  });

  it('takes the first candidate that exists', () => {
    delete process.env.CHROME_PATH;
    expect(findChromium(['/nonexistent/chromium', process.execPath])).toBe(process.execPath);
  });
});

describe('isBrandedChrome', () => {
  it.each([
    ['/opt/google/chrome/google-chrome', true],
    ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', true],
    ['/opt/chrome-for-testing/chrome', false],
    ['/usr/lib/chromium/chromium', false],
  ])('%s → %s', (path, branded) => {
    expect(isBrandedChrome(path)).toBe(branded);
  });
});

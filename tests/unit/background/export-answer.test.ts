// What Google's answers to an export request mean.
import { describe, expect, it } from 'vitest';
import {
  classifyExport,
  DEFAULT_RETRY_AFTER_MS,
  retryAtFrom,
  type ExportResponse,
} from '../../../lib/background/export-answer';
import { SIGN_IN_PAGE } from '../../support/docs-fixtures';

const NOW = Date.parse('2024-05-01T10:00:00Z');
const DOC =
  '<html><head><style>.c0{margin:0}</style></head><body class="c5"><h2 class="c3" id="h.abc">May 1, 2024</h2></body></html>';

function answer(overrides: Partial<ExportResponse>): ExportResponse {
  return {
    status: 200,
    url: 'https://doc-0s-4k-docs.googleusercontent.com/docs/securesc/x/y',
    contentType: 'text/html; charset=utf-8',
    retryAfter: null,
    text: DOC,
    ...overrides,
  };
}

describe('classifyExport', () => {
  it('hands over a Docs export', () => {
    expect(classifyExport(answer({}), NOW)).toEqual({ ok: true, html: DOC });
  });

  it.each([
    [
      '429',
      answer({ status: 429, retryAfter: '120', text: 'Too Many Requests' }),
      { kind: 'rate-limited', status: 429, retryAt: NOW + 120_000 },
    ],
    ['401', answer({ status: 401, text: '' }), { kind: 'no-access', status: 401 }],
    ['403', answer({ status: 403, text: '' }), { kind: 'no-access', status: 403 }],
    ['404', answer({ status: 404, text: '' }), { kind: 'not-found', status: 404 }],
    ['503', answer({ status: 503, text: '' }), { kind: 'server-error', status: 503 }],
    [
      'the sign-in page, by address',
      answer({
        url: 'https://accounts.google.com/v3/signin/identifier?continue=x',
        text: '<html><body>…</body></html>',
      }),
      { kind: 'signed-out', status: 200 },
    ],
    ['the sign-in page, by its form', answer({ text: SIGN_IN_PAGE }), { kind: 'signed-out', status: 200 }],
    [
      'a request-access page',
      answer({ text: '<html><body><h1>You need access</h1><button>Request access</button></body></html>' }),
      { kind: 'no-access', status: 200 },
    ],
    ['a PDF', answer({ contentType: 'application/pdf', text: '%PDF-1.4' }), { kind: 'unreadable', status: 200 }],
    ['a 304', answer({ status: 304, text: '' }), { kind: 'unreadable', status: 304 }],
  ])('reads %s as its problem', (_name, response, problem) => {
    expect(classifyExport(response, NOW)).toEqual({ ok: false, problem });
  });

  it('does not take an agenda that mentions signing in for a sign-in page', () => {
    const agenda = DOC.replace(
      '</body>',
      '<p class="c1">Sign in to the <input type="email"> demo, request access to the repo</p></body>',
    );
    expect(classifyExport(answer({ text: agenda }), NOW).ok).toBe(true);
  });
});

describe('retryAtFrom', () => {
  it.each([
    ['seconds', '120', NOW + 120_000],
    ['an HTTP date', new Date(NOW + 300_000).toUTCString(), NOW + 300_000],
    ['nothing', null, NOW + DEFAULT_RETRY_AFTER_MS],
    ['garbage', 'soon', NOW + DEFAULT_RETRY_AFTER_MS],
    ['a date in the past (at least a second)', new Date(NOW - 60_000).toUTCString(), NOW + 1000],
    ['a day (at most an hour)', '86400', NOW + 3_600_000],
  ])('reads %s', (_name, header, expected) => {
    expect(retryAtFrom(header, NOW)).toBe(expected);
  });
});

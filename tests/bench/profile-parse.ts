// Where the parse time goes: one `parseAgenda` under the V8 sampling profiler (DevTools protocol), summed
// per function: self time (in the function's own code) and total time (with what it calls).
import type { Page } from 'playwright-core';
import { round, withTimeout } from './stats';

export interface ProfileLine {
  function: string;
  /** `bench-parser.js:123` for the parser's code; empty for the browser's own (GC, DOM, regexps). */
  where: string;
  self_ms: number;
  total_ms: number;
}

export interface ParseProfile {
  total_ms: number;
  by_self: ProfileLine[];
  by_total: ProfileLine[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Profiles one parse of the page already loaded (with the parser bundle injected) in `page`. */
export async function profileParse(page: Page, top: number, timeoutMs: number): Promise<ParseProfile> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
    await withTimeout(
      page.evaluate(() => void window.__parseAgenda?.(document, location.href)),
      timeoutMs,
      'profiled parse',
    );
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
    return summarise(profile, top);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

function summarise(profile: Profile, top: number): ParseProfile {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let all = 0;
  samples.forEach((id, i) => {
    // The interval up to the next sample is spent where this sample was taken.
    const ms = Math.max(0, deltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || isIdle(node.callFrame)) return;
    all += ms;
    const key = keyOf(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || frame.functionName === '(root)') continue;
      const k = keyOf(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  const lines = [...new Set([...self.keys(), ...total.keys()])].map((key): ProfileLine => {
    const [name = '', where = ''] = key.split('\u0000');
    return { function: name, where, self_ms: round(self.get(key) ?? 0), total_ms: round(total.get(key) ?? 0) };
  });
  return {
    total_ms: round(all),
    by_self: [...lines].sort((a, b) => b.self_ms - a.self_ms).slice(0, top),
    by_total: [...lines].sort((a, b) => b.total_ms - a.total_ms).slice(0, top),
  };
}

function isIdle(frame: CallFrame): boolean {
  return frame.functionName === '(idle)' || frame.functionName === '(root)';
}

function keyOf(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  const file = frame.url ? frame.url.replace(/^.*\//, '') : '';
  return `${name}\u0000${file ? `${file}:${frame.lineNumber + 1}` : ''}`;
}

// Timing for the tests that assert how cost grows with input: ratios of times, never absolute times.

export function millis(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Time per call, from rounds of calls of at least 5 ms each; the least round wins (noise only ever adds). */
export function perCall(run: () => void, rounds = 3): number {
  let least = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      run();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < 5);
    least = Math.min(least, elapsed / calls);
  }
  return least;
}

/**
 * When to try a failed delivery again: exponential backoff with full jitter (AWS Architecture
 * Blog, "Exponential Backoff And Jitter"). The ceiling doubles per attempt up to a cap, and the
 * wait is drawn uniformly below it, so receivers that come back after an outage are not hit by
 * every waiting delivery at the same moment.
 */

export interface BackoffPolicy {
  /** Ceiling of the wait after the first failed attempt, in ms. Default 30 s. */
  baseMs: number;
  /** Largest wait ever, in ms. Default 1 hour. */
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 30_000, capMs: 60 * 60_000 };

/** The largest wait after `attempts` failed attempts (1 = the first failed): base·2^(n−1), capped. */
export function backoffCeilingMs(attempts: number, policy: BackoffPolicy = defaultBackoff): number {
  const exponent = Math.max(0, Math.trunc(attempts) - 1);
  // 2^exponent overflows to Infinity long after the cap is reached; min() keeps it finite.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 1000));
}

/**
 * The wait before the next attempt, drawn from [0, ceiling). `random` returns a number in [0, 1)
 * like Math.random, which it defaults to; tests pass a fixed one.
 */
export function retryDelayMs(
  attempts: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeilingMs(attempts, policy));
}

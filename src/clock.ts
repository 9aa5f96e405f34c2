/**
 * Time, waiting and the randomness of backoff: what a test replaces so that nothing waits for real and
 * every delay is known.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export interface Clock {
  /** Milliseconds since the epoch, like Date.now. */
  now(): number
  sleep: Sleep
  /** [0, 1), like Math.random: the jitter of backoff. */
  random(): number
}

/** setTimeout as a promise; rejects with the signal's reason as soon as it aborts. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

export const systemClock: Clock = { now: () => Date.now(), sleep: realSleep, random: () => Math.random() }

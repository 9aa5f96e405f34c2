/**
 * Every retry, poll and timeout of the action, in one place:
 * - how many attempts each kind of work gets, and the backoff between them (capped exponential with full
 *   jitter, or a server's wait hint when that is longer);
 * - which connection failures are worth another attempt, and which may have reached the service;
 * - how long one attempt may take, and how often and how long a wait polls.
 *
 * `retrying` is the one retry loop: cloud calls (cloud/client.ts), GitHub requests (github.ts), apply's
 * rounds against the state record and its record writes (apply.ts) run through it. The polls (a mesh
 * becoming `running`, a created mesh showing up, another run's create, the state file's lock) wait by
 * POLL. Every duration passes through `scaled` (time-scale.ts), the one knob the end-to-end suites turn.
 * Cloud facts: docs/reference/alibaba-signing-sts.md §0.9, §3.9.
 */
import type { Clock } from './clock.js'
import { scaled } from './time-scale.js'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Backoff before retry n is uniform in [0, min(capMs, baseMs * 2^(n-1))) ("full jitter"). */
  baseMs: number
  capMs: number
  /** A server's wait hint is honoured up to this long. */
  maxHintMs?: number
}

export const RETRY = {
  /** Alibaba Cloud API calls. Worst case about 1 + 2 + 4 s: long enough for a throttling window, short for CI. */
  cloud: { maxAttempts: 4, baseMs: scaled(1000), capMs: scaled(15_000), maxHintMs: scaled(60_000) },
  /**
   * GitHub REST requests (state record, plan comment): 5xx answers, time limits and failed connections.
   * A request then ends within about 4 × TIMEOUTS.githubMs + 7 s.
   */
  github: { maxAttempts: 4, baseMs: scaled(1000), capMs: scaled(8000) },
  /**
   * Requests for the GitHub OIDC token (@actions/core getIDToken), each limited to TIMEOUTS.oidcTokenMs.
   * Only an attempt without an answer is repeated: getIDToken itself repeats 502/503/504 answers (10 times,
   * about 10 s of pauses, all within one attempt here) and gives up at once on anything else.
   */
  oidcToken: { maxAttempts: 3, baseMs: scaled(1000), capMs: scaled(4000) },
  /**
   * Sends of one update call: a second only after the first ended unknown and reading the mesh back did
   * not show its values (update.ts); never more, as a change is not to be sent blindly.
   */
  updateSends: { maxAttempts: 2, baseMs: scaled(1000), capMs: scaled(5000) },
  /**
   * Rounds of read, decide and act when another run changed the state record in between. No pause: the
   * other run's write is already there to be read.
   */
  stateRounds: { maxAttempts: 8, baseMs: 0, capMs: 0 },
  /** Writes of the record of a mesh that exists, on top of whatever is there now: a lost race must not lose its id. */
  recordWrites: { maxAttempts: 5, baseMs: 0, capMs: 0 }
} as const satisfies Record<string, RetryPolicy>

/** One attempt of a cloud call. */
export interface CallTimeout {
  readMs: number
  /**
   * httpx (under openapi-client) hands this to http.request as `timeout`, which is a socket IDLE timeout
   * for the whole exchange, not only for connecting (measured: connect 500 ms cut a 2 s answer at 0.5 s).
   * So it must not be below readMs, or it shortens every slow answer.
   */
  connectMs: number
}

export const TIMEOUTS = {
  /**
   * DescribeServiceMeshes / DescribeServiceMeshDetail: small answers, 10 s is generous. Not scaled for
   * tests: a read shortened below what a loaded machine needs would only add retries.
   */
  cloudRead: { readMs: 10_000, connectMs: 10_000 },
  /**
   * CreateServiceMesh checks the VPC, the vSwitches, quotas and service roles before it answers, which can
   * take well over 30 s. An answer given up on is an unknown outcome, so the wait for it is long.
   */
  cloudCreate: { readMs: scaled(120_000), connectMs: scaled(120_000) },
  /** AssumeRoleWithOIDC answers in well under a second; 10 s allows a slow network, not a hung one. */
  sts: { readMs: 10_000, connectMs: 10_000 },
  /** One GitHub REST request: generous for the small JSON answers read and written (never below 2 s in tests). */
  githubMs: Math.max(2000, scaled(20_000)),
  /**
   * One getIDToken call, its own repeats included. @actions/core sets no limit: a token endpoint that takes
   * the connection and never answers would hold the run for http-client's 3 min socket idle timeout.
   */
  oidcTokenMs: Math.max(2000, scaled(20_000))
} as const

export const POLL = {
  /** Waiting for `running`: every 5 s, every 10 s after 5 min; a failed poll doubles the pause, up to 30 s. */
  meshState: {
    firstMs: scaled(5000),
    everyMs: scaled(5000),
    slowMs: scaled(10_000),
    slowAfterMs: scaled(300_000),
    maxMs: scaled(30_000)
  },
  /**
   * The mesh of a CreateServiceMesh of unknown outcome may show up in DescribeServiceMeshes late. It is
   * looked for (never created again) until the create's own timeout plus windowMs has passed since it was
   * sent, with backoff from firstMs to maxMs between looks.
   */
  createdMesh: { windowMs: scaled(5 * 60_000), firstMs: scaled(2000), maxMs: scaled(30_000) },
  /** Waiting for another run's create to be recorded; an entry older than staleAfterMs is abandoned. */
  pendingCreate: {
    everyMs: scaled(5000),
    forMs: scaled(10 * 60 * 1000),
    staleAfterMs: scaled(30 * 60 * 1000)
  },
  /** The state file's lock: taken within forMs, or broken once older than staleAfterMs (a crashed run's). */
  fileLock: { everyMs: 25, forMs: 60_000, staleAfterMs: 30_000 }
} as const

/** Capped exponential backoff with full jitter before retry number `retry` (1 = the first retry). */
export function backoff(retry: number, policy: RetryPolicy, random: () => number): number {
  return Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (retry - 1)))
}

/** The longest a retried piece of work can take: every attempt at its time limit, every pause at its longest. */
export function longestMs(policy: RetryPolicy, attemptMs: number): number {
  let pauses = 0
  for (let retry = 1; retry < policy.maxAttempts; retry++) pauses += backoff(retry, policy, () => 1)
  return policy.maxAttempts * attemptMs + pauses
}

/** The backoff, or the server's wait hint when it is longer (capped at maxHintMs). */
export function retryDelay(
  retry: number,
  policy: RetryPolicy,
  random: () => number,
  hintMs?: number
): number {
  const jitter = backoff(retry, policy, random)
  return hintMs === undefined ? jitter : Math.max(Math.min(hintMs, policy.maxHintMs ?? 0), jitter)
}

/** Why a failure is worth another attempt: the log line's first half, and a server's wait hint. */
export interface Retryable {
  reason: string
  hintMs?: number
}

export interface Retrying {
  policy: RetryPolicy
  clock: Pick<Clock, 'sleep' | 'random'>
  /** undefined: not worth another attempt, the error is thrown as it is. */
  retryable(error: unknown): Retryable | undefined
  /** Told each retry: `<reason>; retrying in 1.5 s (attempt 2 of 4)`. */
  log(line: string): void
  /** What is thrown when a retryable failure had no attempt left; default the failure itself. */
  exhausted?(error: unknown, attempts: number): unknown
}

/** Runs `attempt` (numbered from 1) until it succeeds, fails for good, or the policy's attempts run out. */
export async function retrying<T>(attempt: (n: number) => Promise<T>, how: Retrying): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      const verdict = how.retryable(error)
      if (!verdict) throw error
      if (n >= how.policy.maxAttempts) throw how.exhausted ? how.exhausted(error, n) : error
      const delay = retryDelay(n, how.policy, how.clock.random, verdict.hintMs)
      how.log(
        `${verdict.reason}; ${delay > 0 ? `retrying in ${(delay / 1000).toFixed(1)} s` : 'retrying'} (attempt ${n + 1} of ${how.policy.maxAttempts})`
      )
      if (delay > 0) await how.clock.sleep(delay)
    }
  }
}

/** A failed connection, from the socket error code Node reports. */
export interface ConnectionFailure {
  code: string
  message: string
  retryable: boolean
  /** The request may have reached the service and been carried out. */
  outcomeUnknown: boolean
}

/** Socket errors raised before a single byte of the request left the runner. */
const NOT_SENT = ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']
/** Socket errors after which the service may have processed the request. */
const CUT_OFF = ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT']

export function connectionFailure(code: string | undefined): ConnectionFailure | undefined {
  if (code === undefined) return undefined
  if (NOT_SENT.includes(code))
    return { code, message: `could not connect (${code})`, retryable: true, outcomeUnknown: false }
  if (CUT_OFF.includes(code))
    return { code, message: `the connection broke (${code})`, retryable: true, outcomeUnknown: true }
  // A name that does not resolve now will not resolve in a second either: a typo, or no DNS at all.
  if (code === 'ENOTFOUND')
    return {
      code,
      message: `the host name does not resolve (${code})`,
      retryable: false,
      outcomeUnknown: false
    }
  return undefined
}

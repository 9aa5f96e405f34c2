/**
 * What every GitHub REST call of the action shares (the state store and the plan comment): a time limit
 * per request, and what a failed request means. Without the limit a hung connection would hold the run
 * for undici's 300 s per attempt, times every retry.
 */
import { scaled } from './time-scale.js'

/** Per request: generous for the small JSON answers the action reads and writes (never below 2 s in tests). */
export const GITHUB_TIMEOUT_MS = Math.max(2000, scaled(20_000))

/** The Octokit `request` option that ends one request after `ms`. */
export const timeLimit = (ms = GITHUB_TIMEOUT_MS): { signal: AbortSignal } => ({
  signal: AbortSignal.timeout(ms)
})

export interface GitHubFailure {
  /** The HTTP status; 500 when there was no answer (Octokit reports network failures so). */
  status: number
  /** False when GitHub never answered: a timeout or a network failure. */
  answered: boolean
  /** GitHub's message, or what happened to the connection; never a header or the token. */
  message: string
}

type OctokitError = Error & {
  status?: unknown
  response?: { data?: { message?: unknown } }
  cause?: unknown
}

// By name: fetch's DOMException may come from another realm, where instanceof Error is false.
const isTimeout = (error: unknown): boolean => {
  const name = (error as { name?: unknown } | undefined)?.name
  return name === 'TimeoutError' || name === 'AbortError'
}

/**
 * An Octokit RequestError (or fetch failure) → what it says; undefined for anything else. `timeoutMs`:
 * the limit the request had, named when it ran out.
 */
export function gitHubFailure(error: unknown, timeoutMs = GITHUB_TIMEOUT_MS): GitHubFailure | undefined {
  const raw = error as OctokitError | undefined
  if (typeof raw?.status !== 'number') return undefined
  if (raw.response !== undefined) {
    const message = raw.response.data?.message
    return {
      status: raw.status,
      answered: true,
      message: typeof message === 'string' ? message : raw.message
    }
  }
  const timedOut = isTimeout(raw) || isTimeout(raw.cause)
  return {
    status: raw.status,
    answered: false,
    message: timedOut ? `no answer within ${timeoutMs / 1000} s` : `no answer (${raw.message.split('\n')[0]})`
  }
}

/** `GitHub answered 409: …` or `GitHub gave no answer within 20 s`, for messages. */
export const describeGitHubFailure = (failure: GitHubFailure): string =>
  failure.answered
    ? `GitHub answered ${failure.status}: ${failure.message}`
    : `GitHub gave ${failure.message}`

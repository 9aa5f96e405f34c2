/**
 * The one GitHub REST client, shared by the state store (state/github-store.ts) and the plan comment
 * (report/comment.ts): every request gets the same timeout, the same retries (retry.ts) and the same log,
 * and a failure is described in the same words, telling an answer from a connection that never got one.
 */
import type { getOctokit } from '@actions/github'
import { chunks } from './chunks.js'
import { systemClock, type Clock } from './clock.js'
import type { Log } from './log.js'
import { connectionFailure, RETRY, retrying, TIMEOUTS, type Retryable } from './retry.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  /** e.g. https://api.github.com or GITHUB_API_URL */
  apiUrl: string
  log: Log
  sleep?: Clock['sleep']
  random?: Clock['random']
  /** Tests only: replaces fetch (e.g. to answer as a failed DNS lookup would, without resolving a name). */
  fetch?: typeof fetch
}

/** A failed request: the status and message when GitHub answered, else why no answer came. */
export interface GitHubFailure {
  /** Absent when no answer came. */
  status?: number
  /** GitHub's message, or why no answer came. */
  message: string
  /** The whole story for a person: `GitHub answered 403: …`, `GitHub could not be reached at …: …`. */
  description: string
  retryable: boolean
  /** The request certainly never reached GitHub (the connection was refused, the name did not resolve). */
  notSent: boolean
}

export async function createGitHubClient(options: GitHubClientOptions): Promise<Octokit> {
  const { log } = options
  const apiUrl = options.apiUrl.replace(/\/+$/, '')
  const clock = { sleep: options.sleep ?? systemClock.sleep, random: options.random ?? systemClock.random }
  const { getOctokit } = await chunks.octokit()
  const octokit = getOctokit(options.token, {
    baseUrl: apiUrl,
    ...(options.fetch && { request: { fetch: options.fetch } }),
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.warning(m),
      error: (m: string) => log.warning(m)
    }
  })
  octokit.hook.wrap('request', (request, endpoint) =>
    retrying(
      async () => request({ ...endpoint, request: { ...endpoint.request, signal: timeoutSignal() } }),
      {
        policy: RETRY.github,
        clock,
        retryable: error =>
          retryableFailure(error, endpoint.method, `GitHub ${endpoint.method} ${endpoint.url}`, apiUrl),
        log: line => log.debug(line)
      }
    )
  )
  return octokit
}

const timeoutSignal = () => AbortSignal.timeout(TIMEOUTS.githubMs)

/**
 * Reads, PUT (the state write is a compare-and-swap: a repeat of one that went through conflicts) and
 * PATCH may be repeated after any retryable failure. A POST (a new comment, the state branch) only when
 * it certainly never left the runner: one that GitHub may have carried out is not sent twice.
 */
function retryableFailure(
  error: unknown,
  method: string,
  what: string,
  apiUrl: string
): Retryable | undefined {
  const failed = githubFailure(error, apiUrl)
  if (!failed?.retryable || (method === 'POST' && !failed.notSent)) return undefined
  return { reason: `${what}: ${failed.description}` }
}

/**
 * What went wrong with a request, from Octokit's RequestError. Octokit reports a request that got no
 * answer (refused connection, unresolvable name, timeout) as status 500 without a response: that is told
 * apart here, so it is never reported as an answer GitHub gave.
 */
export function githubFailure(error: unknown, apiUrl: string): GitHubFailure | undefined {
  const status = (error as { status?: unknown } | undefined)?.status
  if (typeof status !== 'number') return undefined
  const response = (error as { response?: { data?: { message?: unknown } } }).response
  if (response) {
    const data = response.data
    const message = typeof data?.message === 'string' ? data.message : (error as Error).message
    const description = `GitHub answered ${status}: ${message}`
    return { status, message, description, retryable: status >= 500, notSent: false }
  }
  const cause = (error as { cause?: { name?: unknown; cause?: { code?: unknown } } }).cause
  if (cause?.name === 'TimeoutError') {
    const message = `no answer within ${TIMEOUTS.githubMs / 1000} s`
    return { message, description: `GitHub at ${apiUrl} gave ${message}`, retryable: true, notSent: false }
  }
  const code = typeof cause?.cause?.code === 'string' ? cause.cause.code : undefined
  const connection = connectionFailure(code)
  const message = connection?.message ?? (error as Error).message
  // Anything else without an answer (a socket closed early) is worth another attempt, like a 5xx.
  const description = `GitHub could not be reached at ${apiUrl}: ${message}`
  const notSent = connection !== undefined && !connection.outcomeUnknown
  return { message, description, retryable: connection?.retryable ?? true, notSent }
}

/** `owner/repo` → its two parts; undefined for anything else. */
export function parseRepository(repository: string): { owner: string; repo: string } | undefined {
  const [owner, repo, ...extra] = repository.split('/')
  return owner && repo && extra.length === 0 ? { owner, repo } : undefined
}

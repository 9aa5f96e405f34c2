/**
 * The one GitHub REST client, shared by the state store (state/github-store.ts) and the plan comment
 * (report/comment.ts): every request gets the same time limit, the same retries (retry.ts) and the same
 * log, and a failure is described in the same words, telling an answer from a request that never got one.
 * Without the time limit a hung connection would hold the run for undici's 300 s per attempt, times
 * every retry.
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
  /** Per request; default TIMEOUTS.githubMs. */
  requestTimeoutMs?: number
  /** Tests only: replaces fetch (e.g. to answer as a failed DNS lookup would, without resolving a name). */
  fetch?: typeof fetch
}

/** A failed request: the status and message when GitHub answered, else why no answer came. */
export interface GitHubFailure {
  /** Absent when no answer came. */
  status?: number
  /** GitHub's message, or why no answer came. */
  message: string
  /** For a person: `GitHub answered 403: …`, `GitHub gave no answer within 20 s`, `GitHub could not be reached at …: …`. */
  description: string
  retryable: boolean
  /** The request certainly never reached GitHub (the connection was refused, the name did not resolve). */
  notSent: boolean
  /** Attempts made before this failure was given up on. */
  attempts: number
}

/** How many attempts each failed request had, by its final error. */
const attemptsMade = new WeakMap<object, number>()

export async function createGitHubClient(options: GitHubClientOptions): Promise<Octokit> {
  const { log } = options
  const apiUrl = options.apiUrl.replace(/\/+$/, '')
  const timeoutMs = options.requestTimeoutMs ?? TIMEOUTS.githubMs
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
  // Every request, paginated and GraphQL ones included, passes through here. The hook chain hands every
  // hook the same options object (the auth hook below this one ignores what is passed on), so the time
  // limit of each attempt is set on it.
  octokit.hook.wrap('request', (request, endpoint) =>
    retrying(
      async attempt => {
        endpoint.request = { ...endpoint.request, signal: AbortSignal.timeout(timeoutMs) }
        try {
          return await request(endpoint)
        } catch (error) {
          if (typeof error === 'object' && error !== null) attemptsMade.set(error, attempt)
          throw error
        }
      },
      {
        policy: RETRY.github,
        clock,
        retryable: error =>
          retryableFailure(error, endpoint.method, `GitHub ${endpoint.method} ${endpoint.url}`, {
            apiUrl,
            requestTimeoutMs: timeoutMs
          }),
        log: line => log.debug(line)
      }
    )
  )
  return octokit
}

/**
 * Reads, PUT (the state write is a compare-and-swap: a repeat of one that went through conflicts) and
 * PATCH may be repeated after any retryable failure. A POST (a new comment, the state branch) only when
 * it certainly never left the runner: one that GitHub may have carried out is not sent twice.
 */
function retryableFailure(
  error: unknown,
  method: string,
  what: string,
  where: Pick<GitHubClientOptions, 'apiUrl' | 'requestTimeoutMs'>
): Retryable | undefined {
  const failed = githubFailure(error, where)
  if (!failed?.retryable || (method === 'POST' && !failed.notSent)) return undefined
  return { reason: `${what}: ${failed.description}` }
}

// By name: fetch's DOMException may come from another realm, where instanceof Error is false.
const isTimeout = (error: unknown): boolean => {
  const name = (error as { name?: unknown } | undefined)?.name
  return name === 'TimeoutError' || name === 'AbortError'
}

/**
 * What went wrong with a request, from Octokit's RequestError; undefined for anything else. Octokit
 * reports a request that got no answer (refused connection, unresolvable name, time limit) as status 500
 * without a response: that is told apart here, so it is never reported as an answer GitHub gave.
 */
export function githubFailure(
  error: unknown,
  { apiUrl, requestTimeoutMs = TIMEOUTS.githubMs }: Pick<GitHubClientOptions, 'apiUrl' | 'requestTimeoutMs'>
): GitHubFailure | undefined {
  const raw = error as { status?: unknown; response?: { data?: { message?: unknown } }; cause?: unknown }
  if (typeof raw?.status !== 'number') return undefined
  const attempts = attemptsMade.get(raw) ?? 1
  if (raw.response) {
    const data = raw.response.data
    const message = typeof data?.message === 'string' ? data.message : (error as Error).message
    const description = `GitHub answered ${raw.status}: ${message}`
    return {
      status: raw.status,
      message,
      description,
      retryable: raw.status >= 500,
      notSent: false,
      attempts
    }
  }
  if (isTimeout(raw) || isTimeout(raw.cause)) {
    const message = `no answer within ${requestTimeoutMs / 1000} s`
    return { message, description: `GitHub gave ${message}`, retryable: true, notSent: false, attempts }
  }
  const code = (raw.cause as { cause?: { code?: unknown } } | undefined)?.cause?.code
  const connection = connectionFailure(typeof code === 'string' ? code : undefined)
  const message = connection?.message ?? (error as Error).message.split('\n')[0]
  const description = `GitHub could not be reached at ${apiUrl.replace(/\/+$/, '')}: ${message}`
  const notSent = connection !== undefined && !connection.outcomeUnknown
  // Anything else without an answer (a socket closed early) is worth another attempt, like a 5xx.
  return { message, description, retryable: connection?.retryable ?? true, notSent, attempts }
}

/** `owner/repo` → its two parts; undefined for anything else. */
export function parseRepository(repository: string): { owner: string; repo: string } | undefined {
  const [owner, repo, ...extra] = repository.split('/')
  return owner && repo && extra.length === 0 ? { owner, repo } : undefined
}

/**
 * `state: github`: one JSON file per state key on a branch of the repository, through the REST API.
 *
 * Revision = the file's git blob sha; a write is a contents PUT with that sha, which GitHub refuses when
 * the file changed (409 stale sha, 422 sha missing), so a lost race surfaces as StateConflictError and the
 * caller re-reads. The branch's commit log is the audit trail.
 *
 * The branch is created on first use as a ref at the head of the default branch: one call, no git-data
 * plumbing, and it works on every repository that has a commit. (An orphan branch would keep the code out
 * of the state branch, but needs tree and commit objects created by hand; not worth it for a ref nobody
 * checks out.)
 */
import type { getOctokit } from '@actions/github'
import { realSleep } from '../cloud/sleep.js'
import { ActionError } from '../errors.js'
import {
  describeGitHubFailure,
  GITHUB_TIMEOUT_MS,
  gitHubFailure,
  timeLimit,
  type GitHubFailure
} from '../github-request.js'
import type { Log } from '../log.js'
import { scaled } from '../time-scale.js'
import { parseStateDocument, serialiseStateDocument } from './document.js'
import type { StateDocument } from './record.js'
import { StateConflictError, type StateRead, type StateStore, type StateWrite } from './store.js'

export interface GitHubStoreOptions {
  token: string
  /** e.g. https://api.github.com or GITHUB_API_URL */
  apiUrl: string
  /** owner/repo */
  repository: string
  branch: string
  /** e.g. `cn-hangzhou/prod.json` */
  path: string
  log: Log
  /** Between retries of 5xx and network errors; injectable for tests. */
  sleep?: (ms: number) => Promise<void>
  /** Per request (default GITHUB_TIMEOUT_MS); injectable for tests. */
  requestTimeoutMs?: number
}

type Octokit = ReturnType<typeof getOctokit>

/**
 * Attempts per call for 5xx answers, timeouts and network errors (Octokit reports all with a status ≥ 500).
 * Each attempt is cut after GITHUB_TIMEOUT_MS, so a call ends within about 4 × 20 s + 3.5 s.
 */
const ATTEMPTS = 4
const FIRST_BACKOFF_MS = scaled(500)

type Request = ReturnType<typeof timeLimit>

export function createGitHubStore(options: GitHubStoreOptions): StateStore {
  const [owner, repo, ...extra] = options.repository.split('/')
  if (!owner || !repo || extra.length > 0) {
    throw new ActionError(
      `The repository "${options.repository}" is not in the form owner/repo.`,
      'GITHUB_REPOSITORY is set by the runner; when running elsewhere set it to owner/repo.'
    )
  }
  const { branch, path, log } = options
  const sleep = options.sleep ?? realSleep
  const timeoutMs = options.requestTimeoutMs ?? GITHUB_TIMEOUT_MS
  const failure = (error: unknown): GitHubFailure | undefined => gitHubFailure(error, timeoutMs)
  const description = `branch ${branch}, file ${path}`
  const source = {
    description,
    reset:
      `Repair ${path} on the branch ${branch} (its commit history holds every earlier version), or delete ` +
      'the file to start over (the next apply then adopts the mesh by name and region, or creates one).'
  }

  let client: Promise<Octokit> | undefined
  const octokit = () =>
    (client ??= import('@actions/github').then(github =>
      github.getOctokit(options.token, {
        baseUrl: options.apiUrl,
        log: {
          debug: (m: string) => log.debug(m),
          info: (m: string) => log.debug(m),
          warn: (m: string) => log.warning(m),
          error: (m: string) => log.warning(m)
        }
      })
    ))

  /**
   * Runs one API call, each attempt within its time limit, retrying 5xx answers, timeouts and network
   * errors with doubling backoff; anything else is thrown.
   */
  async function call<T>(what: string, fn: (gh: Octokit, request: Request) => Promise<T>): Promise<T> {
    const gh = await octokit()
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn(gh, timeLimit(timeoutMs))
      } catch (error) {
        const failed = failure(error)
        if (!failed || failed.status < 500 || attempt >= ATTEMPTS) throw error
        const wait = FIRST_BACKOFF_MS * 2 ** (attempt - 1)
        log.debug(`GitHub ${what}: ${describeGitHubFailure(failed)}; retry ${attempt} in ${wait} ms`)
        await sleep(wait)
      }
    }
  }

  /** A request failure → an error the user can act on. */
  function explain(error: unknown, action: 'read' | 'write', what: string): Error {
    const failed = failure(error)
    if (!failed) return error as Error
    const detail = describeGitHubFailure(failed)
    if (!failed.answered)
      return new ActionError(
        `Cannot ${what} (${description}). ${detail}, on each of ${ATTEMPTS} attempts.`,
        `Check that the runner can reach ${options.apiUrl}, then re-run the job.`
      )
    if (failed.status === 429 || /rate limit/i.test(failed.message)) {
      return new ActionError(
        `Cannot ${what} (${description}). ${detail}`,
        'Wait for the rate limit to reset, then re-run.'
      )
    }
    if (failed.status === 401 || failed.status === 403) {
      const advice =
        action === 'read'
          ? 'Give the job `permissions: contents: read` (plan) or `contents: write` (apply), and check github-token.'
          : 'Give the job `permissions: contents: write`, and check github-token and any rules protecting ' +
            `the branch ${branch}. Pull requests from forks get a read-only token: run apply on push or ` +
            'workflow_dispatch, or use mode: plan there.'
      return new ActionError(`Cannot ${what} (${description}). ${detail}`, advice)
    }
    return new ActionError(
      `Cannot ${what} (${description}). ${detail}`,
      failed.status >= 500 ? 'GitHub had a problem; re-run the job.' : undefined
    )
  }

  async function read(): Promise<StateRead> {
    let data
    try {
      data = (
        await call('read state', (gh, request) =>
          gh.rest.repos.getContent({ owner, repo, path, ref: branch, request })
        )
      ).data
    } catch (error) {
      if (failure(error)?.status === 404) {
        await confirmRepositoryVisible()
        return {}
      }
      throw explain(error, 'read', 'read the state record')
    }
    if (Array.isArray(data) || data.type !== 'file') {
      throw new ActionError(
        `The state record in ${description} is not a file.`,
        'Choose another state-key, or move what is at that path on the branch.'
      )
    }
    if (data.encoding !== 'base64' || typeof data.content !== 'string') {
      throw new ActionError(
        `The state record in ${description} is too large to read through the contents API (${data.size} bytes).`,
        source.reset
      )
    }
    const text = Buffer.from(data.content, 'base64').toString('utf8')
    return { document: parseStateDocument(text, source), revision: data.sha }
  }

  /**
   * A 404 for the file means "no state yet" only if the repository itself is visible: a token without
   * access also sees 404, and that must not pass for "no previous run".
   */
  async function confirmRepositoryVisible(): Promise<void> {
    try {
      await call('get repository', (gh, request) => gh.rest.repos.get({ owner, repo, request }))
    } catch (error) {
      throw explain(error, 'read', `see the repository ${owner}/${repo}`)
    }
  }

  async function ensureBranch(): Promise<void> {
    try {
      await call('get state branch', (gh, request) =>
        gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}`, request })
      )
      return
    } catch (error) {
      if (failure(error)?.status !== 404) throw explain(error, 'write', `check the branch ${branch}`)
    }
    try {
      const { default_branch } = (
        await call('get repository', (gh, request) => gh.rest.repos.get({ owner, repo, request }))
      ).data
      const base = await call('get default branch', (gh, request) =>
        gh.rest.git.getRef({ owner, repo, ref: `heads/${default_branch}`, request })
      )
      await call('create state branch', (gh, request) =>
        gh.rest.git.createRef({
          owner,
          repo,
          ref: `refs/heads/${branch}`,
          sha: base.data.object.sha,
          request
        })
      )
      log.info(`Created the state branch ${branch} from ${default_branch}.`)
    } catch (error) {
      const failed = failure(error)
      // Another run created it first: fine, the contents PUT decides who wins.
      if (failed?.status === 422 && /already exists/i.test(failed.message)) return
      if (failed?.status === 404 || failed?.status === 409) {
        throw new ActionError(
          `Cannot create the state branch ${branch}: the repository has no commit on its default branch yet.`,
          'Push a first commit, or create the branch by hand.'
        )
      }
      throw explain(error, 'write', `create the branch ${branch}`)
    }
  }

  async function write(
    document: StateDocument,
    expected: string | undefined,
    message: string
  ): Promise<StateWrite> {
    const text = serialiseStateDocument(document)
    const content = Buffer.from(text, 'utf8').toString('base64')
    if (expected === undefined) await ensureBranch()
    try {
      const { data } = await call('write state', (gh, request) =>
        gh.rest.repos.createOrUpdateFileContents({
          owner,
          repo,
          path,
          branch,
          message,
          content,
          sha: expected,
          request
        })
      )
      const revision = data.content?.sha
      if (!revision) throw new ActionError(`GitHub did not return the new blob sha of ${description}.`)
      return { revision, location: data.commit.html_url ?? description }
    } catch (error) {
      const failed = failure(error)
      // 409 "<path> does not match <sha>", 422 `"sha" wasn't supplied` or "is at <sha> but expected <sha>"
      // (the branch moved under the write), 404 the branch was deleted since it was read.
      if (
        failed?.status === 409 ||
        failed?.status === 404 ||
        (failed?.status === 422 && /\bsha\b|but expected/i.test(failed.message))
      ) {
        // A retried PUT conflicts with itself when GitHub applied the first attempt but answered 5xx (or
        // not in time): the file then holds exactly these bytes, which carry this run's time and lock id.
        const own = await alreadyWritten(text)
        if (own) return own
        throw new StateConflictError(
          `the state record in ${description} changed since it was read (${failed.message})`
        )
      }
      throw explain(error, 'write', 'write the state record')
    }
  }

  /** The write's result when the file on the branch holds exactly `text` now; undefined otherwise. */
  async function alreadyWritten(text: string): Promise<StateWrite | undefined> {
    try {
      const { data } = await call('read state', (gh, request) =>
        gh.rest.repos.getContent({ owner, repo, path, ref: branch, request })
      )
      if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') return undefined
      if (Buffer.from(data.content, 'base64').toString('utf8') !== text) return undefined
      log.debug(`GitHub had applied the write of ${description} before answering with an error.`)
      return { revision: data.sha, location: data.html_url ?? description }
    } catch {
      return undefined
    }
  }

  return { description, read, write }
}

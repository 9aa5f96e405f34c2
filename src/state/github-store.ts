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
import { ActionError } from '../errors.js'
import {
  createGitHubClient,
  githubFailure,
  parseRepository,
  type GitHubClientOptions,
  type Octokit
} from '../github.js'
import { parseStateDocument, serialiseStateDocument, type DocumentSource } from './document.js'
import type { StateDocument } from './record.js'
import {
  MAX_SIBLINGS,
  StateConflictError,
  type StateRead,
  type StateStore,
  type StateWrite
} from './store.js'

export interface GitHubStoreOptions extends GitHubClientOptions {
  /** owner/repo */
  repository: string
  branch: string
  /** e.g. `cn-hangzhou/prod.json` */
  path: string
}

export function createGitHubStore(options: GitHubStoreOptions): StateStore {
  const parsed = parseRepository(options.repository)
  if (!options.repository) {
    throw new ActionError(
      'state: github (the default) keeps the state record on a branch of the repository, and GITHUB_REPOSITORY is not set.',
      'Outside GitHub Actions, set state: file to keep the record in the workspace (or set GITHUB_REPOSITORY to owner/repo).'
    )
  }
  if (!parsed) {
    throw new ActionError(
      `The repository "${options.repository}" is not in the form owner/repo.`,
      'GITHUB_REPOSITORY is set by the runner; when running elsewhere set it to owner/repo.'
    )
  }
  return new GitHubStore(options, parsed)
}

class GitHubStore implements StateStore {
  readonly description: string
  private readonly owner: string
  private readonly repo: string
  private readonly branch: string
  private readonly path: string
  private readonly source: DocumentSource
  private client: Promise<Octokit> | undefined

  constructor(
    private readonly options: GitHubStoreOptions,
    { owner, repo }: { owner: string; repo: string }
  ) {
    this.owner = owner
    this.repo = repo
    this.branch = options.branch
    this.path = options.path
    this.description = `branch ${options.branch}, file ${options.path}`
    this.source = {
      description: this.description,
      reset:
        `Repair ${options.path} on the branch ${options.branch} (its commit history holds every earlier version), or delete ` +
        'the file to start over (the next apply then adopts the mesh by name and region, or creates one).'
    }
  }

  /** One REST call through the shared client, which retries and times out every request. */
  private async call<T>(fn: (gh: Octokit) => Promise<T>): Promise<T> {
    return fn(await (this.client ??= createGitHubClient(this.options)))
  }

  private failure(error: unknown) {
    return githubFailure(error, this.options)
  }

  /** A request failure → an error the user can act on. */
  private explain(error: unknown, action: 'read' | 'write', what: string): Error {
    const failed = this.failure(error)
    if (!failed) return error as Error
    const problem = `Cannot ${what} (${this.description}). ${failed.description}`
    if (failed.status === undefined)
      return new ActionError(
        `${problem}${failed.attempts > 1 ? `, on each of ${failed.attempts} attempts` : ''}.`,
        `Check that the runner can reach ${this.options.apiUrl}, then re-run the job.`
      )
    if (failed.status === 429 || /rate limit/i.test(failed.message))
      return new ActionError(problem, 'Wait for the rate limit to reset, then re-run.')
    if (failed.status === 401 || failed.status === 403) {
      const advice =
        action === 'read'
          ? 'Give the job `permissions: contents: read` (plan) or `contents: write` (apply), and check github-token.'
          : 'Give the job `permissions: contents: write`, and check github-token and any rules protecting ' +
            `the branch ${this.branch}. Pull requests from forks get a read-only token: run apply on push or ` +
            'workflow_dispatch, or use mode: plan there.'
      return new ActionError(problem, advice)
    }
    return new ActionError(
      problem,
      failed.status >= 500 ? 'GitHub had a problem; re-run the job.' : undefined
    )
  }

  async siblings(): Promise<StateDocument[]> {
    const { owner, repo, branch } = this
    const slash = this.path.lastIndexOf('/')
    const folder = slash < 0 ? '' : this.path.slice(0, slash)
    let data
    try {
      data = (await this.call(gh => gh.rest.repos.getContent({ owner, repo, path: folder, ref: branch })))
        .data
    } catch (error) {
      if (this.failure(error)?.status === 404) return []
      throw this.explain(error, 'read', 'list the state records')
    }
    const files = (Array.isArray(data) ? data : [])
      .filter(entry => entry.type === 'file' && entry.name.endsWith('.json') && entry.path !== this.path)
      .slice(0, MAX_SIBLINGS)
    const documents: StateDocument[] = []
    for (const entry of files) {
      const read = await this.readAt(entry.path).catch(() => ({}) as StateRead)
      if (read.document) documents.push(read.document)
    }
    return documents
  }

  read(): Promise<StateRead> {
    return this.readAt(this.path)
  }

  private async readAt(path: string): Promise<StateRead> {
    const { owner, repo, branch, description, source } = this
    let data
    try {
      data = (await this.call(gh => gh.rest.repos.getContent({ owner, repo, path, ref: branch }))).data
    } catch (error) {
      if (this.failure(error)?.status === 404) {
        if (path === this.path) await this.confirmRepositoryVisible()
        return {}
      }
      throw this.explain(error, 'read', 'read the state record')
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
  private async confirmRepositoryVisible(): Promise<void> {
    const { owner, repo } = this
    try {
      await this.call(gh => gh.rest.repos.get({ owner, repo }))
    } catch (error) {
      throw this.explain(error, 'read', `see the repository ${owner}/${repo}`)
    }
  }

  private async ensureBranch(): Promise<void> {
    const { owner, repo, branch } = this
    try {
      await this.call(gh => gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }))
      return
    } catch (error) {
      if (this.failure(error)?.status !== 404)
        throw this.explain(error, 'write', `check the branch ${branch}`)
    }
    try {
      const { default_branch } = (await this.call(gh => gh.rest.repos.get({ owner, repo }))).data
      const base = await this.call(gh => gh.rest.git.getRef({ owner, repo, ref: `heads/${default_branch}` }))
      await this.call(gh =>
        gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: base.data.object.sha })
      )
      this.options.log.info(`Created the state branch ${branch} from ${default_branch}.`)
    } catch (error) {
      const failed = this.failure(error)
      // Another run created it first: fine, the contents PUT decides who wins.
      if (failed?.status === 422 && /already exists/i.test(failed.message)) return
      if (failed?.status === 404 || failed?.status === 409) {
        throw new ActionError(
          `Cannot create the state branch ${branch}: the repository has no commit on its default branch yet.`,
          'Push a first commit, or create the branch by hand.'
        )
      }
      throw this.explain(error, 'write', `create the branch ${branch}`)
    }
  }

  async write(document: StateDocument, expected: string | undefined, message: string): Promise<StateWrite> {
    const { owner, repo, path, branch, description } = this
    const text = serialiseStateDocument(document)
    const content = Buffer.from(text, 'utf8').toString('base64')
    if (expected === undefined) await this.ensureBranch()
    try {
      const { data } = await this.call(gh =>
        gh.rest.repos.createOrUpdateFileContents({
          owner,
          repo,
          path,
          branch,
          message,
          content,
          sha: expected
        })
      )
      const revision = data.content?.sha
      if (!revision) throw new ActionError(`GitHub did not return the new blob sha of ${description}.`)
      return { revision, location: data.commit.html_url ?? description }
    } catch (error) {
      const failed = this.failure(error)
      // 409 "<path> does not match <sha>", 422 `"sha" wasn't supplied` or "is at <sha> but expected <sha>"
      // (the branch moved under the write), 404 the branch was deleted since it was read.
      if (
        failed?.status === 409 ||
        failed?.status === 404 ||
        (failed?.status === 422 && /\bsha\b|but expected/i.test(failed.message))
      ) {
        // The client (github.ts) repeats a PUT after a 5xx or no answer in time; when GitHub had applied the
        // first attempt, the repeat conflicts with it and the file holds exactly these bytes, which carry
        // this run's time and lock id.
        const own = await this.alreadyWritten(text)
        if (own) return own
        throw new StateConflictError(
          `the state record in ${description} changed since it was read (${failed.message})`
        )
      }
      throw this.explain(error, 'write', 'write the state record')
    }
  }

  /** The write's result when the file on the branch holds exactly `text` now; undefined otherwise. */
  private async alreadyWritten(text: string): Promise<StateWrite | undefined> {
    const { owner, repo, path, branch, description } = this
    try {
      const { data } = await this.call(gh => gh.rest.repos.getContent({ owner, repo, path, ref: branch }))
      if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') return undefined
      if (Buffer.from(data.content, 'base64').toString('utf8') !== text) return undefined
      this.options.log.debug(`GitHub had applied the write of ${description} before answering with an error.`)
      return { revision: data.sha, location: data.html_url ?? description }
    } catch {
      return undefined
    }
  }
}

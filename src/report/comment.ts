/**
 * One sticky plan comment per state key on a pull request: found by a hidden marker on its first line AND
 * by its author being the token's own identity, updated in place on re-runs, created when missing. Anyone
 * can write the marker into a comment; such a comment is never edited.
 *
 * The identity is the GraphQL `viewer` login, which installation tokens can read (GITHUB_TOKEN:
 * `github-actions[bot]`; a GitHub App token: `<app-slug>[bot]`; a personal token: the user), while REST
 * `GET /user` refuses installation tokens. When it cannot be read, it is taken to be
 * `github-actions[bot]`, whose comments only workflows of this repository can write.
 *
 * Requests go through the one GitHub client (github.ts), so a hung connection ends the comment step, not
 * the run.
 *
 * A comment is a convenience: the plan itself is in the outputs and the job summary. So no failure here
 * fails the run; each is logged (a notice when the token may not comment, else a warning) and returns 'skipped'.
 */
import {
  createGitHubClient,
  githubFailure,
  parseRepository,
  type GitHubClientOptions,
  type Octokit
} from '../github.js'
import type { Log } from '../log.js'
import { commentMarker, shorten } from './markdown.js'

export type CommentResult = 'created' | 'updated' | 'unchanged' | 'skipped'

const PAGE_SIZE = 100

/** GITHUB_TOKEN's identity: the fallback when the token's own cannot be read. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]'

/** The login the token acts as (see the header). */
async function tokenIdentity(octokit: Octokit, log: Log): Promise<string> {
  try {
    const { viewer } = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }')
    if (typeof viewer?.login === 'string' && viewer.login !== '') return viewer.login
  } catch (error) {
    log.debug(`Could not read the token's identity (${(error as Error).message.split('\n')[0]}).`)
  }
  return GITHUB_ACTIONS_BOT
}

export interface PlanCommentOptions extends GitHubClientOptions {
  /** owner/repo */
  repository: string
  issueNumber: number
  stateKey: string
  /** The whole comment; should start with commentMarker(stateKey) (added when it does not). */
  body: string
}

export async function upsertPlanComment(options: PlanCommentOptions): Promise<CommentResult> {
  const { log, issueNumber } = options
  const repository = parseRepository(options.repository)
  if (!repository) {
    log.warning(`Plan comment skipped: repository "${options.repository}" is not owner/repo.`)
    return 'skipped'
  }
  const { owner, repo } = repository
  if (!options.token) {
    log.warning('Plan comment skipped: github-token is empty. The plan is in the job summary.')
    return 'skipped'
  }
  if (!Number.isSafeInteger(issueNumber) || issueNumber < 1) {
    log.warning(`Plan comment skipped: "${issueNumber}" is not a pull request number.`)
    return 'skipped'
  }
  const marker = commentMarker(options.stateKey)
  const body = options.body.startsWith(marker) ? options.body : `${marker}\n${options.body}`

  try {
    const octokit = await createGitHubClient(options)
    const issue = { owner, repo, issue_number: issueNumber }

    const identity = await tokenIdentity(octokit, log)
    let existing: { id: number; body?: string } | undefined
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      ...issue,
      per_page: PAGE_SIZE
    })) {
      // Ours: written by this token's identity and starting with the marker (a quote further down is not).
      existing = page.data.find(
        comment => comment.user?.login === identity && comment.body?.startsWith(marker)
      )
      if (existing) break
    }

    if (existing?.body === body) {
      log.info(`Plan comment on #${issueNumber} is up to date.`)
      return 'unchanged'
    }
    if (existing) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
      log.info(`Updated the plan comment on #${issueNumber}.`)
      return 'updated'
    }
    await octokit.rest.issues.createComment({ ...issue, body })
    log.info(`Posted the plan comment on #${issueNumber}.`)
    return 'created'
  } catch (error) {
    const { permission, message } = skippedBecause(error, issueNumber, options.apiUrl)
    // A token that may not comment is expected on fork pull requests: a notice, not a warning.
    if (permission) log.notice(message)
    else log.warning(message)
    return 'skipped'
  }
}

/** Why the comment was skipped and what to do, from an Octokit RequestError (or any other error). */
function skippedBecause(
  error: unknown,
  issueNumber: number,
  apiUrl: string
): { permission: boolean; message: string } {
  const failed = githubFailure(error, { apiUrl })
  // Only the first line: Octokit appends a documentation URL, and nothing from the request (its headers
  // carry the token) is ever printed.
  const firstLine = (text: string) => shorten(text.split('\n')[0], 300)
  if (failed?.status === 403 || failed?.status === 404) {
    const text =
      `Plan comment skipped: the token cannot comment on pull request #${issueNumber} (HTTP ${failed.status}: ${firstLine(failed.message)}). ` +
      'Give the job `permissions: pull-requests: write`, or set comment: false. ' +
      'Pull requests from forks always get a read-only token, so they get no comment; the plan is in the job summary.'
    return { permission: true, message: text }
  }
  const what = failed ? failed.description : error instanceof Error ? error.message : String(error)
  return {
    permission: false,
    message: `Plan comment skipped: commenting on #${issueNumber} failed (${firstLine(what)}). The plan is in the job summary.`
  }
}

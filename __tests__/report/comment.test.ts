import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { Log } from '../../src/log.js'
import { upsertPlanComment, type PlanCommentOptions } from '../../src/report/comment.js'
import { commentMarker } from '../../src/report/markdown.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator.js'

const READ_ONLY = 'ghs_forkPullRequestReadOnlyToken000000000'
const KEY = 'cn-hangzhou/prod-mesh'

interface LogLine {
  level: 'info' | 'warning' | 'notice'
  message: string
}

function recordingLog() {
  const lines: LogLine[] = []
  const log: Log = {
    info: message => lines.push({ level: 'info', message }),
    warning: message => lines.push({ level: 'warning', message }),
    notice: message => lines.push({ level: 'notice', message }),
    debug: () => undefined,
    group: (_name, fn) => fn()
  }
  return { log, lines }
}

describe('upsertPlanComment against the GitHub emulator', () => {
  let github: GitHubEmulator
  let issueNumber = 0

  beforeAll(async () => {
    github = await startGitHubEmulator({ owner: 'acme', repo: 'infra', readOnlyTokens: [READ_ONLY] })
  })
  afterAll(async () => {
    await github.stop()
  })
  // Each test gets its own pull request, so tests do not see each other's comments.
  beforeEach(() => {
    issueNumber += 1
  })

  const options = (
    overrides: Partial<PlanCommentOptions> = {}
  ): PlanCommentOptions & { lines: LogLine[] } => {
    const { log, lines } = recordingLog()
    return {
      token: github.token,
      apiUrl: github.url,
      repository: 'acme/infra',
      issueNumber,
      stateKey: KEY,
      body: `${commentMarker(overrides.stateKey ?? KEY)}\nplan v1`,
      log,
      lines,
      ...overrides
    }
  }
  const commentsOnIssue = () => github.comments.filter(c => c.issue === issueNumber)
  const writes = () => github.requests.filter(r => r.method !== 'GET' && r.path.includes('/comments'))

  async function seed(body: string): Promise<void> {
    const res = await fetch(`${github.url}/repos/acme/infra/issues/${issueNumber}/comments`, {
      method: 'POST',
      headers: { authorization: `token ${github.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body })
    })
    expect(res.status).toBe(201)
  }

  it('creates one comment, then updates that same comment in place', async () => {
    expect(await upsertPlanComment(options())).toBe('created')
    expect(commentsOnIssue()).toHaveLength(1)
    const id = commentsOnIssue()[0].id

    expect(await upsertPlanComment(options({ body: `${commentMarker(KEY)}\nplan v2` }))).toBe('updated')
    expect(commentsOnIssue()).toEqual([
      { id, issue: issueNumber, body: `${commentMarker(KEY)}\nplan v2`, user: 'github-actions[bot]' }
    ])
    expect(github.requests.filter(r => r.method === 'PATCH').at(-1)).toEqual({
      method: 'PATCH',
      path: `/repos/acme/infra/issues/comments/${id}`,
      status: 200
    })
  })

  it('leaves an identical comment alone', async () => {
    expect(await upsertPlanComment(options())).toBe('created')
    const before = writes().length
    expect(await upsertPlanComment(options())).toBe('unchanged')
    expect(writes()).toHaveLength(before)
    expect(commentsOnIssue()).toHaveLength(1)
  })

  it('gives each state key its own comment', async () => {
    const other = 'cn-shanghai/staging-mesh'
    expect(await upsertPlanComment(options())).toBe('created')
    expect(await upsertPlanComment(options({ stateKey: other, body: `${commentMarker(other)}\nplan` }))).toBe(
      'created'
    )
    expect(
      await upsertPlanComment(options({ stateKey: other, body: `${commentMarker(other)}\nplan 2` }))
    ).toBe('updated')
    expect(commentsOnIssue().map(c => c.body)).toEqual([
      `${commentMarker(KEY)}\nplan v1`,
      `${commentMarker(other)}\nplan 2`
    ])
  })

  it('adds the marker when the body lacks it, so the next run still finds the comment', async () => {
    expect(await upsertPlanComment(options({ body: 'no marker here' }))).toBe('created')
    expect(commentsOnIssue()[0].body).toBe(`${commentMarker(KEY)}\nno marker here`)
    expect(await upsertPlanComment(options({ body: 'no marker here' }))).toBe('unchanged')
  })

  it('finds its comment past the first page, and ignores comments that only quote the marker', async () => {
    await seed(`> ${commentMarker(KEY)}\n> quoted by a reviewer`)
    for (let i = 0; i < 120; i++) await seed(`review comment ${i}`)
    await seed(`${commentMarker(KEY)}\nold plan`)
    expect(await upsertPlanComment(options())).toBe('updated')
    expect(commentsOnIssue()).toHaveLength(122)
    expect(commentsOnIssue()[0].body).toBe(`> ${commentMarker(KEY)}\n> quoted by a reviewer`)
    expect(commentsOnIssue()[121].body).toBe(`${commentMarker(KEY)}\nplan v1`)
    // Pages of 100: the second page was read.
    expect(
      github.requests.filter(r => r.method === 'GET' && r.path.endsWith(`/issues/${issueNumber}/comments`))
    ).toHaveLength(2)
  })

  it('a read-only token (fork pull request) skips with advice and never throws', async () => {
    const o = options({ token: READ_ONLY })
    expect(await upsertPlanComment(o)).toBe('skipped')
    expect(commentsOnIssue()).toHaveLength(0)
    expect(o.lines).toEqual([
      {
        level: 'notice',
        message: expect.stringContaining(
          `Plan comment skipped: the token cannot comment on pull request #${issueNumber} (HTTP 403: Resource not accessible by integration`
        )
      }
    ])
    const message = o.lines[0].message
    expect(message).toContain('`permissions: pull-requests: write`')
    expect(message).toContain('forks')
    expect(message).not.toContain(READ_ONLY)
  })

  it('a repository the token cannot see (404) skips with the same advice', async () => {
    const o = options({ repository: 'acme/elsewhere' })
    expect(await upsertPlanComment(o)).toBe('skipped')
    expect(o.lines[0]).toMatchObject({
      level: 'notice',
      message: expect.stringMatching(/HTTP 404: Not Found.*pull-requests: write/)
    })
  })

  it('any other failure skips with a warning, because a comment must not fail the plan', async () => {
    github.inject({ kind: 'status', status: 502, method: 'POST', pathPrefix: '/repos/acme/infra/issues' })
    const o = options()
    expect(await upsertPlanComment(o)).toBe('skipped')
    expect(o.lines).toEqual([
      {
        level: 'warning',
        message: `Plan comment skipped: commenting on #${issueNumber} failed (GitHub answered 502: Server Error). The plan is in the job summary.`
      }
    ])
    expect(commentsOnIssue()).toHaveLength(0)
  })

  it('an unreachable API skips with a warning', async () => {
    const stopped = await startGitHubEmulator()
    await stopped.stop()
    const o = options({ apiUrl: stopped.url, sleep: async () => undefined })
    expect(await upsertPlanComment(o)).toBe('skipped')
    expect(o.lines[0].message).toMatch(/^Plan comment skipped: commenting on #\d+ failed/)
  })

  it('skips without a request when the token, repository or pull request number is missing', async () => {
    const before = github.requests.length
    for (const bad of [{ token: '' }, { repository: 'acme' }, { repository: 'a/b/c' }, { issueNumber: 0 }]) {
      const o = options(bad)
      expect(await upsertPlanComment(o)).toBe('skipped')
      expect(o.lines).toEqual([
        { level: 'warning', message: expect.stringMatching(/^Plan comment skipped: /) }
      ])
    }
    expect(github.requests).toHaveLength(before)
  })

  it('never edits a comment by someone else that starts with the marker; finds its own by author', async () => {
    const forged = `${commentMarker(KEY)}\nforged plan`
    github.addComment(issueNumber, forged, 'mallory')
    expect(await upsertPlanComment(options())).toBe('created')
    expect(commentsOnIssue().map(c => [c.user, c.body.split('\n')[1]])).toEqual([
      ['mallory', 'forged plan'],
      ['github-actions[bot]', 'plan v1']
    ])
    expect(await upsertPlanComment(options({ body: `${commentMarker(KEY)}\nplan v2` }))).toBe('updated')
    expect(commentsOnIssue().map(c => c.body.split('\n')[1])).toEqual(['forged plan', 'plan v2'])
  })

  it("takes the token's identity from GraphQL viewer; when it cannot be read, github-actions[bot]", async () => {
    const person = await startGitHubEmulator({ owner: 'acme', repo: 'infra', user: 'octocat' })
    try {
      person.addComment(1, `${commentMarker(KEY)}\nold`, 'octocat')
      const own = options({ token: person.token, apiUrl: person.url, issueNumber: 1 })
      expect(await upsertPlanComment(own)).toBe('updated')
      person.inject({ kind: 'status', status: 502, method: 'POST', pathPrefix: '/graphql' })
      const fallback = options({ token: person.token, apiUrl: person.url, issueNumber: 1 })
      expect(await upsertPlanComment({ ...fallback, body: `${commentMarker(KEY)}\nnew` })).toBe('created')
    } finally {
      await person.stop()
    }
  })
})

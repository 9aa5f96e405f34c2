import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { ActionError } from '../../src/errors.js'
import type { Log } from '../../src/log.js'
import { serialiseStateDocument } from '../../src/state/document.js'
import { createGitHubStore, type GitHubStoreOptions } from '../../src/state/github-store.js'
import { StateConflictError } from '../../src/state/store.js'
import { gitBlobSha, startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator.js'
import { documentWith } from './fixtures.js'

const WRITE = 'ghs_stateWriter'
const READ = 'ghs_forkReader'
const PATH = 'cn-hangzhou/prod-mesh.json'
const BRANCH = 'asm-state'

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: m => lines.push(`info ${m}`),
    warning: m => lines.push(`warning ${m}`),
    notice: m => lines.push(`notice ${m}`),
    debug: m => lines.push(`debug ${m}`),
    group: (_n, fn) => fn()
  }
}

describe('createGitHubStore against the GitHub emulator', () => {
  let gh: GitHubEmulator
  let sleeps: number[]
  let log: ReturnType<typeof recordingLog>

  beforeEach(async () => {
    gh = await startGitHubEmulator({ tokens: [WRITE], readOnlyTokens: [READ] })
    sleeps = []
    log = recordingLog()
  })
  afterEach(() => gh.stop())

  const store = (overrides: Partial<GitHubStoreOptions> = {}) =>
    createGitHubStore({
      token: WRITE,
      apiUrl: gh.url,
      repository: 'octo-org/octo-repo',
      branch: BRANCH,
      path: PATH,
      log,
      sleep: async ms => {
        sleeps.push(ms)
      },
      // The middle of each backoff's jitter range.
      random: () => 0.5,
      ...overrides
    })

  it('reads nothing before the branch exists, and the first write creates it from the default branch', async () => {
    const s = store()
    expect(s.description).toBe(`branch ${BRANCH}, file ${PATH}`)
    expect(await s.read()).toEqual({})

    const doc = documentWith('m-1')
    const written = await s.write(doc, undefined, 'asm: record m-1')
    const text = serialiseStateDocument(doc)
    expect(gh.files(BRANCH).get(PATH)).toBe(text)
    expect(gh.files(BRANCH).get('README.md')).toBe(gh.files('main').get('README.md'))
    expect(gh.files('main').has(PATH)).toBe(false)
    const [head, base] = gh.commits(BRANCH)
    expect(head).toMatchObject({ message: 'asm: record m-1', files: [PATH] })
    expect(base.sha).toBe(gh.commits('main')[0].sha)
    expect(written).toEqual({
      revision: gitBlobSha(text),
      location: `https://github.com/octo-org/octo-repo/commit/${head.sha}`
    })
    expect(log.lines).toContain(`info Created the state branch ${BRANCH} from main.`)
    expect(await s.read()).toEqual({ document: doc, revision: written.revision })
  })

  it('updates with the read revision and conflicts on a stale or missing one, never overwriting', async () => {
    const s = store()
    const first = await s.write(documentWith('m-1'), undefined, 'one')
    const second = await s.write(documentWith('m-2'), first.revision, 'two')
    await expect(s.write(documentWith('m-3'), first.revision, 'three')).rejects.toBeInstanceOf(
      StateConflictError
    )
    await expect(s.write(documentWith('m-3'), undefined, 'three')).rejects.toBeInstanceOf(StateConflictError)
    expect((await s.read()).revision).toBe(second.revision)
    expect(gh.commits(BRANCH).map(c => c.message)).toEqual(['two', 'one', 'Initial commit'])
  })

  it('loses a race against a commit that lands between read and write', async () => {
    const s = store()
    const first = await s.write(documentWith('m-1'), undefined, 'one')
    const theirs = serialiseStateDocument(documentWith('theirs'))
    gh.inject({ kind: 'race', path: PATH, content: theirs })
    const lost = s.write(documentWith('mine'), first.revision, 'mine')
    await expect(lost).rejects.toBeInstanceOf(StateConflictError)
    await expect(lost).rejects.toThrow(/changed since it was read/)
    expect(gh.files(BRANCH).get(PATH)).toBe(theirs)
    expect((await s.read()).document?.current?.meshId).toBe('theirs')
  })

  it('lets only one of two concurrent first writes win, the second creating no duplicate branch', async () => {
    const outcomes = await Promise.allSettled([
      store().write(documentWith('a'), undefined, 'a'),
      store().write(documentWith('b'), undefined, 'b')
    ])
    expect(outcomes.map(o => o.status).sort()).toEqual(['fulfilled', 'rejected'])
    const rejected = outcomes.find(o => o.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason).toBeInstanceOf(StateConflictError)
    expect(gh.commits(BRANCH).filter(c => c.files.includes(PATH))).toHaveLength(1)
  })

  it('retries 5xx answers with growing backoff, and gives up after a bound', async () => {
    const s = store()
    gh.inject({ kind: 'status', status: 502, method: 'PUT', times: 2 })
    gh.inject({
      kind: 'status',
      status: 503,
      method: 'GET',
      pathPrefix: '/repos/octo-org/octo-repo/contents'
    })
    expect(await s.read()).toEqual({})
    const written = await s.write(documentWith('m-1'), undefined, 'one')
    expect(gh.files(BRANCH).get(PATH)).toBe(serialiseStateDocument(documentWith('m-1')))
    expect(written.revision).toBe(gitBlobSha(serialiseStateDocument(documentWith('m-1'))))
    expect(sleeps).toEqual([500, 500, 1000])

    gh.inject({ kind: 'status', status: 500, method: 'GET', times: 10 })
    sleeps = []
    const failed = s.read()
    await expect(failed).rejects.toBeInstanceOf(ActionError)
    await expect(failed).rejects.toThrow(/GitHub answered 500/)
    expect(sleeps).toEqual([500, 1000, 2000])
  })

  it('tells a name that does not resolve from an answer, and does not retry it', async () => {
    // What undici's fetch throws when the DNS lookup fails (no name is resolved here).
    const fetch = async () => {
      throw Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND github.invalid'), { code: 'ENOTFOUND' })
      })
    }
    const read = store({ apiUrl: 'https://github.invalid', fetch }).read()
    await expect(read).rejects.toMatchObject({
      message:
        'Cannot read the state record (branch asm-state, file cn-hangzhou/prod-mesh.json). ' +
        'GitHub could not be reached at https://github.invalid: the host name does not resolve (ENOTFOUND).',
      advice: 'Check that the runner can reach https://github.invalid, then re-run the job.'
    })
    expect(sleeps).toEqual([])
  })

  it('reports a refused connection as such after its retries, not as "GitHub answered 500"', async () => {
    const closed = await startGitHubEmulator()
    await closed.stop()
    const read = store({ apiUrl: closed.url }).read()
    await expect(read).rejects.toThrow(
      'Cannot read the state record (branch asm-state, file cn-hangzhou/prod-mesh.json). ' +
        `GitHub could not be reached at ${closed.url}: could not connect (ECONNREFUSED), on each of 4 attempts.`
    )
    expect(sleeps).toEqual([500, 1000, 2000])
  })

  it('never retries a 409 conflict; it only reads whether the file already holds this very write', async () => {
    const s = store()
    await s.write(documentWith('m-1'), undefined, 'one')
    const before = gh.requests.length
    await expect(s.write(documentWith('m-2'), 'f'.repeat(40), 'two')).rejects.toBeInstanceOf(
      StateConflictError
    )
    expect(gh.requests.slice(before).map(r => `${r.method} ${r.status}`)).toEqual(['PUT 409', 'GET 200'])
    expect(sleeps).toEqual([])
  })

  it('a write GitHub applied but answered 502: the retry conflicts with it, and it counts as written', async () => {
    const s = store()
    const first = await s.write(documentWith('m-1'), undefined, 'one')
    gh.inject({ kind: 'status', status: 502, method: 'PUT', afterProcessing: true })
    const written = await s.write(documentWith('m-2'), first.revision, 'two')
    expect(written.revision).toBe(gitBlobSha(serialiseStateDocument(documentWith('m-2'))))
    expect(gh.files(BRANCH).get(PATH)).toBe(serialiseStateDocument(documentWith('m-2')))
    expect(gh.commits(BRANCH).filter(c => c.message === 'two')).toHaveLength(1)
  })

  it('a GitHub that never answers ends the call after its attempts, with a clear error', async () => {
    gh.inject({ kind: 'hang', method: 'GET', times: 4 })
    const error = (await store({ requestTimeoutMs: 300 })
      .read()
      .catch((e: unknown) => e)) as ActionError
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      `Cannot read the state record (branch ${BRANCH}, file ${PATH}). GitHub gave no answer within 0.3 s, on each of 4 attempts.`
    )
    expect(sleeps).toEqual([500, 1000, 2000])
    expect(error.advice).toMatch(/Check that the runner can reach http:\/\/127\.0\.0\.1:\d+, then re-run/)
  })

  it('reads with a read-only token and explains why it cannot write', async () => {
    await store().write(documentWith('m-1'), undefined, 'one')
    const forked = store({ token: READ })
    expect((await forked.read()).document?.current?.meshId).toBe('m-1')
    const denied = forked.write(documentWith('m-2'), (await forked.read()).revision, 'two')
    await expect(denied).rejects.toBeInstanceOf(ActionError)
    await expect(denied).rejects.toMatchObject({
      message: expect.stringContaining('Resource not accessible by integration'),
      advice: expect.stringMatching(/contents: write[\s\S]*forks get a read-only token/)
    })
    expect(gh.files(BRANCH).get(PATH)).toContain('"m-1"')
  })

  it('reports a bad token as an error, not as "no state yet"', async () => {
    const read = store({ token: 'ghs_revoked' }).read()
    await expect(read).rejects.toBeInstanceOf(ActionError)
    await expect(read).rejects.toMatchObject({
      message: expect.stringContaining('GitHub answered 401: Bad credentials'),
      advice: expect.stringContaining('contents: read')
    })
  })

  it('reports a repository it cannot see as an error, not as "no state yet"', async () => {
    const read = store({ repository: 'octo-org/elsewhere' }).read()
    await expect(read).rejects.toThrow(/Cannot see the repository octo-org\/elsewhere.*404/)
  })

  it('treats a corrupt record on the branch as an error naming branch and file', async () => {
    const s = store()
    await s.write(documentWith('m-1'), undefined, 'one')
    gh.inject({ kind: 'race', path: PATH, content: '{"schemaVersion": 1, "stateKey": ' })
    await expect(s.write(documentWith('m-2'), undefined, 'two')).rejects.toBeInstanceOf(StateConflictError)
    const read = s.read()
    await expect(read).rejects.toBeInstanceOf(ActionError)
    await expect(read).rejects.toMatchObject({
      message: expect.stringContaining(`branch ${BRANCH}, file ${PATH} is unreadable: it is not valid JSON`),
      advice: expect.stringContaining('commit history holds every earlier version')
    })
  })

  it('refuses a directory at the record path', async () => {
    const s = store({ path: 'cn-hangzhou' })
    await store().write(documentWith('m-1'), undefined, 'one')
    await expect(s.read()).rejects.toThrow(/is not a file/)
  })

  it('rejects a repository that is not owner/repo before any request', () => {
    expect(() => store({ repository: 'just-a-name' })).toThrow(ActionError)
    expect(gh.requests).toEqual([])
  })
})

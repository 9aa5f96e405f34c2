import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { verify } from 'node:crypto'
import { gitBlobSha, startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator.js'

const WRITE = 'ghs_writer'
const READ = 'ghs_reader'

function decodeJwt(jwt: string) {
  const [header, payload, signature] = jwt.split('.')
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
    signingInput: `${header}.${payload}`,
    signature: Buffer.from(signature, 'base64url')
  }
}

describe('GitHub emulator: OIDC token endpoint', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHubEmulator({ owner: 'acme', repo: 'infra' })
  })
  afterAll(() => gh.stop())

  const fetchToken = (audience?: string, bearer = gh.idTokenRequestToken) =>
    fetch(gh.idTokenRequestUrl + (audience ? `&audience=${encodeURIComponent(audience)}` : ''), {
      headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' }
    })

  it('issues an RS256 token that verifies with the public key and carries the requested audience', async () => {
    const response = await fetchToken('sts.aliyuncs.com')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { count: number; value: string }
    expect(body.count).toBe(1)
    const jwt = decodeJwt(body.value)
    expect(jwt.header).toMatchObject({ typ: 'JWT', alg: 'RS256', kid: gh.keyId })
    expect(verify('sha256', Buffer.from(jwt.signingInput), gh.publicKey, jwt.signature)).toBe(true)
    const tampered = Buffer.from(jwt.signingInput.replace(/.$/, c => (c === 'A' ? 'B' : 'A')))
    expect(verify('sha256', tampered, gh.publicKey, jwt.signature)).toBe(false)

    const c = jwt.claims
    expect(c).toMatchObject({
      iss: gh.issuer,
      aud: 'sts.aliyuncs.com',
      sub: 'repo:acme/infra:ref:refs/heads/main',
      repository: 'acme/infra',
      repository_owner: 'acme',
      ref: 'refs/heads/main',
      event_name: 'push',
      run_attempt: '1'
    })
    expect(c.exp).toBe((c.iat as number) + 300)
    expect(c.nbf).toBe((c.iat as number) - 600)
    expect(gh.issuedTokens).toContain(body.value)
  })

  it('defaults the audience to the owner URL and issues a fresh jti per token', async () => {
    const first = decodeJwt(((await (await fetchToken()).json()) as { value: string }).value).claims
    const second = decodeJwt(((await (await fetchToken()).json()) as { value: string }).value).claims
    expect(first.aud).toBe('https://github.com/acme')
    expect(first.jti).not.toBe(second.jti)
  })

  it('rejects a wrong request token with 401 and issues nothing', async () => {
    const before = gh.issuedTokens.length
    const response = await fetchToken('sts.aliyuncs.com', 'wrong')
    expect(response.status).toBe(401)
    expect(gh.issuedTokens).toHaveLength(before)
  })

  it('lets tests override claims, e.g. a pull_request subject', async () => {
    const pr = await startGitHubEmulator({
      claims: { event_name: 'pull_request', sub: 'repo:octo-org/octo-repo:pull_request', aud: 'forced' }
    })
    try {
      const response = await fetch(`${pr.idTokenRequestUrl}&audience=x`, {
        headers: { authorization: `Bearer ${pr.idTokenRequestToken}` }
      })
      const claims = decodeJwt(((await response.json()) as { value: string }).value).claims
      expect(claims).toMatchObject({
        event_name: 'pull_request',
        sub: 'repo:octo-org/octo-repo:pull_request',
        aud: 'forced'
      })
    } finally {
      await pr.stop()
    }
  })
})

describe('GitHub emulator: REST', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHubEmulator({ tokens: [WRITE], readOnlyTokens: [READ] })
  })
  afterAll(() => gh.stop())

  const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const response = await fetch(`${gh.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `token ${token}` } : {}),
        'content-type': 'application/json'
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[] }
  }
  const repo = '/repos/octo-org/octo-repo'
  const b64 = (s: string) => Buffer.from(s).toString('base64')

  it('authenticates: no token or an unknown one is 401, a read-only token cannot write', async () => {
    expect((await call('GET', repo, undefined)).status).toBe(401)
    expect((await call('GET', repo, 'nope')).body.message).toBe('Bad credentials')
    expect((await call('GET', repo, READ)).body.default_branch).toBe('main')
    const denied = await call('PUT', `${repo}/contents/x.json`, READ, { message: 'm', content: b64('x') })
    expect(denied).toEqual({
      status: 403,
      body: expect.objectContaining({ message: 'Resource not accessible by integration' })
    })
  })

  it('creates branches from a commit and keeps files and logs per branch', async () => {
    expect((await call('GET', `${repo}/git/ref/heads/state`, WRITE)).status).toBe(404)
    const main = await call('GET', `${repo}/git/ref/heads/main`, WRITE)
    const sha = (main.body.object as { sha: string }).sha
    expect((await call('POST', `${repo}/git/refs`, WRITE, { ref: 'refs/heads/state', sha })).status).toBe(201)
    const again = await call('POST', `${repo}/git/refs`, WRITE, { ref: 'refs/heads/state', sha })
    expect(again).toEqual({
      status: 422,
      body: expect.objectContaining({ message: 'Reference already exists' })
    })

    const put = await call('PUT', `${repo}/contents/${encodeURIComponent('a/b.json')}`, WRITE, {
      message: 'first',
      content: b64('{"v":1}\n'),
      branch: 'state'
    })
    expect(put.status).toBe(201)
    expect((put.body.content as { sha: string }).sha).toBe(gitBlobSha('{"v":1}\n'))
    expect(gh.files('state').get('a/b.json')).toBe('{"v":1}\n')
    expect(gh.files('main').has('a/b.json')).toBe(false)
    expect(gh.commits('state')[0]).toMatchObject({ message: 'first', files: ['a/b.json'] })

    const got = await call('GET', `${repo}/contents/a%2Fb.json?ref=state`, READ)
    expect(got.body.sha).toBe(gitBlobSha('{"v":1}\n'))
    expect(Buffer.from(got.body.content as string, 'base64').toString()).toBe('{"v":1}\n')
    expect((await call('GET', `${repo}/contents/a%2Fb.json?ref=gone`, READ)).status).toBe(404)
    expect((await call('GET', `${repo}/contents/a%2Fc.json?ref=state`, READ)).status).toBe(404)
  })

  it('answers the contents PUT like github.com: missing sha 422, stale sha 409, unknown branch 404', async () => {
    const path = `${repo}/contents/cas.json`
    const first = await call('PUT', path, WRITE, { message: 'a', content: b64('1'), branch: 'main' })
    const sha = (first.body.content as { sha: string }).sha
    const missing = await call('PUT', path, WRITE, { message: 'b', content: b64('2'), branch: 'main' })
    expect(missing.status).toBe(422)
    expect(missing.body.message).toContain('"sha" wasn\'t supplied')
    const stale = await call('PUT', path, WRITE, { message: 'b', content: b64('2'), sha: 'f'.repeat(40) })
    expect(stale).toEqual({
      status: 409,
      body: expect.objectContaining({ message: expect.stringContaining('does not match') })
    })
    expect((await call('PUT', path, WRITE, { message: 'b', content: b64('2'), sha })).status).toBe(200)
    const noBranch = await call('PUT', path, WRITE, { message: 'c', content: b64('3'), branch: 'nope', sha })
    expect(noBranch.status).toBe(404)
    const log = gh.commits('main').filter(c => c.files.includes('cas.json'))
    expect(log.map(c => c.message)).toEqual(['b', 'a'])
  })

  it('injects status faults and a race before the next contents PUT', async () => {
    gh.inject({ kind: 'status', status: 502, method: 'GET', pathPrefix: `${repo}/git/ref`, times: 2 })
    expect((await call('GET', `${repo}/git/ref/heads/main`, WRITE)).status).toBe(502)
    expect((await call('GET', repo, WRITE)).status).toBe(200)
    expect((await call('GET', `${repo}/git/ref/heads/main`, WRITE)).status).toBe(502)
    expect((await call('GET', `${repo}/git/ref/heads/main`, WRITE)).status).toBe(200)

    const path = `${repo}/contents/race.json`
    await call('PUT', path, WRITE, { message: 'mine', content: b64('mine'), branch: 'main' })
    gh.inject({ kind: 'race', path: 'race.json', content: 'theirs' })
    const lost = await call('PUT', path, WRITE, {
      message: 'mine again',
      content: b64('mine again'),
      branch: 'main',
      sha: gitBlobSha('mine')
    })
    expect(lost.status).toBe(409)
    expect(gh.files('main').get('race.json')).toBe('theirs')
    expect(gh.requests.filter(r => r.status === 502)).toHaveLength(2)
  })

  it('applies a request and then answers a status fault (afterProcessing), and hangs on a hang fault', async () => {
    const path = `${repo}/contents/applied.json`
    gh.inject({ kind: 'status', status: 502, method: 'PUT', pathPrefix: path, afterProcessing: true })
    const answered = await call('PUT', path, WRITE, {
      message: 'applied',
      content: b64('v1'),
      branch: 'main'
    })
    expect(answered.status).toBe(502)
    expect(gh.files('main').get('applied.json')).toBe('v1')

    gh.inject({ kind: 'hang', method: 'GET', pathPrefix: `${repo}/git/ref` })
    const hung = await fetch(`${gh.url}${repo}/git/ref/heads/main`, {
      headers: { authorization: `token ${WRITE}` },
      signal: AbortSignal.timeout(300)
    }).catch((error: unknown) => (error as Error).name)
    expect(hung).toBe('TimeoutError')
    expect((await call('GET', `${repo}/git/ref/heads/main`, WRITE)).status).toBe(200)
  })

  it("tells the token's identity: GraphQL viewer answers, GET /user refuses an installation token's bot", async () => {
    const graphql = await fetch(`${gh.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${WRITE}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query { viewer { login } }' })
    })
    expect(await graphql.json()).toEqual({ data: { viewer: { login: 'github-actions[bot]' } } })
    expect(await call('GET', '/user', WRITE)).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const person = await startGitHubEmulator({ user: 'octocat' })
    try {
      const response = await fetch(`${person.url}/user`, {
        headers: { authorization: `token ${person.token}` }
      })
      expect(await response.json()).toEqual({ login: 'octocat', type: 'User' })
    } finally {
      await person.stop()
    }
  })

  it('lists commits touching a path', async () => {
    const listed = await call('GET', `${repo}/commits?sha=main&path=race.json`, READ)
    expect((listed.body as unknown as { commit: { message: string } }[]).map(c => c.commit.message)).toEqual([
      'Concurrent update (emulated race)',
      'mine'
    ])
  })

  it('keeps comments written by others (addComment) with their author', async () => {
    gh.addComment(4242, 'hello from mallory', 'mallory')
    const listed = await call('GET', `${repo}/issues/4242/comments`, WRITE)
    expect(listed.body).toEqual([
      expect.objectContaining({ body: 'hello from mallory', user: { login: 'mallory', type: 'User' } })
    ])
  })

  it('creates, lists (paginated) and edits issue comments; read-only tokens cannot comment', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await call('POST', `${repo}/issues/7/comments`, WRITE, { body: `c${i}` })).status).toBe(201)
    }
    expect((await call('POST', `${repo}/issues/7/comments`, READ, { body: 'no' })).status).toBe(403)
    const response = await fetch(`${gh.url}${repo}/issues/7/comments?per_page=2`, {
      headers: { authorization: `Bearer ${WRITE}` }
    })
    expect(response.headers.get('link')).toContain('page=2')
    const firstPage = (await response.json()) as { id: number; body: string; user: { login: string } }[]
    expect(firstPage.map(c => c.body)).toEqual(['c0', 'c1'])
    expect(firstPage[0].user.login).toBe('github-actions[bot]')

    const edited = await call('PATCH', `${repo}/issues/comments/${firstPage[0].id}`, WRITE, {
      body: 'edited'
    })
    expect(edited.body.body).toBe('edited')
    expect(gh.comments.filter(c => c.issue === 7).map(c => c.body)).toEqual(['edited', 'c1', 'c2'])
    expect((await call('PATCH', `${repo}/issues/comments/1`, WRITE, { body: 'x' })).status).toBe(404)
  })
})

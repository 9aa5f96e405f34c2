/**
 * A loopback GitHub for tests: the Actions OIDC token endpoint and the few REST calls the action makes
 * (repository, git refs, contents, commits, issue comments), plus the token's identity (GraphQL `viewer`,
 * REST `GET /user`, which installation tokens such as GITHUB_TOKEN may not call). One node:http server on 127.0.0.1, state in
 * memory, GitHub-shaped JSON answers and error messages (status codes and messages as measured against
 * github.com where known; see comments).
 */
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubEmulatorOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Tokens accepted for reads only: writes answer 403 (like a fork pull request's GITHUB_TOKEN). */
  readOnlyTokens?: string[]
  /** Tokens accepted for reads and writes; default `[DEFAULT_TOKEN]`. */
  tokens?: string[]
  /** Login shown as the author of comments and commits; default `github-actions[bot]`. */
  user?: string
  idTokenRequestToken?: string
  /** Merged over the default OIDC claims (last wins, `aud` included). */
  claims?: Record<string, unknown>
  /** Base of html_url links; default https://github.com */
  serverUrl?: string
}

export type GitHubFault =
  /** `afterProcessing`: the request takes effect (a PUT commits), then `status` is answered. */
  | {
      kind: 'status'
      status: number
      method?: string
      pathPrefix?: string
      times?: number
      afterProcessing?: boolean
    }
  | { kind: 'race'; path: string; content: string }
  /**
   * The next `times` (default 1) matching requests are read and never answered (until stop); the OIDC
   * token endpoint's too (pathPrefix `/_oidc/token`).
   */
  | { kind: 'hang'; method?: string; pathPrefix?: string; times?: number }

export interface GitHubEmulator {
  /** http://127.0.0.1:PORT (use as GITHUB_API_URL) */
  url: string
  /** `${url}/_oidc/token?api-version=2.0`: already has a query string, like the real one */
  idTokenRequestUrl: string
  idTokenRequestToken: string
  /** The `iss` claim of issued tokens. */
  issuer: string
  /** Verifies the RS256 tokens this emulator issues. */
  publicKey: KeyObject
  /** `kid` header of issued tokens. */
  keyId: string
  /** The first accepted read-write token. */
  token: string
  /** Every JWT handed out (for secret-hygiene tests). */
  issuedTokens: string[]
  /** path → content at the head of a branch (empty when the branch does not exist). */
  files(branch: string): Map<string, string>
  /** The branch's log, newest first; `files` are the paths that commit changed. */
  commits(branch: string): { message: string; sha: string; files: string[] }[]
  comments: { id: number; issue: number; body: string; user: string }[]
  /** A comment written by someone else (e.g. a user copying the action's marker). */
  addComment(issue: number, body: string, user: string): void
  /** Every request answered (a hung one is not, its status would be 0). */
  requests: { method: string; path: string; status: number }[]
  /**
   * status: the next `times` (default 1) matching requests answer `status`.
   * race: someone else commits `content` at `path` to the target branch just before the next contents PUT.
   */
  inject(fault: GitHubFault): void
  stop(): Promise<void>
}

export const DEFAULT_TOKEN = 'ghs_emulatorReadWriteToken0000000000000'
const ISSUER = 'https://token.actions.githubusercontent.com'

interface Commit {
  sha: string
  message: string
  parent?: string
  tree: Map<string, string>
  changed: string[]
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

/** Git's blob id: sha1 over `blob <byte length>\0<content>`; what the contents API calls `sha`. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8')
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex')
}

/** GitHub wraps base64 content at 60 characters. */
function wrappedBase64(content: string): string {
  return (
    Buffer.from(content, 'utf8')
      .toString('base64')
      .replace(/(.{60})/g, '$1\n') + '\n'
  )
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

export async function startGitHubEmulator(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  const owner = options.owner ?? 'octo-org'
  const repo = options.repo ?? 'octo-repo'
  const defaultBranch = options.defaultBranch ?? 'main'
  const writeTokens = new Set(options.tokens ?? [DEFAULT_TOKEN])
  const readOnlyTokens = new Set(options.readOnlyTokens ?? [])
  const user = options.user ?? 'github-actions[bot]'
  const serverUrl = options.serverUrl ?? 'https://github.com'
  const idTokenRequestToken = options.idTokenRequestToken ?? randomBytes(24).toString('hex')
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const keyId = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 40)
    .toUpperCase()

  const commitsBySha = new Map<string, Commit>()
  const branches = new Map<string, string>()
  const comments: GitHubEmulator['comments'] = []
  const requests: GitHubEmulator['requests'] = []
  const issuedTokens: string[] = []
  const faults: GitHubFault[] = []
  let nextCommentId = 1000

  function commit(branch: string, message: string, changes: Record<string, string>): Commit {
    const parentSha = branches.get(branch)
    const tree = new Map(parentSha ? commitsBySha.get(parentSha)!.tree : [])
    for (const [path, content] of Object.entries(changes)) tree.set(path, content)
    const sha = randomBytes(20).toString('hex')
    const created = { sha, message, parent: parentSha, tree, changed: Object.keys(changes) }
    commitsBySha.set(sha, created)
    branches.set(branch, sha)
    return created
  }
  commit(defaultBranch, 'Initial commit', { 'README.md': `# ${repo}\n` })

  function head(branch: string): Commit | undefined {
    const sha = branches.get(branch)
    return sha ? commitsBySha.get(sha) : undefined
  }

  function log(branch: string): Commit[] {
    const out: Commit[] = []
    for (let c = head(branch); c; c = c.parent ? commitsBySha.get(c.parent) : undefined) out.push(c)
    return out
  }

  const repoUrl = `${serverUrl}/${owner}/${repo}`
  const commitJson = (c: Commit) => ({
    sha: c.sha,
    node_id: `C_${c.sha.slice(0, 12)}`,
    html_url: `${repoUrl}/commit/${c.sha}`,
    message: c.message,
    parents: c.parent ? [{ sha: c.parent }] : []
  })
  const commentJson = (c: GitHubEmulator['comments'][number]) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    body: c.body,
    user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    html_url: `${repoUrl}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${apiUrl()}/repos/${owner}/${repo}/issues/${c.issue}`
  })

  let port = 0
  const apiUrl = () => `http://127.0.0.1:${port}`

  function issueIdToken(audience: string | null): string {
    const iat = Math.floor(Date.now() / 1000)
    const sha = randomBytes(20).toString('hex')
    const workflowRef = `${owner}/${repo}/.github/workflows/deploy.yml@refs/heads/${defaultBranch}`
    // Default: a push to the default branch; numeric-looking values are strings, as on GitHub.
    const claims: Record<string, unknown> = {
      jti: randomUUID(),
      sub: `repo:${owner}/${repo}:ref:refs/heads/${defaultBranch}`,
      aud: audience ?? `${serverUrl}/${owner}`,
      ref: `refs/heads/${defaultBranch}`,
      sha,
      repository: `${owner}/${repo}`,
      repository_owner: owner,
      repository_owner_id: '65',
      repository_id: '74',
      repository_visibility: 'private',
      run_id: '4242',
      run_number: '7',
      run_attempt: '1',
      runner_environment: 'github-hosted',
      actor: 'octocat',
      actor_id: '583231',
      workflow: 'deploy',
      workflow_ref: workflowRef,
      workflow_sha: sha,
      head_ref: '',
      base_ref: '',
      event_name: 'push',
      ref_type: 'branch',
      job_workflow_ref: workflowRef,
      job_workflow_sha: sha,
      iss: ISSUER,
      // The documented example token: nbf 600 s before iat, exp 300 s after.
      nbf: iat - 600,
      iat,
      exp: iat + 300,
      ...options.claims
    }
    const header = { typ: 'JWT', alg: 'RS256', x5t: keyId, kid: keyId }
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
    const jwt = `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), privateKey))}`
    issuedTokens.push(jwt)
    return jwt
  }

  /** The status or hang fault this request suffers, if any (one use of it is spent). */
  function takeRequestFault(
    method: string,
    path: string
  ): Exclude<GitHubFault, { kind: 'race' }> | undefined {
    const index = faults.findIndex(
      f =>
        f.kind !== 'race' &&
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.pathPrefix === undefined || path.startsWith(f.pathPrefix))
    )
    if (index < 0) return undefined
    const fault = faults[index] as Exclude<GitHubFault, { kind: 'race' }>
    const left = (fault.times ?? 1) - 1
    if (left <= 0) faults.splice(index, 1)
    else faults[index] = { ...fault, times: left }
    return fault
  }

  function takeRaceFault(): Extract<GitHubFault, { kind: 'race' }> | undefined {
    const index = faults.findIndex(f => f.kind === 'race')
    return index < 0 ? undefined : (faults.splice(index, 1)[0] as Extract<GitHubFault, { kind: 'race' }>)
  }

  /** Who is calling: 'write', 'read', or a 401. */
  function authorize(req: IncomingMessage): 'write' | 'read' {
    const header = req.headers.authorization
    if (!header) throw new HttpError(401, 'Requires authentication')
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header)
    if (match && writeTokens.has(match[1])) return 'write'
    if (match && readOnlyTokens.has(match[1])) return 'read'
    throw new HttpError(401, 'Bad credentials')
  }

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    if (text === '') return {}
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed as Record<string, unknown>
    } catch {
      // answered below like GitHub does
    }
    throw new HttpError(400, 'Problems parsing JSON')
  }

  function requireString(body: Record<string, unknown>, field: string): string {
    const value = body[field]
    if (typeof value !== 'string') {
      throw new HttpError(422, `Invalid request.\n\n"${field}" wasn't supplied.`)
    }
    return value
  }

  function getContents(path: string, ref: string) {
    const at = head(ref)
    if (!at) throw new HttpError(404, `No commit found for the ref ${ref}`)
    const content = at.tree.get(path)
    if (content !== undefined) {
      const sha = gitBlobSha(content)
      return {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(content),
        name: path.split('/').pop(),
        path,
        content: wrappedBase64(content),
        sha,
        url: `${apiUrl()}/repos/${owner}/${repo}/contents/${path}?ref=${ref}`,
        html_url: `${repoUrl}/blob/${ref}/${path}`,
        git_url: `${apiUrl()}/repos/${owner}/${repo}/git/blobs/${sha}`,
        download_url: null
      }
    }
    const prefix = path === '' ? '' : `${path}/`
    const names = new Map<string, 'file' | 'dir'>()
    for (const file of at.tree.keys()) {
      if (!file.startsWith(prefix)) continue
      const [name, ...rest] = file.slice(prefix.length).split('/')
      names.set(name, rest.length > 0 ? 'dir' : 'file')
    }
    if (names.size === 0) throw new HttpError(404, 'Not Found')
    return [...names].map(([name, type]) => ({ type, name, path: prefix + name }))
  }

  function putContents(path: string, body: Record<string, unknown>) {
    const message = requireString(body, 'message')
    const content = requireString(body, 'content')
    const branch = typeof body.branch === 'string' ? body.branch : defaultBranch
    // Measured on github.com: the branch is checked first (404), then the blob sha.
    if (!branches.has(branch)) throw new HttpError(404, `Branch ${branch} not found`)
    const race = takeRaceFault()
    if (race) commit(branch, 'Concurrent update (emulated race)', { [race.path]: race.content })
    const existing = head(branch)!.tree.get(path)
    if (existing !== undefined) {
      if (typeof body.sha !== 'string')
        throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
      if (body.sha !== gitBlobSha(existing)) throw new HttpError(409, `${path} does not match ${body.sha}`)
    }
    // For a path that does not exist, github.com ignores any `sha` given (201).
    const text = Buffer.from(content, 'base64').toString('utf8')
    const made = commit(branch, message, { [path]: text })
    return {
      status: existing === undefined ? 201 : 200,
      body: {
        content: { name: path.split('/').pop(), path, sha: gitBlobSha(text), size: Buffer.byteLength(text) },
        commit: commitJson(made)
      }
    }
  }

  function refJson(branch: string) {
    return {
      ref: `refs/heads/${branch}`,
      node_id: `REF_${branch}`,
      url: `${apiUrl()}/repos/${owner}/${repo}/git/refs/heads/${branch}`,
      object: { sha: branches.get(branch), type: 'commit' }
    }
  }

  function createRef(body: Record<string, unknown>) {
    const ref = requireString(body, 'ref')
    const sha = requireString(body, 'sha')
    const match = /^refs\/heads\/(.+)$/.exec(ref)
    if (!match) throw new HttpError(422, 'Reference name must start with refs/heads/ in this emulator')
    if (branches.has(match[1])) throw new HttpError(422, 'Reference already exists')
    if (!commitsBySha.has(sha)) throw new HttpError(422, 'Object does not exist')
    branches.set(match[1], sha)
    return refJson(match[1])
  }

  /** Pages like GitHub (per_page ≤ 100, default 30) with a Link header Octokit's paginate follows. */
  function page<T>(items: T[], url: URL, res: ServerResponse): T[] {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100)
    const pageNo = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1)
    if (pageNo * perPage < items.length) {
      const next = new URL(url.pathname, apiUrl())
      next.searchParams.set('per_page', String(perPage))
      next.searchParams.set('page', String(pageNo + 1))
      res.setHeader('link', `<${next.href}>; rel="next"`)
    }
    return items.slice((pageNo - 1) * perPage, pageNo * perPage)
  }

  async function route(
    req: IncomingMessage,
    url: URL,
    res: ServerResponse
  ): Promise<{ status: number; body: unknown }> {
    const method = req.method ?? 'GET'
    if (url.pathname === '/graphql' && method === 'POST') {
      authorize(req)
      const { query } = await readJson(req)
      // Only the query the action sends; GitHub answers GraphQL errors with 200 and an errors list.
      if (typeof query !== 'string' || !/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query))
        return {
          status: 200,
          body: { errors: [{ message: 'emulator: only { viewer { login } } is known' }] }
        }
      return { status: 200, body: { data: { viewer: { login: user } } } }
    }
    if (url.pathname === '/user' && method === 'GET') {
      authorize(req)
      // GITHUB_TOKEN and GitHub App tokens are installation tokens (ghs_): GET /user refuses them.
      if (user.endsWith('[bot]')) throw new HttpError(403, 'Resource not accessible by integration')
      return { status: 200, body: { login: user, type: 'User' } }
    }
    if (url.pathname === '/_oidc/token') {
      if (method !== 'GET') throw new HttpError(405, 'Method Not Allowed')
      if (req.headers.authorization !== `Bearer ${idTokenRequestToken}`) {
        throw new HttpError(401, 'Unauthorized: bad ACTIONS_ID_TOKEN_REQUEST_TOKEN')
      }
      return { status: 200, body: { count: 1, value: issueIdToken(url.searchParams.get('audience')) } }
    }

    const access = authorize(req)
    const segments = url.pathname.split('/').slice(1)
    if (segments[0] !== 'repos' || segments[1] !== owner || segments[2] !== repo) {
      throw new HttpError(404, 'Not Found')
    }
    const rest = segments.slice(3)
    const isWrite = method !== 'GET' && method !== 'HEAD'
    if (isWrite && access === 'read') throw new HttpError(403, 'Resource not accessible by integration')
    const decoded = (from: number) => rest.slice(from).map(decodeURIComponent).join('/')

    if (rest.length === 0 && method === 'GET') {
      return {
        status: 200,
        body: {
          id: 74,
          name: repo,
          full_name: `${owner}/${repo}`,
          owner: { login: owner },
          private: true,
          html_url: repoUrl,
          default_branch: defaultBranch,
          permissions: { pull: true, push: access === 'write', admin: false }
        }
      }
    }
    if (rest[0] === 'git' && rest[1] === 'ref' && method === 'GET') {
      const ref = decoded(2)
      const branch = ref.startsWith('heads/') ? ref.slice('heads/'.length) : undefined
      if (!branch || !branches.has(branch)) throw new HttpError(404, 'Not Found')
      return { status: 200, body: refJson(branch) }
    }
    if (rest[0] === 'git' && rest[1] === 'refs' && rest.length === 2 && method === 'POST') {
      return { status: 201, body: createRef(await readJson(req)) }
    }
    if (rest[0] === 'contents' && method === 'GET') {
      return { status: 200, body: getContents(decoded(1), url.searchParams.get('ref') ?? defaultBranch) }
    }
    if (rest[0] === 'contents' && method === 'PUT') {
      return putContents(decoded(1), await readJson(req))
    }
    if (rest[0] === 'commits' && rest.length === 1 && method === 'GET') {
      const branch = url.searchParams.get('sha') ?? defaultBranch
      if (!branches.has(branch)) throw new HttpError(404, `No commit found for SHA: ${branch}`)
      const path = url.searchParams.get('path')
      const touching = log(branch).filter(c => path === null || c.changed.includes(path))
      return {
        status: 200,
        body: page(touching, url, res).map(c => ({ ...commitJson(c), commit: { message: c.message } }))
      }
    }
    if (rest[0] === 'issues' && /^\d+$/.test(rest[1] ?? '') && rest[2] === 'comments' && rest.length === 3) {
      const issue = Number(rest[1])
      if (method === 'GET') {
        return { status: 200, body: page(comments.filter(c => c.issue === issue).map(commentJson), url, res) }
      }
      if (method === 'POST') {
        const created = { id: nextCommentId++, issue, body: requireString(await readJson(req), 'body'), user }
        comments.push(created)
        return { status: 201, body: commentJson(created) }
      }
    }
    if (rest[0] === 'issues' && rest[1] === 'comments' && /^\d+$/.test(rest[2] ?? '') && method === 'PATCH') {
      const found = comments.find(c => c.id === Number(rest[2]))
      if (!found) throw new HttpError(404, 'Not Found')
      found.body = requireString(await readJson(req), 'body')
      return { status: 200, body: commentJson(found) }
    }
    throw new HttpError(404, 'Not Found')
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', apiUrl())
    const method = req.method ?? 'GET'
    const answer = (status: number, body: unknown) => {
      requests.push({ method, path: url.pathname, status })
      res.statusCode = status
      res.setHeader('content-type', 'application/json; charset=utf-8')
      res.end(JSON.stringify(body))
    }
    const fault = takeRequestFault(method, url.pathname)
    const faultAnswer = (status: number) =>
      answer(status, { message: status >= 500 ? 'Server Error' : 'Emulated fault', status: String(status) })
    if (fault?.kind === 'hang') {
      req.resume()
      return
    }
    if (fault?.kind === 'status' && !fault.afterProcessing) {
      req.resume()
      faultAnswer(fault.status)
      return
    }
    route(req, url, res).then(
      ({ status, body }) => (fault?.kind === 'status' ? faultAnswer(fault.status) : answer(status, body)),
      (error: unknown) => {
        req.resume()
        if (error instanceof HttpError) {
          answer(error.status, {
            message: error.message,
            documentation_url: 'https://docs.github.com/rest',
            status: String(error.status)
          })
        } else {
          answer(500, { message: `emulator bug: ${String(error)}` })
        }
      }
    )
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  const url = apiUrl()

  return {
    url,
    idTokenRequestUrl: `${url}/_oidc/token?api-version=2.0`,
    idTokenRequestToken,
    issuer: ISSUER,
    publicKey,
    keyId,
    token: [...writeTokens][0] ?? '',
    issuedTokens,
    files: branch => new Map(head(branch)?.tree ?? []),
    commits: branch => log(branch).map(c => ({ message: c.message, sha: c.sha, files: [...c.changed] })),
    comments,
    addComment: (issue, body, author) => {
      comments.push({ id: nextCommentId++, issue, body, user: author })
    },
    requests,
    inject: fault => {
      faults.push(fault)
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}

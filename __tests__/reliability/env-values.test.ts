/**
 * Values from the environment are secrets everywhere but on the wire (docs/contract.md §4.1), end to end:
 * the state branch (files and commit messages), the diff output, the job summary and the PR comment hold
 * only `${NAME} sha256:…`, URL user info is `***`, diffs still see a changed secret, and the runner's own
 * variables cannot be read from a spec. On pull_request_target, apply is refused and a plan comment is
 * posted only when no value came from the environment.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { STATIC_KEY, startWorld, stateOnBranch, type World } from '../support/e2e.js'
import type { RunResult } from '../support/runner.js'
import { expectCleanFailure, logOf, MINIMAL, run, STATE_KEY } from './e2e-helpers.js'

const TEAM = 'team-secret-3f9a1c7e'
const TEAM_ROTATED = 'team-secret-rotated-55d0'
const PASSWORD = 'prom-pass-8b2d4e6f'
const LITERAL_PASSWORD = 'hunter2-literal-91ac'

const SPEC =
  `${MINIMAL}tags: {owner: '\${TEAM_TOKEN}', env: dev}\n` +
  'prometheus:\n  enabled: true\n  customized: true\n' +
  "  url: 'http://admin:${PROM_PASSWORD}@prometheus.internal:9090'\n" +
  `extraParameters:\n  SomeFutureFlag: 'https://bob:${LITERAL_PASSWORD}@example.com/x'\n`

const PULL_REQUEST = { name: 'pull_request', payload: { pull_request: { number: 7 } } }
const PULL_REQUEST_TARGET = { name: 'pull_request_target', payload: { pull_request: { number: 8 } } }

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.stop())

/** Every place outside the request a run and the state branch hold text. */
function everywhere(...results: RunResult[]): string {
  const branch = [...world.github.files('asm-state').values()].join('\n')
  const commits = world.github
    .commits('asm-state')
    .map(c => c.message)
    .join('\n')
  const comments = world.github.comments.map(c => c.body).join('\n')
  // An ::add-mask:: command is where a secret is meant to be written (the runner masks it from then on).
  const unmasked = (text: string) =>
    text
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
  const runs = results.map(r =>
    [unmasked(r.stdout), unmasked(r.stderr), r.summary, JSON.stringify(r.outputs)].join('\n')
  )
  return [branch, commits, comments, ...runs].join('\n')
}

type Diff = { path: string; change: string; before?: string; after?: string }[]

describe('an env secret in a tag and in a URL', () => {
  let apply: RunResult
  let plan: RunResult
  beforeAll(async () => {
    apply = await run(world, { spec: SPEC, env: { TEAM_TOKEN: TEAM, PROM_PASSWORD: PASSWORD } })
    plan = await run(world, {
      spec: SPEC,
      env: { TEAM_TOKEN: TEAM_ROTATED, PROM_PASSWORD: PASSWORD },
      with: { mode: 'plan', 'on-change': 'warn' },
      event: PULL_REQUEST
    })
  }, 120_000)

  it('sends the real values to the cloud, and only there', () => {
    expect(apply.exitCode).toBe(0)
    const [mesh] = world.cloud.meshes
    expect(mesh.parameters).toMatchObject({
      'Tag.1.Key': 'owner',
      'Tag.1.Value': TEAM,
      PrometheusUrl: `http://admin:${PASSWORD}@prometheus.internal:9090`
    })
    const text = everywhere(apply, plan)
    for (const secret of [TEAM, TEAM_ROTATED, PASSWORD, LITERAL_PASSWORD]) expect(text).not.toContain(secret)
  })

  it('records and shows them as ${NAME} with a sha256 fingerprint, and URL user info as ***', () => {
    const recorded = stateOnBranch(world, STATE_KEY)?.document.current?.parameters ?? []
    const value = (path: string) => recorded.find(p => p.path === path)?.value
    expect(value('tags.owner')).toMatch(/^\$\{TEAM_TOKEN\} sha256:[0-9a-f]{64}$/)
    expect(value('tags.env')).toBe('dev')
    expect(value('prometheus.url')).toMatch(/^\$\{PROM_PASSWORD\} sha256:[0-9a-f]{64}$/)
    expect(value('extraParameters.SomeFutureFlag')).toMatch(
      /^https:\/\/\*\*\*@example\.com\/x sha256:[0-9a-f]{64}$/
    )
    const diff = JSON.parse(apply.outputs.diff) as Diff
    expect(diff.find(c => c.path === 'tags.owner')?.after).toBe(value('tags.owner'))
    expect(apply.summary).toContain('${TEAM_TOKEN} sha256:')
  })

  it('still sees a changed secret: a changed fingerprint, in the diff output and the PR comment', () => {
    expect(plan.exitCode).toBe(0)
    const diff = JSON.parse(plan.outputs.diff) as Diff
    expect(diff.map(c => `${c.path} ${c.change}`)).toEqual(['tags.owner changed'])
    const [owner] = diff
    expect(owner.before).toMatch(/^\$\{TEAM_TOKEN\} sha256:/)
    expect(owner.after).toMatch(/^\$\{TEAM_TOKEN\} sha256:/)
    expect(owner.after).not.toBe(owner.before)
    const comment = world.github.comments.find(c => c.issue === 7)?.body ?? ''
    expect(comment).toContain('${TEAM_TOKEN} sha256:')
  })
})

describe("the runner's and the action's own variables", () => {
  it.each([
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', {}, 'oidc'],
    ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', {}, 'env'],
    ['GITHUB_TOKEN', { GITHUB_TOKEN: 'ghs_someTokenInTheEnvironment000001' }, 'oidc'],
    ['RUNNER_TEMP', {}, 'oidc'],
    ['COPIED_SECRET', { COPIED_SECRET: STATIC_KEY.secret }, 'static']
  ] as const)('${%s} is refused at its line, and nothing is sent', async (name, env, credentials) => {
    const spec = `${MINIMAL}tags: {owner: '\${${name}}'}\n`
    const before = world.cloud.calls.length
    const result = await run(world, { spec, env, credentials, with: { 'state-key': `refused/${name}` } })

    expectCleanFailure(result, /mesh\.yaml: 1 error in the mesh spec; nothing was sent/)
    expect(result.annotations[0]).toMatchObject({ level: 'error', line: 9 })
    expect(result.annotations[0].message).toMatch(
      name === 'COPIED_SECRET'
        ? /holds the same value as INPUT_ACCESS-KEY-SECRET, a credential of this run/
        : /is a variable of the runner or of this action/
    )
    expect(world.cloud.calls.length).toBe(before)
  })
})

describe('pull_request_target', () => {
  it('refuses mode: apply and says why, before any request', async () => {
    const before = { cloud: world.cloud.calls.length, github: world.github.requests.length }
    const result = await run(world, { event: PULL_REQUEST_TARGET })

    expectCleanFailure(
      result,
      /input mode: apply is refused on pull_request_target events: that event runs with the base repository's secrets and cloud role/
    )
    expect({ cloud: world.cloud.calls.length, github: world.github.requests.length }).toEqual(before)
  })

  it('posts the plan comment only when no spec value comes from the environment', async () => {
    const withEnv = await run(world, {
      spec: SPEC,
      env: { TEAM_TOKEN: TEAM, PROM_PASSWORD: PASSWORD },
      with: { mode: 'plan', 'on-change': 'warn' },
      event: PULL_REQUEST_TARGET
    })
    expect(withEnv.exitCode).toBe(0)
    expect(logOf(withEnv)).toMatch(
      /Plan comment skipped: on pull_request_target the comment is posted only when no spec value comes from the environment/
    )
    expect(world.github.comments.filter(c => c.issue === 8)).toEqual([])

    const plain = await run(world, {
      with: { mode: 'plan', 'state-key': 'target/plain' },
      event: PULL_REQUEST_TARGET
    })
    expect(plain.exitCode).toBe(0)
    expect(world.github.comments.filter(c => c.issue === 8)).toHaveLength(1)
  })

  it('pull_request keeps apply allowed (preview environments)', async () => {
    const result = await run(world, {
      event: PULL_REQUEST,
      with: { 'state-key': 'preview/pr-7', 'adopt-existing': false }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.created).toBe('true')
  })
})

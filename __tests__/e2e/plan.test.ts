/**
 * Scenarios 7 and 11: `mode: plan` as pull-request checks run it. With state on the branch and a record
 * from an earlier apply, a plan on a pull_request event keeps one sticky comment up to date; a plan with
 * no credentials and `state: file` needs no network at all.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  ALL_PARAMETERS,
  callsNamed,
  readExample,
  runScenario,
  SPEC_FILE,
  startWorld,
  stateOnBranch,
  type Scenario,
  type World
} from '../support/e2e.js'
import { caEnv } from '../support/ca-fixture.js'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { createWorkspace, type RunResult } from '../support/runner.js'

const STATE_KEY = 'cn-hangzhou/dev-mesh'
const MINIMAL = readExample('minimal.yaml')
const CHANGED = MINIMAL.replace('vSwitches: [vsw-bp1abc]', 'vSwitches: [vsw-bp1abc, vsw-bp1xyz]')
const PR_NUMBER = 12
const READ_ONLY_TOKEN = 'ghs_forkPullRequestReadOnly000000000000'
const MARKER = `<!-- asm-service-mesh-action:state-key=${STATE_KEY} -->`

const pullRequest: Scenario['event'] = {
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: PR_NUMBER,
    pull_request: { number: PR_NUMBER, head: { ref: 'grow-mesh' }, base: { ref: 'main' } }
  }
}

const commentRequests = (world: World) => world.github.requests.filter(r => /\/comments/.test(r.path))

describe.each(NODE_VERSIONS)('plan on a pull request under $name', ({ bin }) => {
  let world: World
  let workspace: string
  let meshId: string
  const plan = (extra: Partial<Scenario> = {}) =>
    runScenario(world, {
      workspace,
      node: bin,
      event: pullRequest,
      ...extra,
      with: { mode: 'plan', ...extra.with }
    })

  beforeAll(async () => {
    world = await startWorld({ github: { readOnlyTokens: [READ_ONLY_TOKEN] } })
    workspace = await createWorkspace({ [SPEC_FILE]: MINIMAL })
    // The mesh was applied from main earlier: the record is on the state branch.
    const applied = await runScenario(world, { workspace, node: bin, with: { wait: false } })
    if (applied.exitCode !== 0) throw new Error(`the apply on main failed:\n${applied.stdout}`)
    meshId = applied.outputs['service-mesh-id']
  })
  afterAll(async () => {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  describe('first plan, spec unchanged', () => {
    let result: RunResult
    let stateBefore: string
    let cloudBefore: number
    beforeAll(async () => {
      stateBefore = stateOnBranch(world, STATE_KEY)!.text
      cloudBefore = world.cloud.calls.length
      result = await plan()
    })

    it('succeeds with the recorded mesh id and no change', () => {
      expect(result.failures).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(result.outputs['service-mesh-id']).toBe(meshId)
      expect(result.outputs.changed).toBe('false')
      expect(result.outputs.created).toBe('false')
      expect(JSON.parse(result.outputs.diff)).toEqual([])
    })

    it('posts one comment with the marker, the verdict and the mesh id', () => {
      expect(world.github.comments).toHaveLength(1)
      const [comment] = world.github.comments
      expect(comment.issue).toBe(PR_NUMBER)
      expect(comment.body.startsWith(MARKER)).toBe(true)
      expect(comment.body).toContain(meshId)
      expect(comment.body).toMatch(/No change/)
    })

    it('writes nothing: no cloud write, no state write', () => {
      const actions = world.cloud.calls.slice(cloudBefore).map(c => c.action)
      expect(actions).not.toContain('CreateServiceMesh')
      expect(stateOnBranch(world, STATE_KEY)!.text).toBe(stateBefore)
      expect(world.github.requests.filter(r => r.method === 'PUT')).toHaveLength(2) // the apply's lock and record
    })
  })

  describe('re-run after a push that changes the spec', () => {
    let result: RunResult
    let firstCommentId: number
    beforeAll(async () => {
      firstCommentId = world.github.comments[0].id
      await writeFile(path.join(workspace, SPEC_FILE), CHANGED)
      result = await plan({ github: { sha: 'b'.repeat(40) } })
    })
    afterAll(() => writeFile(path.join(workspace, SPEC_FILE), MINIMAL))

    it('fails the check, as apply would refuse a change that needs a new mesh, and reports the diff', () => {
      expect(result.exitCode).toBe(1)
      expect(result.outputs.decision).toBe('refuse')
      const errors = result.annotations.filter(a => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toMatch(/network\.vSwitches \(VSwitches\) needs a new mesh/)
      expect(world.cloud.meshes).toHaveLength(1)
      expect(result.outputs.changed).toBe('true')
      expect(JSON.parse(result.outputs.diff)).toEqual([
        expect.objectContaining({ parameter: 'VSwitches', change: 'changed' })
      ])
    })

    it('updates the same comment in place: still one', () => {
      expect(world.github.comments).toHaveLength(1)
      expect(world.github.comments[0].id).toBe(firstCommentId)
      expect(world.github.comments[0].body).toContain('vsw-bp1xyz')
      expect(world.github.comments[0].body).toMatch(/would fail|on-change/i)
      expect(commentRequests(world).filter(r => r.method === 'PATCH')).toHaveLength(1)
      expect(commentRequests(world).filter(r => r.method === 'POST')).toHaveLength(1)
    })
  })

  describe('comment: false', () => {
    let result: RunResult
    let before: number
    beforeAll(async () => {
      before = commentRequests(world).length
      result = await plan({ with: { comment: false } })
    })

    it('plans without touching the comments', () => {
      expect(result.exitCode).toBe(0)
      expect(result.summary).toMatch(/Service mesh plan/)
      expect(commentRequests(world).length).toBe(before)
      expect(world.github.comments).toHaveLength(1)
    })
  })

  describe('a read-only token (a pull request from a fork)', () => {
    let result: RunResult
    let commentBody: string
    beforeAll(async () => {
      commentBody = world.github.comments[0].body
      // A fork gets neither an OIDC token nor write access.
      result = await plan({
        githubToken: READ_ONLY_TOKEN,
        github: { runId: '9001' },
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined }
      })
    })

    it('still plans from the record and exits 0', () => {
      expect(result.failures).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(result.annotationCounts.error).toBe(0)
      expect(result.outputs['service-mesh-id']).toBe(meshId)
      expect(result.outputs.changed).toBe('false')
    })

    it('says why there is no comment and leaves the existing one alone', () => {
      const said = result.annotations.filter(a => a.level === 'notice' || a.level === 'warning')
      expect(said.some(a => /pull-requests: write/.test(a.message))).toBe(true)
      expect(world.github.comments).toHaveLength(1)
      expect(world.github.comments[0].body).toBe(commentBody)
    })

    // Expected on every fork pull request, so a notice (README permissions table), not a warning.
    it('says it as a notice, not a warning', () => {
      const notices = result.annotations.filter(a => a.level === 'notice')
      expect(notices.some(a => /pull-requests: write/.test(a.message))).toBe(true)
      expect(result.annotations.filter(a => a.level === 'warning' && /comment/i.test(a.message))).toEqual([])
    })
  })
})

describe.each(NODE_VERSIONS)('plan without credentials and state: file under $name', ({ bin }) => {
  let world: World
  let workspace: string
  let result: RunResult

  beforeAll(async () => {
    world = await startWorld()
    workspace = await createWorkspace({ [SPEC_FILE]: MINIMAL })
    result = await runScenario(world, {
      workspace,
      node: bin,
      credentials: 'none',
      with: { mode: 'plan', state: 'file' }
    })
  })
  afterAll(async () => {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('succeeds with changed=true and every parameter added', () => {
    expect(result.failures).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs.changed).toBe('true')
    expect(result.outputs.created).toBe('false')
    expect(result.outputs['service-mesh-id'] ?? '').toBe('')
    const diff = JSON.parse(result.outputs.diff) as { parameter: string; change: string }[]
    expect(diff.map(c => [c.parameter, c.change])).toEqual([
      ['Name', 'added'],
      ['RegionId', 'added'],
      ['VpcId', 'added'],
      ['VSwitches', 'added']
    ])
  })

  it('writes a job summary that says the cloud was not read', () => {
    expect(result.summaryUploaded).toBe(true)
    expect(result.summary).toMatch(/Service mesh plan/)
    expect(result.summary).toMatch(/cloud was not read/)
    expect(result.summary).toContain('`VSwitches`')
  })

  it('touches no network and writes no state file', () => {
    expect(world.cloud.calls).toEqual([])
    expect(world.github.requests).toEqual([])
    expect(callsNamed(world.cloud, 'CreateServiceMesh')).toEqual([])
    expect(existsSync(path.join(workspace, '.asm-state'))).toBe(false)
  })
})

describe.each(NODE_VERSIONS)('plan of all parameters without credentials under $name', ({ bin }) => {
  let world: World
  let workspace: string
  let result: RunResult

  beforeAll(async () => {
    world = await startWorld()
    workspace = await createWorkspace({ [SPEC_FILE]: readExample(ALL_PARAMETERS) })
    result = await runScenario(world, {
      workspace,
      node: bin,
      credentials: 'none',
      env: caEnv(),
      with: { mode: 'plan', state: 'file' }
    })
  })
  afterAll(async () => {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('validates all 78 parameters and plans them as added, offline', () => {
    expect(result.failures).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.annotations.filter(a => a.level === 'error')).toEqual([])
    const diff = JSON.parse(result.outputs.diff) as { parameter: string; change: string }[]
    expect(diff.every(c => c.change === 'added')).toBe(true)
    // 77 body parameters, Tag (two tags) and the one extra parameter.
    expect(new Set(diff.map(c => c.parameter)).size).toBe(77 + 1 + 1)
    expect(world.cloud.calls).toEqual([])
    expect(world.github.requests).toEqual([])
  })

  it('warns about the two deprecated parameters at their lines', () => {
    const warnings = result.annotations.filter(a => a.level === 'warning')
    expect(warnings.map(w => w.message).join('\n')).toMatch(/rootKey[\s\S]*type|type[\s\S]*rootKey/)
    expect(warnings.every(w => w.file === SPEC_FILE && (w.line ?? 0) > 1)).toBe(true)
  })
})

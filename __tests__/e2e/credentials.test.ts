/**
 * Scenarios 8 and 9: where credentials come from, as workflows give them. A job without
 * `permissions: id-token: write` (no ACTIONS_ID_TOKEN_REQUEST_URL), static keys from secrets, keys that
 * configure-aliyun-credentials exported to the environment, and a wrong secret.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import {
  callsNamed,
  readExample,
  runScenario,
  SPEC_FILE,
  startWorld,
  STATIC_KEY,
  stateOnBranch,
  type Scenario,
  type World
} from '../support/e2e.js'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { createWorkspace, maskedLog, type RunResult } from '../support/runner.js'

const STATE_KEY = 'cn-hangzhou/dev-mesh'
/** What a job without `permissions: id-token: write` gets: no token request variables. */
const NO_ID_TOKEN = { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined }

let world: World
let workspace: string
const worlds: World[] = []
beforeAll(async () => {
  workspace = await createWorkspace({ [SPEC_FILE]: readExample('minimal.yaml') })
})
afterAll(async () => {
  await Promise.all(worlds.map(w => w.stop()))
  await rm(workspace, { recursive: true, force: true })
})

/** Each scenario gets fresh emulators (then `world`), so calls and state belong to that run alone. */
async function run(scenario: Omit<Scenario, 'workspace'>): Promise<RunResult> {
  world = await startWorld()
  worlds.push(world)
  return runScenario(world, { workspace, ...scenario })
}

describe.each(NODE_VERSIONS)('OIDC inputs in a job without id-token permission under $name', ({ bin }) => {
  it('apply fails at once, says to add the permission and calls nothing', async () => {
    // Killed after 10 s if it hung waiting for a token (the job's timeout would be far longer).
    const result = await run({ node: bin, env: NO_ID_TOKEN, timeoutMs: 10_000 })
    expect(result.timedOut).toBe(false)
    expect(result.exitCode).toBe(1)
    const errors = result.annotations.filter(a => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toContain('permissions: id-token: write')
    expect(errors[0].message).toMatch(/fork/)
    expect(world.cloud.calls).toEqual([])
    expect(world.github.requests).toEqual([])
    expect(result.outputs['service-mesh-id'] ?? '').toBe('')
  })

  it('plan goes on without the cloud: exit 0, a warning, and the plan', async () => {
    const result = await run({ node: bin, env: NO_ID_TOKEN, with: { mode: 'plan' } })
    expect(result.exitCode).toBe(0)
    expect(result.failures).toEqual([])
    const warnings = result.annotations.filter(a => a.level === 'warning')
    expect(
      warnings.some(w => /OIDC token/.test(w.message) && /without reading the cloud/.test(w.message))
    ).toBe(true)
    expect(result.annotationCounts.error).toBe(0)
    expect(world.cloud.calls).toEqual([])
    expect(world.github.issuedTokens).toEqual([])
    expect(result.outputs.changed).toBe('true')
    expect(JSON.parse(result.outputs.diff)).toHaveLength(4)
    expect(result.summary).toMatch(/Service mesh plan/)
    expect(result.summary).toMatch(/cloud was not read/)
    expect(result.summary).toContain('`VpcId`')
  })
})

describe.each(NODE_VERSIONS)('AccessKey credentials under $name', ({ bin }) => {
  it.each([
    ['static inputs', { credentials: 'static' } as const],
    ['environment variables', { credentials: 'env' } as const]
  ])('apply with %s creates the mesh, signed with that key', async (_, choice) => {
    const result = await run({ node: bin, ...choice, with: { wait: false } })
    expect(result.failures).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(world.cloud.meshes).toHaveLength(1)
    expect(result.outputs['service-mesh-id']).toBe(world.cloud.meshes[0].id)
    expect(result.outputs.created).toBe('true')
    expect(callsNamed(world.cloud, 'AssumeRoleWithOIDC')).toEqual([])
    expect(world.github.issuedTokens).toEqual([])
    const [create] = callsNamed(world.cloud, 'CreateServiceMesh')
    expect(create).toMatchObject({ signature: 'v3', accessKeyId: STATIC_KEY.id, status: 200 })
    expect(stateOnBranch(world, STATE_KEY)?.document.current?.meshId).toBe(world.cloud.meshes[0].id)
    expect(result.masks).toContain(STATIC_KEY.secret)
    expect(maskedLog(result)).not.toContain(STATIC_KEY.secret)
  })

  describe('a wrong AccessKey secret', () => {
    let result: RunResult
    beforeAll(async () => {
      result = await run({
        node: bin,
        credentials: 'static',
        with: { 'access-key-secret': 'wrong-e2e-secret-00000000000000' }
      })
    })

    it('fails with SignatureDoesNotMatch explained: API, code, request id and what to check', () => {
      expect(result.exitCode).toBe(1)
      const errors = result.annotations.filter(a => a.level === 'error')
      expect(errors).toHaveLength(1)
      const message = errors[0].message
      expect(message).toContain('SignatureDoesNotMatch')
      expect(message).toMatch(/DescribeServiceMeshes|CreateServiceMesh/)
      expect(message).toMatch(/request id [0-9A-F-]{36}/)
      expect(message).toMatch(/check access-key-secret/)
      expect(message).not.toContain('wrong-e2e-secret')
    })

    it('creates nothing and records nothing', () => {
      expect(callsNamed(world.cloud, 'CreateServiceMesh')).toEqual([])
      expect(world.cloud.meshes).toEqual([])
      expect(world.cloud.calls.every(c => c.code === 'SignatureDoesNotMatch')).toBe(true)
      expect(stateOnBranch(world, STATE_KEY)).toBeUndefined()
      expect(result.outputs['service-mesh-id'] ?? '').toBe('')
    })

    // A run that fails after validation has no decision: the summary must not blame the spec.
    it('writes a job summary that says what failed, not that the spec has errors', () => {
      expect(result.summary).toContain('SignatureDoesNotMatch')
      expect(result.summary).not.toMatch(/spec has (0 errors|errors)/)
    })
  })
})

/**
 * Scenarios 1 and 2: an OIDC apply of examples/reference/all-parameters.yaml with state on the `asm-state`
 * branch, then a re-run of the same step. The bundle runs as the runner starts it, under this machine's
 * node and Node 24, against the GitHub and cloud emulators.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import { readCaFixture } from '../support/ca-fixture.js'
import { base64Of, ALL_PARAMETERS_BODY, ALL_PARAMETERS_QUERY } from '../fixtures/all-parameters-request.js'
import {
  ALL_PARAMETERS,
  callsNamed,
  readExample,
  runScenario,
  SPEC_FILE,
  startWorld,
  stateOnBranch,
  tokenRequests,
  type World
} from '../support/e2e.js'
import { CREATE_PARAMETER_NAMES } from '../emulator/cloud/mesh-parameters.js'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { createWorkspace, type RunResult } from '../support/runner.js'

const STATE_KEY = 'cn-hangzhou/all-parameters-reference'

/** Everything CreateServiceMesh must receive, query and body together, as the emulator records it. */
const EXPECTED_WIRE: Record<string, string> = { ...ALL_PARAMETERS_QUERY, ...ALL_PARAMETERS_BODY }

/** The private keys in every form the action handles: none may show anywhere but the wire. */
const SECRET_FORMS = ['ca-key.pem', 'root-key.pem'].flatMap(file => [
  readCaFixture(file).trim(),
  base64Of(file),
  // one line of the key body, in case a value is printed reflowed
  readCaFixture(file).split('\n')[2]
])

/** Every byte the run emitted (log, file commands, files written) except the `::add-mask::` lines. */
const outsideAddMask = (text: string) =>
  text
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')

describe('the expected wire map', () => {
  it('names every CreateServiceMesh parameter of the API (78) once, plus the extra parameter', () => {
    const apiNames = new Set(
      Object.keys(EXPECTED_WIRE)
        .filter(name => name !== 'SomeFutureFlag')
        .map(name => (name.startsWith('Tag.') ? 'Tag' : name))
    )
    expect([...apiNames].sort()).toEqual(CREATE_PARAMETER_NAMES)
    expect(apiNames.size).toBe(78)
  })
})

describe.each(NODE_VERSIONS)('full OIDC apply of the all-parameters reference under $name', ({ bin }) => {
  let world: World
  let workspace: string
  let first: RunResult
  let rerun: RunResult
  let cloudCallsOfFirst: number
  let tokenRequestsOfFirst: number
  let stateAfterFirst: string | undefined
  let stateCommitsAfterFirst: number

  beforeAll(async () => {
    world = await startWorld()
    workspace = await createWorkspace({ [SPEC_FILE]: readExample(ALL_PARAMETERS) })
    first = await runScenario(world, { workspace, node: bin })
    cloudCallsOfFirst = world.cloud.calls.length
    tokenRequestsOfFirst = tokenRequests(world.github).length
    stateAfterFirst = stateOnBranch(world, STATE_KEY)?.text
    stateCommitsAfterFirst = world.github.commits('asm-state').length
    rerun = await runScenario(world, { workspace, node: bin })
  })
  afterAll(async () => {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  describe('first run', () => {
    it('succeeds without errors', () => {
      expect(first.failures).toEqual([])
      expect(first.exitCode).toBe(0)
      expect(first.annotationCounts.error).toBe(0)
    })

    it('creates exactly one mesh, which received the exact wire value of every parameter', () => {
      expect(world.cloud.meshes).toHaveLength(1)
      expect(world.cloud.meshes[0].parameters).toEqual(EXPECTED_WIRE)
    })

    it('sends the tags in the query and everything else in the form body, signed V3 with STS keys', () => {
      const [create] = callsNamed(world.cloud, 'CreateServiceMesh')
      expect(create).toMatchObject({ method: 'POST', version: '2020-01-11', signature: 'v3', status: 200 })
      expect(create.accessKeyId).toMatch(/^STS\./)
      expect(create.headers['x-acs-security-token']).toBeTruthy()
      expect(create.query).toEqual({
        'Tag.1.Key': 'env',
        'Tag.1.Value': 'prod',
        'Tag.2.Key': 'team',
        'Tag.2.Value': 'mesh'
      })
      expect(Object.keys(create.body)).not.toContain('Tag.1.Key')
    })

    it('outputs the mesh id unmasked, the request id, created, changed, an all-added diff and running', () => {
      const mesh = world.cloud.meshes[0]
      expect(first.outputs['service-mesh-id']).toBe(mesh.id)
      expect(first.masks).not.toContain(mesh.id)
      expect(first.outputs['request-id']).toMatch(/^[0-9A-F-]{36}$/)
      expect(first.outputs.created).toBe('true')
      expect(first.outputs.changed).toBe('true')
      expect(first.outputs['mesh-state']).toBe('running')
      const diff = JSON.parse(first.outputs.diff) as { change: string; parameter: string; path: string }[]
      expect(diff.length).toBeGreaterThanOrEqual(78)
      expect(diff.every(c => c.change === 'added')).toBe(true)
      expect(new Set(diff.map(c => c.parameter))).toEqual(
        new Set(Object.keys(EXPECTED_WIRE).map(name => (name.startsWith('Tag.') ? 'Tag' : name)))
      )
    })

    it('shows secrets in the diff only as sha256 fingerprints', () => {
      const diff = JSON.parse(first.outputs.diff) as { parameter: string; after?: string }[]
      for (const parameter of ['ExistingCaKey', 'ExistingRootCaKey']) {
        expect(diff.find(c => c.parameter === parameter)?.after).toMatch(
          /^\$\{ASM_(CA|ROOT)_KEY\} sha256:[0-9a-f]{64}$/
        )
      }
    })

    it('records the mesh on the asm-state branch with run facts and no secret values', () => {
      const state = stateOnBranch(world, STATE_KEY)
      expect(state).toBeDefined()
      const record = state!.document.current!
      expect(record).toMatchObject({
        meshId: world.cloud.meshes[0].id,
        requestId: first.outputs['request-id'],
        origin: 'created',
        name: 'all-parameters-reference',
        region: 'cn-hangzhou',
        commitSha: 'a'.repeat(40),
        runId: '4242',
        runAttempt: '1',
        actor: 'octocat',
        repository: 'octo-org/mesh-config'
      })
      expect(state!.document.pending).toBeUndefined()
      const recorded = new Map(record.parameters.map(p => [p.parameter, p.value]))
      expect(recorded.get('ExistingCaKey')).toMatch(/^\$\{ASM_CA_KEY\} sha256:[0-9a-f]{64}$/)
      expect(recorded.get('ExistingRootCaKey')).toMatch(/^\$\{ASM_ROOT_KEY\} sha256:[0-9a-f]{64}$/)
      for (const secret of SECRET_FORMS) expect(state!.text).not.toContain(secret)
      expect(world.github.commits('asm-state')[0].files).toEqual([`${STATE_KEY}.json`])
    })

    it('shows the wait as a collapsible group ending in running', () => {
      const id = world.cloud.meshes[0].id
      expect(first.groups).toEqual(expect.arrayContaining([expect.stringContaining(id)]))
      // progress lines carry the elapsed time and the state
      expect(first.shownLog.some(line => /\b\d+ ?s\b.*\brunning\b/.test(line))).toBe(true)
    })

    it('writes a job summary that names the mesh id', () => {
      expect(first.summaryUploaded).toBe(true)
      expect(first.summary).toContain(world.cloud.meshes[0].id)
      expect(first.summary).toMatch(/Created mesh/)
    })

    it('never emits a masked value (keys, OIDC token, STS keys) except in its add-mask command', () => {
      const masked = first.masks.filter(value => value.length >= 8)
      expect(masked).toEqual(
        expect.arrayContaining([
          world.github.issuedTokens[0],
          base64Of('ca-key.pem'),
          base64Of('root-key.pem')
        ])
      )
      const emitted = outsideAddMask(first.allText)
      for (const value of masked) expect(emitted).not.toContain(value)
      for (const secret of SECRET_FORMS) expect(emitted).not.toContain(secret)
    })

    it('made one token request, one STS call, at most one list, one create, then polled the detail', () => {
      expect(tokenRequestsOfFirst).toBe(1)
      const actions = world.cloud.calls.slice(0, cloudCallsOfFirst).map(c => c.action)
      expect(actions[0]).toBe('AssumeRoleWithOIDC')
      expect(actions.filter(a => a === 'AssumeRoleWithOIDC')).toHaveLength(1)
      expect(actions.filter(a => a === 'DescribeServiceMeshes').length).toBeLessThanOrEqual(1)
      expect(actions.filter(a => a === 'CreateServiceMesh')).toHaveLength(1)
      const afterCreate = actions.slice(actions.indexOf('CreateServiceMesh') + 1)
      expect(afterCreate.length).toBeGreaterThanOrEqual(1)
      expect(new Set(afterCreate)).toEqual(new Set(['DescribeServiceMeshDetail']))
    })
  })

  describe('re-run of the same step', () => {
    it('succeeds, creates nothing and outputs the same id with created=false and changed=false', () => {
      expect(rerun.failures).toEqual([])
      expect(rerun.exitCode).toBe(0)
      expect(world.cloud.meshes).toHaveLength(1)
      expect(rerun.outputs['service-mesh-id']).toBe(first.outputs['service-mesh-id'])
      expect(rerun.outputs.created).toBe('false')
      expect(rerun.outputs.changed).toBe('false')
      expect(JSON.parse(rerun.outputs.diff)).toEqual([])
      expect(rerun.outputs['request-id'] ?? '').toBe('')
      expect(rerun.outputs['mesh-state']).toBe('running')
    })

    it('reads the cloud once besides STS: the detail, and the tags the spec manages (the drift check)', () => {
      const actions = world.cloud.calls.slice(cloudCallsOfFirst).map(c => c.action)
      expect(actions.filter(a => a === 'AssumeRoleWithOIDC')).toHaveLength(1)
      expect(actions.filter(a => a !== 'AssumeRoleWithOIDC').sort()).toEqual([
        'DescribeServiceMeshDetail',
        'ListTagResources'
      ])
    })

    it('leaves the state record as it was', () => {
      expect(stateOnBranch(world, STATE_KEY)?.text).toBe(stateAfterFirst)
      expect(world.github.commits('asm-state')).toHaveLength(stateCommitsAfterFirst)
    })

    it('says in the summary that nothing changed', () => {
      expect(rerun.summary).toContain(first.outputs['service-mesh-id'])
      expect(rerun.summary).toMatch(/Unchanged/)
    })
  })
})

/**
 * The mesh kept in line with its spec (docs/contract.md §7.1, §7.2), end to end against the bundle and the
 * emulators: a pull request's plan, an update in place with the fewest calls, a change that needs a new
 * mesh, drift behind the action's back set back, and a failure halfway that leaves a record whose next
 * plan shows only what is left. One mesh goes through all of it, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runScenario, SPEC_FILE, startWorld, stateOnBranch, type World } from '../support/e2e.js'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { createWorkspace, type RunResult } from '../support/runner.js'

const STATE_KEY = 'cn-hangzhou/update-mesh'
const spec = (sampling: number, tags: string, vSwitches = '[vsw-bp1abc]') => `version: 1
name: update-mesh
region: cn-hangzhou
tags: ${tags}
network:
  vpcId: vpc-bp1abc
  vSwitches: ${vSwitches}
tracing:
  enabled: true
  sampling: ${sampling}
opa:
  enabled: true
audit:
  enabled: false
`
const FIRST = spec(100, '{ team: mesh }')
/** The pull request: a sampling rate and a tag. */
const CHANGED = spec(50, '{ team: mesh, env: dev }')
const WRITES = [
  'CreateServiceMesh',
  'UpdateMeshFeature',
  'TagResources',
  'UntagResources',
  'ModifyServiceMeshName',
  'UpdateControlPlaneLogConfig',
  'UpgradeMeshEditionPartially'
]

interface DriftEntry {
  path: string
  parameter: string
  recorded?: string
  live?: string
}
const driftOf = (result: RunResult): DriftEntry[] => JSON.parse(result.outputs.drift) as DriftEntry[]
const diffPaths = (result: RunResult): string[] =>
  (JSON.parse(result.outputs.diff) as { path: string }[]).map(c => c.path)

describe('update in place, drift and refusal', () => {
  const node = NODE_VERSIONS[0].bin
  let world: World
  let workspace: string
  let meshId: string
  const writes = () => WRITES.reduce((n, action) => n + world.cloud.callsTo(action).length, 0)
  const run = (mode: 'plan' | 'apply', more: Record<string, string | boolean> = {}) =>
    runScenario(world, { workspace, node, with: { mode, ...more } })
  const recorded = (p: string) =>
    stateOnBranch(world, STATE_KEY)?.document.current?.parameters.find(x => x.path === p)?.value
  const writeSpec = (text: string) => writeFile(path.join(workspace, SPEC_FILE), text)

  beforeAll(async () => {
    world = await startWorld()
    workspace = await createWorkspace({ [SPEC_FILE]: FIRST })
    const first = await run('apply')
    if (first.exitCode !== 0) throw new Error(`the first apply failed:\n${first.stdout}`)
    meshId = first.outputs['service-mesh-id']
  })
  afterAll(async () => {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  describe('a pull request changes tracing.sampling and adds a tag', () => {
    let plan: RunResult
    let apply: RunResult
    let rerun: RunResult
    let updateCalls: ReturnType<World['cloud']['callsTo']>
    let tagCalls: ReturnType<World['cloud']['callsTo']>
    let rerunWrites: number

    beforeAll(async () => {
      await writeSpec(CHANGED)
      plan = await run('plan')
      const before = world.cloud.callsTo('UpdateMeshFeature').length
      const tagsBefore = world.cloud.callsTo('TagResources').length
      apply = await run('apply')
      updateCalls = world.cloud.callsTo('UpdateMeshFeature').slice(before)
      tagCalls = world.cloud.callsTo('TagResources').slice(tagsBefore)
      const writesBefore = writes()
      rerun = await run('apply')
      rerunWrites = writes() - writesBefore
    })

    it('plans both changes labelled with their APIs, and exits 0', () => {
      expect(plan.exitCode).toBe(0)
      expect(plan.outputs.decision).toBe('update')
      expect(plan.summary).toMatch(/`tracing\.sampling`.*in place \\\(UpdateMeshFeature\\\)/)
      expect(plan.summary).toMatch(/`tags\.env`.*in place \\\(TagResources\\\)/)
    })

    it('sends one UpdateMeshFeature with TraceSampling and the re-sent set, and one TagResources', () => {
      expect(apply.exitCode).toBe(0)
      expect(apply.outputs.decision).toBe('update')
      expect(apply.outputs.updated).toBe('true')
      expect(updateCalls).toHaveLength(1)
      const { ServiceMeshId, ...sent } = updateCalls[0].body
      expect(ServiceMeshId).toBe(meshId)
      expect(sent).toEqual({ TraceSampling: '50', OpaEnabled: 'true', EnableAudit: 'false' })
      expect(tagCalls).toHaveLength(1)
      expect(tagCalls[0].query).toMatchObject({
        ResourceType: 'servicemesh',
        'ResourceId.1': meshId,
        'Tag.1.Key': 'env',
        'Tag.1.Value': 'dev'
      })
      expect(tagCalls[0].query['Tag.2.Key']).toBeUndefined()
    })

    it('leaves a record that matches the spec, and the mesh with the new values', () => {
      expect(recorded('tracing.sampling')).toBe('50')
      expect(recorded('tags.env')).toBe('dev')
      const mesh = world.cloud.meshes.find(m => m.id === meshId)
      expect(mesh?.parameters.TraceSampling).toBe('50')
      expect(mesh?.state).toBe('running')
    })

    it('re-runs as keep, with no write call', () => {
      expect(rerun.exitCode).toBe(0)
      expect(rerun.outputs.decision).toBe('keep')
      expect(rerun.outputs.updated).toBe('false')
      expect(rerun.outputs.drift).toBe('[]')
      expect(rerunWrites).toBe(0)
    })
  })

  describe('a change of network.vSwitches with the default on-change', () => {
    let plan: RunResult
    let apply: RunResult
    let writesDuring: number

    beforeAll(async () => {
      await writeSpec(spec(50, '{ team: mesh, env: dev }', '[vsw-bp1abc, vsw-bp1xyz]'))
      const before = writes()
      plan = await run('plan')
      apply = await run('apply')
      writesDuring = writes() - before
      await writeSpec(CHANGED)
    })

    it('fails the plan and the apply, naming the parameter as needing a new mesh', () => {
      for (const result of [plan, apply]) {
        expect(result.exitCode).toBe(1)
        expect(result.outputs.decision).toBe('refuse')
        expect(result.stdout).toContain('network.vSwitches (VSwitches) needs a new mesh')
      }
      expect(plan.summary).toMatch(/`network\.vSwitches`.*needs a new mesh/)
    })

    it('makes no call that changes the mesh, and keeps the record', () => {
      expect(writesDuring).toBe(0)
      expect(recorded('network.vSwitches')).toBe('["vsw-bp1abc"]')
    })
  })

  describe('a live change behind the action’s back', () => {
    let plan: RunResult
    let apply: RunResult
    let setBack: ReturnType<World['cloud']['callsTo']>

    beforeAll(async () => {
      world.cloud.lifecycle.drift(meshId, { TraceSampling: '10' })
      plan = await run('plan')
      const before = world.cloud.callsTo('UpdateMeshFeature').length
      apply = await run('apply')
      setBack = world.cloud.callsTo('UpdateMeshFeature').slice(before)
    })

    it('shows in the drift output, the plan and one warning', () => {
      const expected = [{ path: 'tracing.sampling', parameter: 'TraceSampling', recorded: '50', live: '10' }]
      expect(plan.exitCode).toBe(0)
      expect(driftOf(plan)).toEqual(expected)
      expect(plan.outputs.changed).toBe('false')
      expect(plan.summary).toContain('### Drift')
      const warnings = plan.annotations.filter(
        a => a.level === 'warning' && a.message.includes('differs from its record')
      )
      expect(warnings).toHaveLength(1)
      expect(warnings[0].message).toContain('TraceSampling (tracing.sampling)')
    })

    it('is set back by apply', () => {
      expect(apply.exitCode).toBe(0)
      expect(apply.outputs.decision).toBe('update')
      expect(setBack).toHaveLength(1)
      expect(setBack[0].body.TraceSampling).toBe('50')
      expect(world.cloud.meshes.find(m => m.id === meshId)?.parameters.TraceSampling).toBe('50')
    })
  })

  describe('a failure halfway: the second call answers 400', () => {
    let apply: RunResult
    let next: RunResult

    beforeAll(async () => {
      await writeSpec(spec(30, '{ team: platform, env: dev }'))
      world.cloud.inject({ kind: 'status', status: 400, action: 'TagResources' })
      apply = await run('apply')
      next = await run('plan')
    })

    it('stops the apply with the API, code, message and request id', () => {
      expect(apply.exitCode).toBe(1)
      expect(apply.stdout).toMatch(/TagResources failed: BadRequest \(HTTP 400\): .*request id /)
      expect(world.cloud.callsTo('TagResources').at(-1)?.status).toBe(400)
    })

    it('leaves a record whose next plan shows only what is left', () => {
      expect(recorded('tracing.sampling')).toBe('30')
      expect(recorded('tags.team')).toBe('mesh')
      expect(next.exitCode).toBe(0)
      expect(diffPaths(next)).toEqual(['tags.team'])
      expect(driftOf(next)).toEqual([])
    })
  })
})

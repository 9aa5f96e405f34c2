/**
 * Scenario 10: `wait: true` when the mesh does not become `running`. A mesh that ends `failed`, and one
 * still provisioning when wait-timeout-seconds runs out: both fail the step, and both still hand on the
 * mesh id (output and state record), because the mesh exists in the cloud either way.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import {
  callsNamed,
  readExample,
  runScenario,
  SPEC_FILE,
  startWorld,
  stateOnBranch,
  type World
} from '../support/e2e.js'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { createWorkspace, type RunResult } from '../support/runner.js'

const STATE_KEY = 'cn-hangzhou/dev-mesh'
const FAILURE = 'The vSwitch vsw-bp1abc has no free IP addresses left.'

describe.each(NODE_VERSIONS)('waiting under $name', ({ bin }) => {
  const worlds: World[] = []
  let workspace: string
  beforeAll(async () => {
    workspace = await createWorkspace({ [SPEC_FILE]: readExample('minimal.yaml') })
  })
  afterAll(async () => {
    await Promise.all(worlds.map(w => w.stop()))
    await rm(workspace, { recursive: true, force: true })
  })

  describe('a mesh that ends failed', () => {
    let world: World
    let result: RunResult
    beforeAll(async () => {
      world = await startWorld()
      worlds.push(world)
      world.cloud.inject({ kind: 'createThenFail', message: FAILURE })
      result = await runScenario(world, { workspace, node: bin })
    })

    it('fails the step with the ErrorMessage the API gave', () => {
      expect(result.exitCode).toBe(1)
      const errors = result.annotations.filter(a => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toContain(FAILURE)
      expect(errors[0].message).toContain(world.cloud.meshes[0].id)
      expect(errors[0].message).toMatch(/failed/)
    })

    it('still outputs the id, the request id and created=true, and records the mesh', () => {
      const [mesh] = world.cloud.meshes
      expect(world.cloud.meshes).toHaveLength(1)
      expect(mesh.state).toBe('failed')
      expect(result.outputs['service-mesh-id']).toBe(mesh.id)
      expect(result.outputs.created).toBe('true')
      expect(result.outputs['request-id']).toMatch(/^[0-9A-F-]{36}$/)
      expect(result.summary).toContain(mesh.id)
      expect(stateOnBranch(world, STATE_KEY)?.document.current?.meshId).toBe(mesh.id)
    })

    it('polled DescribeServiceMeshDetail after the one create', () => {
      expect(callsNamed(world.cloud, 'CreateServiceMesh')).toHaveLength(1)
      expect(callsNamed(world.cloud, 'DescribeServiceMeshDetail').length).toBeGreaterThanOrEqual(1)
    })
  })

  describe('a mesh still provisioning at wait-timeout-seconds', () => {
    let world: World
    let result: RunResult
    beforeAll(async () => {
      // Provisioning takes ten minutes of emulator time: far beyond the one-second wait.
      world = await startWorld({ provisionMs: 600_000 })
      worlds.push(world)
      result = await runScenario(world, { workspace, node: bin, with: { 'wait-timeout-seconds': 1 } })
    })

    it('fails the step saying it timed out and what to do', () => {
      expect(result.timedOut).toBe(false)
      expect(result.exitCode).toBe(1)
      const errors = result.annotations.filter(a => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toMatch(/not running after 1 s/)
      expect(errors[0].message).toMatch(/initial/)
      expect(errors[0].message).toMatch(/wait-timeout-seconds/)
    })

    it('still outputs the id and records the mesh', () => {
      const [mesh] = world.cloud.meshes
      expect(world.cloud.meshes).toHaveLength(1)
      expect(mesh.state).toBe('initial')
      expect(result.outputs['service-mesh-id']).toBe(mesh.id)
      expect(result.outputs.created).toBe('true')
      expect(result.summary).toContain(mesh.id)
      expect(stateOnBranch(world, STATE_KEY)?.document.current?.meshId).toBe(mesh.id)
    })
  })
})

/**
 * Cancellation: the runner stops a cancelled step with SIGINT, then SIGTERM. Whenever the signal comes,
 * a mesh that was created is output as service-mesh-id and recorded on the state branch, the step ends
 * with exit code 1, and the log says the job was cancelled and the mesh goes on being created.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startWorld, stateOnBranch, type World } from '../support/e2e.js'
import { expectCleanFailure, logOf, run, STATE_KEY, statuses } from './e2e-helpers.js'

let world: World
beforeEach(async () => {
  // Provisioning outlasts the test: the mesh stays `initial` while the action waits.
  world = await startWorld({ provisionMs: 10 * 60 * 1000 })
})
afterEach(() => world.stop())

/** The one mesh, as output, as recorded, and named in the failure. */
function expectMeshKept(result: Awaited<ReturnType<typeof run>>): string {
  expect(world.cloud.meshes).toHaveLength(1)
  const [mesh] = world.cloud.meshes
  expect(result.outputs['service-mesh-id']).toBe(mesh.id)
  expect(result.outputs.created).toBe('true')
  const state = stateOnBranch(world, STATE_KEY)?.document
  expect(state?.current?.meshId).toBe(mesh.id)
  expect(state?.pending).toBeUndefined()
  return mesh.id
}

describe.each(['SIGTERM', 'SIGINT'] as const)('%s', signal => {
  it('while waiting for the mesh: outputs and records it, says it was cancelled, exit 1', async () => {
    const result = await run(world, {
      with: { wait: true },
      sendSignal: { signal, whenLine: /^\d+s: initial$/ }
    })

    const id = expectMeshKept(result)
    expect(logOf(result)).toContain(`Received ${signal}: stopping at the next safe point.`)
    expectCleanFailure(
      result,
      new RegExp(
        `Cancelled while waiting for mesh ${id}; it is recorded in the state and output as service-mesh-id`
      ),
      /Creation continues in the cloud/
    )
    expect(result.signal).toBeNull()
  })

  it('during CreateServiceMesh: lets the create finish, outputs and records the mesh, exit 1', async () => {
    world.cloud.inject({ kind: 'delay', ms: 1500, action: 'CreateServiceMesh' })
    // Printed right before CreateServiceMesh is sent.
    const result = await run(world, {
      with: { wait: true },
      sendSignal: { signal, whenLine: /^Sending CreateServiceMesh/ }
    })

    expect(statuses(world, 'CreateServiceMesh')).toEqual([200])
    const id = expectMeshKept(result)
    const log = logOf(result)
    expect(log.indexOf(`Received ${signal}`)).toBeLessThan(log.indexOf('Decision: create'))
    expectCleanFailure(result, new RegExp(`Cancelled while waiting for mesh ${id}`), /Creation continues/)
  })
})

describe('a signal during the create with wait: false', () => {
  // Nothing is left to do once the mesh is recorded and output, so the step ends as it would have; the
  // log shows the signal was seen. (The runner marks a cancelled job's step as cancelled either way.)
  it('finishes the create, outputs and records the mesh, and ends normally', async () => {
    world.cloud.inject({ kind: 'delay', ms: 1500, action: 'CreateServiceMesh' })
    const result = await run(world, {
      with: { wait: false },
      sendSignal: { signal: 'SIGTERM', whenLine: /^Sending CreateServiceMesh/ }
    })

    expectMeshKept(result)
    expect(logOf(result)).toContain('Received SIGTERM: stopping at the next safe point.')
    expect(result.exitCode).toBe(0)
  })
})

describe('a signal before anything was created', () => {
  it('sends no CreateServiceMesh once cancelled, and says nothing was created', async () => {
    // The adopt lookup is slow; the signal comes while it runs, before the decision to create.
    world.cloud.inject({ kind: 'delay', ms: 1500, action: 'DescribeServiceMeshes' })
    const result = await run(world, { sendSignal: { signal: 'SIGINT', whenLine: /^Credentials: assumed/ } })

    expect(statuses(world, 'CreateServiceMesh')).toEqual([])
    expect(world.cloud.meshes).toHaveLength(0)
    expectCleanFailure(result, /Cancelled before CreateServiceMesh was sent; nothing was created/)
    expect(stateOnBranch(world, STATE_KEY)?.document.pending).toBeUndefined()
  })
})

/**
 * The emulator's faults on every lifecycle call, through the real openapi-client: whether the call took
 * effect is what each case checks (a throttled or failed call did not; "applied but answered 5xx" and a
 * reset after processing did). No timing is asserted, only order. Also the per-API call counts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CloudEmulator, EmulatedMesh, Fault } from '../support/cloud-emulator.js'
import { DEFAULT_VERSIONS } from './cloud/mesh-versions.js'
import { asm, REGION, runningMesh, startLifecycle, type Lifecycle, type Parts } from './helpers/lifecycle.js'
import { failureOf } from './helpers/openapi.js'

type RequestFault = Exclude<Fault, { kind: 'createThenFail' }>

interface Case {
  action: string
  /** a fresh mesh and a call that changes it */
  prepare(emulator: CloudEmulator): { id: string; parts: Parts }
  /** whether the call took effect on the mesh */
  applied(mesh: EmulatedMesh | undefined): boolean
}

const tagTarget = (id: string) => ({ RegionId: REGION, ResourceType: 'servicemesh', 'ResourceId.1': id })
const inState = (state: string) => (mesh: EmulatedMesh | undefined) => mesh?.state === state

function withBody(action: string, fields: Record<string, string>, state: string, parameters = {}): Case {
  return {
    action,
    prepare: emulator => {
      const id = runningMesh(emulator, parameters)
      return { id, parts: { body: { ServiceMeshId: id, ...fields } } }
    },
    applied: inState(state)
  }
}

const CASES: Case[] = [
  withBody('UpdateMeshFeature', { Tracing: 'true' }, 'updating'),
  withBody('UpdateControlPlaneLogConfig', { Enabled: 'true' }, 'updating'),
  withBody('UpgradeMeshEditionPartially', { ExpectedVersion: DEFAULT_VERSIONS[2] }, 'upgrading'),
  withBody('AddClusterIntoServiceMesh', { ClusterId: 'cforeign' }, 'updating'),
  withBody('RemoveClusterFromServiceMesh', { ClusterId: 'cguest' }, 'updating', { GuestCluster: 'cguest' }),
  withBody('DeleteServiceMesh', { Force: 'true' }, 'deleting'),
  {
    ...withBody('ModifyServiceMeshName', { Name: 'renamed' }, 'running'),
    applied: mesh => mesh?.name === 'renamed'
  },
  {
    action: 'TagResources',
    prepare: emulator => {
      const id = runningMesh(emulator)
      return { id, parts: { query: { ...tagTarget(id), 'Tag.1.Key': 'k', 'Tag.1.Value': 'v' } } }
    },
    applied: mesh => mesh?.parameters['Tag.1.Key'] === 'k'
  },
  {
    action: 'UntagResources',
    prepare: emulator => {
      const id = runningMesh(emulator, { 'Tag.1.Key': 'k', 'Tag.1.Value': 'v' })
      return { id, parts: { query: { ...tagTarget(id), 'TagKey.1': 'k' } } }
    },
    applied: mesh => mesh?.parameters['Tag.1.Key'] === undefined
  }
]

let lifecycle: Lifecycle

beforeAll(async () => {
  lifecycle = await startLifecycle()
})

afterAll(async () => {
  await lifecycle.stop()
})

function meshOf(id: string): EmulatedMesh | undefined {
  return lifecycle.emulator.meshes.find(mesh => mesh.id === id)
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise(resolve => setTimeout(resolve, 5))
}

/** Every case under the fault at once; each case's fault is bound to its own action. */
async function underFault(fault: RequestFault, check: (outcome: Outcome) => void): Promise<void> {
  const { emulator } = lifecycle
  await Promise.all(
    CASES.map(async testCase => {
      const { id, parts } = testCase.prepare(emulator)
      emulator.inject({ ...fault, action: testCase.action })
      const { code, statusCode } = await failureOf(asm(emulator, testCase.action, parts))
      check({ action: testCase.action, failure: { code, statusCode }, applied: testCase.applied(meshOf(id)) })
    })
  )
}

interface Outcome {
  action: string
  failure: { code?: string; statusCode?: number }
  applied: boolean
}

describe('faults on every mutating lifecycle call', () => {
  it('throttling: 400 Throttling.User, nothing applied', async () => {
    await underFault({ kind: 'throttle' }, ({ action, failure, applied }) => {
      expect({ action, ...failure, applied }).toEqual({
        action,
        code: 'Throttling.User',
        statusCode: 400,
        applied: false
      })
    })
  })

  it('5xx: 503, nothing applied', async () => {
    await underFault({ kind: 'status', status: 503 }, ({ action, failure, applied }) => {
      expect({ action, status: failure.statusCode, applied }).toEqual({ action, status: 503, applied: false })
    })
  })

  it('a reset before processing: no answer, nothing applied', async () => {
    await underFault({ kind: 'reset' }, ({ action, failure, applied }) => {
      expect({ action, status: failure.statusCode, applied }).toEqual({
        action,
        status: undefined,
        applied: false
      })
    })
  })

  it('applied but answered 5xx', async () => {
    await underFault(
      { kind: 'status', status: 500, afterProcessing: true },
      ({ action, failure, applied }) => {
        expect({ action, ...failure, applied }).toEqual({
          action,
          code: 'InternalError',
          statusCode: 500,
          applied: true
        })
      }
    )
  })

  it('applied, then the connection reset', async () => {
    await underFault({ kind: 'reset', afterProcessing: true }, ({ action, failure, applied }) => {
      expect({ action, status: failure.statusCode, applied }).toEqual({
        action,
        status: undefined,
        applied: true
      })
    })
  })

  it('a slow answer: applied before it arrives; a slow request: applied only once processed', async () => {
    const { emulator } = lifecycle
    await Promise.all(
      CASES.flatMap(testCase =>
        [true, false].map(async afterProcessing => {
          const { id, parts } = testCase.prepare(emulator)
          emulator.inject({ kind: 'delay', ms: 1500, afterProcessing, action: testCase.action })
          const before = emulator.calls.length
          const answer = asm(emulator, testCase.action, parts)
          const pending = () =>
            emulator.calls
              .slice(before)
              .find(call => call.query['ResourceId.1'] === id || call.body.ServiceMeshId === id)
          await until(() => pending() !== undefined)
          if (afterProcessing) await until(() => testCase.applied(meshOf(id)))
          else expect([testCase.action, testCase.applied(meshOf(id))]).toEqual([testCase.action, false])
          expect(pending()?.status).toBe(0)
          expect((await answer).statusCode).toBe(200)
          expect(testCase.applied(meshOf(id))).toBe(true)
        })
      )
    )
  })

  it('the read APIs answer faults too, then work', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator)
    const reads: Array<[string, Parts]> = [
      ['DescribeUpgradeVersion', { query: { ServiceMeshId: id } }],
      ['ListTagResources', { query: { RegionId: REGION, ResourceType: 'servicemesh' } }]
    ]
    for (const [action, parts] of reads) {
      emulator.inject({ kind: 'throttle', action })
      emulator.inject({ kind: 'status', status: 502, action })
      expect((await failureOf(asm(emulator, action, parts))).code).toBe('Throttling.User')
      expect((await failureOf(asm(emulator, action, parts))).statusCode).toBe(502)
      expect((await asm(emulator, action, parts)).statusCode).toBe(200)
    }
  })
})

describe('call log', () => {
  it('counts the calls each API received, answered or not, and lists them in order', async () => {
    const counted = await startLifecycle()
    try {
      const { emulator } = counted
      const id = runningMesh(emulator)
      emulator.inject({ kind: 'status', status: 503, action: 'UpdateMeshFeature' })
      await failureOf(asm(emulator, 'UpdateMeshFeature', { body: { ServiceMeshId: id, Tracing: 'true' } }))
      await asm(emulator, 'UpdateMeshFeature', { body: { ServiceMeshId: id, TraceSampling: '5' } })
      await asm(emulator, 'DescribeServiceMeshDetail', { body: { ServiceMeshId: id } })
      expect(emulator.callCounts()).toEqual({ UpdateMeshFeature: 2, DescribeServiceMeshDetail: 1 })
      expect(
        emulator.callsTo('UpdateMeshFeature').map(call => [call.status, call.body.TraceSampling])
      ).toEqual([
        [503, undefined],
        [200, '5']
      ])
    } finally {
      await counted.stop()
    }
  })
})

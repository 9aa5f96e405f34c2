/**
 * runMesh with the fakes: an in-memory cloud (support/fake-cloud.ts) and the state in a workspace file.
 * What the run decides, does and reports is its Outcome; checkpoints show what was known when.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import { ActionError } from '../src/errors.js'
import { silentLog } from '../src/log.js'
import type { Outcome } from '../src/outcome.js'
import { outputsOf } from '../src/outputs.js'
import { runMesh, type MeshDeps } from '../src/run.js'
import { readSettings } from '../src/settings.js'
import { openStateStore } from '../src/state/open.js'
import type { StateStore } from '../src/state/store.js'
import { fakeTime } from './cloud/fakes.js'
import { FakeCloud } from './support/fake-cloud.js'
import { createWorkspace } from './support/runner.js'

const SPEC =
  'version: 1\nname: dev-mesh\nregion: cn-hangzhou\nnetwork:\n  vpcId: vpc-bp1abc\n  vSwitches: [vsw-bp1abc]\n'

let workspace: string
let cloud: FakeCloud
beforeEach(async () => {
  workspace = await createWorkspace({ 'mesh.yaml': SPEC })
  cloud = new FakeCloud()
})
afterEach(() => rm(workspace, { recursive: true, force: true }))

const settings = (inputs: Record<string, string> = {}) =>
  readSettings({
    GITHUB_WORKSPACE: workspace,
    GITHUB_RUN_ID: '7',
    GITHUB_RUN_ATTEMPT: '1',
    INPUT_SPEC: 'mesh.yaml',
    INPUT_STATE: 'file',
    'INPUT_ACCESS-KEY-ID': 'LTAI5tRunTest',
    'INPUT_ACCESS-KEY-SECRET': 'run-test-secret',
    INPUT_WAIT: 'false',
    ...inputs
  })

/** The fakes as deps; `store` wraps the file store of the state key when given. */
function deps(checkpoints: Outcome[] = [], wrap?: (store: StateStore) => StateStore): MeshDeps {
  const time = fakeTime()
  return {
    openStore: async key => {
      const store = await openStateStore(settings(), key, silentLog)
      return wrap ? wrap(store) : store
    },
    connect: async () => cloud,
    clock: { now: time.now, sleep: time.sleep, random: () => 0.5 },
    log: silentLog,
    mask: () => undefined,
    onCheckpoint: outcome => void checkpoints.push(outcome)
  }
}

describe('runMesh', () => {
  it('plan decides what apply then does, and a later plan sees the mesh', async () => {
    const before = await runMesh(settings({ INPUT_MODE: 'plan' }), deps())
    expect(before).toMatchObject({
      mode: 'plan',
      decision: { action: 'create' },
      created: false,
      cloudRead: true
    })
    expect(cloud.creates).toBe(0)

    const applied = await runMesh(settings(), deps())
    expect(applied).toMatchObject({
      mode: 'apply',
      stateKey: 'cn-hangzhou/dev-mesh',
      decision: { action: 'create' },
      mesh: { id: 'mesh-1' },
      requestId: 'REQ-1',
      created: true,
      stateLocation: '.asm-state/cn-hangzhou/dev-mesh.json'
    })
    expect(applied.failure).toBeUndefined()

    const after = await runMesh(settings({ INPUT_MODE: 'plan' }), deps())
    expect(after).toMatchObject({
      decision: { action: 'keep' },
      mesh: { id: 'mesh-1', state: 'initial' },
      changes: []
    })
    expect(cloud.creates).toBe(1)
  })

  it('checkpoints the mesh id as soon as the create answers, so it survives a failed record write', async () => {
    const checkpoints: Outcome[] = []
    const failingRecord = (store: StateStore): StateStore => ({
      description: store.description,
      read: () => store.read(),
      siblings: () => store.siblings(),
      write: (document, expected, message) =>
        message.startsWith('Record mesh')
          ? Promise.reject(new ActionError('the disk is full'))
          : store.write(document, expected, message)
    })
    const outcome = await runMesh(settings(), deps(checkpoints, failingRecord))

    expect(outcome.failure).toMatchObject({
      kind: 'run',
      message:
        'Mesh mesh-1 exists but its record for cn-hangzhou/dev-mesh could not be written: the disk is full'
    })
    expect(checkpoints.some(c => c.mesh?.id === 'mesh-1' && c.failure === undefined)).toBe(true)
    expect(outputsOf(outcome)).toMatchObject({
      'service-mesh-id': 'mesh-1',
      created: 'true',
      'request-id': 'REQ-1'
    })
  })

  it('an apply without credentials fails on its inputs, before the spec is read', async () => {
    const outcome = await runMesh(
      settings({ 'INPUT_ACCESS-KEY-ID': '', 'INPUT_ACCESS-KEY-SECRET': '' }),
      deps()
    )
    expect(outcome).toMatchObject({ mode: 'apply', diagnostics: [], failure: { kind: 'inputs' } })
    expect(outcome.failure?.message).toBe('mode apply needs Alibaba Cloud credentials, and none were given.')
    expect(outcome.specFile).toBeUndefined()
    expect(outputsOf(outcome)).toEqual({})
  })

  it('a plan without credentials decides on the state alone and says the cloud was not read', async () => {
    const outcome = await runMesh(
      settings({ INPUT_MODE: 'plan', 'INPUT_ACCESS-KEY-ID': '', 'INPUT_ACCESS-KEY-SECRET': '' }),
      deps()
    )
    expect(outcome).toMatchObject({ decision: { action: 'unknown' }, cloudRead: false })
    expect(outcome.failure).toBeUndefined()
  })

  it('waits for the mesh in apply with wait, and outputs the state it reached', async () => {
    const outcome = await runMesh(settings({ INPUT_WAIT: 'true' }), deps())
    expect(outcome.mesh).toEqual({ id: 'mesh-1', state: 'running' })
    expect(outputsOf(outcome)['mesh-state']).toBe('running')
  })

  it('a refused decision is the failure, with its advice', async () => {
    cloud.meshes.push(
      { id: 'a', name: 'dev-mesh', region: 'cn-hangzhou', state: 'running' },
      { id: 'b', name: 'dev-mesh', region: 'cn-hangzhou', state: 'running' }
    )
    const outcome = await runMesh(settings(), deps())
    expect(outcome.decision?.action).toBe('fail')
    expect(outcome.failure).toEqual({
      kind: 'decision',
      message: 'no previous run recorded and 2 meshes have this name in the region: a, b',
      advice:
        'Adopting one would be a guess. Set adopt-existing: false to create another, or delete the extras.'
    })
  })
})

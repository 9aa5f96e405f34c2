/**
 * Scenarios 3, 4 and 5: the apply decisions of docs/contract.md §5 as users meet them. A changed spec with each
 * on-change value, adoption of a mesh that already has the spec's name, and two applies racing on one
 * state key, each with state on the `asm-state` branch of the GitHub emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  callsNamed,
  readExample,
  runScenario,
  SPEC_FILE,
  startWorld,
  stateOnBranch,
  type Scenario,
  type World
} from '../support/e2e.js'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { createWorkspace, type RunResult } from '../support/runner.js'

const STATE_KEY = 'cn-hangzhou/dev-mesh'
const MINIMAL = readExample('minimal.yaml')
/** minimal.yaml with a second vSwitch and a tag: two changes a reviewer must see. */
const CHANGED = MINIMAL.replace('vSwitches: [vsw-bp1abc]', 'vSwitches: [vsw-bp1abc, vsw-bp1xyz]').replace(
  'region: cn-hangzhou',
  'region: cn-hangzhou\ntags: { env: dev }'
)

interface DiffEntry {
  path: string
  parameter: string
  change: string
  before?: string
  after?: string
}
const diffOf = (result: RunResult): DiffEntry[] => JSON.parse(result.outputs.diff) as DiffEntry[]

const EXPECTED_CHANGES: DiffEntry[] = [
  { path: 'tags.env', parameter: 'Tag', change: 'added', after: 'dev' },
  {
    path: 'network.vSwitches',
    parameter: 'VSwitches',
    change: 'changed',
    before: '["vsw-bp1abc"]',
    after: '["vsw-bp1abc","vsw-bp1xyz"]'
  }
]

describe.each(NODE_VERSIONS)('a changed spec under $name', ({ bin }) => {
  let world: World
  let workspace: string
  let firstId: string
  let recordBefore: string
  const results: Record<'fail' | 'warn' | 'create', RunResult> = {} as never
  const createsBefore: Record<string, number> = {}
  const recordAfter: Record<string, string> = {}

  beforeAll(async () => {
    world = await startWorld()
    workspace = await createWorkspace({ [SPEC_FILE]: MINIMAL })
    const first = await runScenario(world, { workspace, node: bin, with: { wait: false } })
    if (first.exitCode !== 0) throw new Error(`the first apply failed:\n${first.stdout}`)
    firstId = first.outputs['service-mesh-id']
    recordBefore = stateOnBranch(world, STATE_KEY)!.text
    await writeFile(path.join(workspace, SPEC_FILE), CHANGED)
    for (const onChange of ['fail', 'warn', 'create'] as const) {
      createsBefore[onChange] = callsNamed(world.cloud, 'CreateServiceMesh').length
      const inputs = { wait: false, 'on-change': onChange }
      results[onChange] = await runScenario(world, { workspace, node: bin, with: inputs })
      recordAfter[onChange] = stateOnBranch(world, STATE_KEY)!.text
    }
  })
  afterAll(async () => {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  describe('on-change fail', () => {
    it('exits 1 with an error that says the spec changed and what to do', () => {
      const result = results.fail
      expect(result.exitCode).toBe(1)
      const errors = result.annotations.filter(a => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toContain(firstId)
      expect(errors[0].message).toMatch(/changed/)
      expect(errors[0].message).toMatch(/on-change/)
    })

    it('puts the diff in the diff output and the job summary', () => {
      const result = results.fail
      expect(diffOf(result)).toEqual(expect.arrayContaining(EXPECTED_CHANGES))
      expect(diffOf(result)).toHaveLength(2)
      expect(result.outputs.changed).toBe('true')
      expect(result.outputs.created).toBe('false')
      expect(result.summary).toMatch(/\|\s*`VSwitches`\s*\|\s*`network\.vSwitches`\s*\|\s*changed\s*\|/)
      expect(result.summary).toContain('vsw-bp1xyz')
      expect(result.summary).toMatch(/\|\s*`Tag`\s*\|\s*`tags\.env`\s*\|\s*added\s*\|/)
    })

    it('creates nothing and leaves the record as it was', () => {
      expect(createsBefore.warn).toBe(createsBefore.fail)
      expect(recordAfter.fail).toBe(recordBefore)
    })
  })

  describe('on-change warn', () => {
    it('exits 0 with a warning, keeps the mesh and outputs its id', () => {
      const result = results.warn
      expect(result.exitCode).toBe(0)
      expect(result.failures).toEqual([])
      const warnings = result.annotations.filter(a => a.level === 'warning')
      expect(warnings.some(w => /changed/.test(w.message) && w.message.includes(firstId))).toBe(true)
      expect(result.outputs['service-mesh-id']).toBe(firstId)
      expect(result.outputs.created).toBe('false')
      expect(result.outputs.changed).toBe('true')
      expect(diffOf(result)).toEqual(expect.arrayContaining(EXPECTED_CHANGES))
    })

    it('creates nothing and leaves the record as it was', () => {
      expect(createsBefore.create).toBe(createsBefore.warn)
      expect(recordAfter.warn).toBe(recordBefore)
    })
  })

  describe('on-change create', () => {
    it('creates a second mesh and outputs its id', () => {
      const result = results.create
      expect(result.exitCode).toBe(0)
      expect(result.failures).toEqual([])
      expect(callsNamed(world.cloud, 'CreateServiceMesh')).toHaveLength(createsBefore.create + 1)
      expect(world.cloud.meshes).toHaveLength(2)
      const second = world.cloud.meshes[1]
      expect(second.id).not.toBe(firstId)
      expect(second.parameters.VSwitches).toBe('["vsw-bp1abc","vsw-bp1xyz"]')
      expect(second.parameters['Tag.1.Key']).toBe('env')
      expect(result.outputs['service-mesh-id']).toBe(second.id)
      expect(result.outputs.created).toBe('true')
      expect(result.outputs['request-id']).toMatch(/^[0-9A-F-]{36}$/)
    })

    it('records the new mesh and keeps the old record in the history', () => {
      const document = stateOnBranch(world, STATE_KEY)!.document
      expect(document.current).toMatchObject({ meshId: world.cloud.meshes[1].id, origin: 'created' })
      expect(document.current!.parameters).toEqual(
        expect.arrayContaining([
          { path: 'network.vSwitches', parameter: 'VSwitches', value: '["vsw-bp1abc","vsw-bp1xyz"]' }
        ])
      )
      expect(document.history.map(r => r.meshId)).toEqual([firstId])
      expect(JSON.stringify(document.history[0])).toBe(JSON.stringify(JSON.parse(recordBefore).current))
    })
  })
})

describe.each(NODE_VERSIONS)('adoption under $name', ({ bin }) => {
  let world: World
  let workspace: string
  let result: RunResult
  let existingId: string

  beforeAll(async () => {
    world = await startWorld()
    existingId = world.cloud.addMesh({ name: 'dev-mesh', region: 'cn-hangzhou' }).id
    // Same name in another region, and another name in the region: neither may be taken.
    world.cloud.addMesh({ name: 'dev-mesh', region: 'cn-shanghai' })
    world.cloud.addMesh({ name: 'other-mesh', region: 'cn-hangzhou' })
    workspace = await createWorkspace({ [SPEC_FILE]: MINIMAL })
    result = await runScenario(world, { workspace, node: bin })
  })
  afterAll(async () => {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('adopts the mesh with the same name and region instead of creating one', () => {
    expect(result.exitCode).toBe(0)
    expect(result.failures).toEqual([])
    expect(callsNamed(world.cloud, 'CreateServiceMesh')).toEqual([])
    expect(world.cloud.meshes).toHaveLength(3)
    expect(result.outputs['service-mesh-id']).toBe(existingId)
    expect(result.outputs.created).toBe('false')
    expect(result.outputs.changed).toBe('true')
    expect(result.outputs['mesh-state']).toBe('running')
    expect(result.outputs['request-id'] ?? '').toBe('')
  })

  it('records it with origin adopted', () => {
    const document = stateOnBranch(world, STATE_KEY)!.document
    expect(document.current).toMatchObject({ meshId: existingId, origin: 'adopted', requestId: '' })
    expect(document.history).toEqual([])
  })

  it('says so in the summary', () => {
    expect(result.summary).toMatch(/Adopted existing mesh/)
    expect(result.summary).toContain(existingId)
  })
})

/**
 * Two applies of the same spec started together, each in its own checkout. CreateServiceMesh answers
 * after a delay, so the second run reads the state while the first holds the pending-create lock (or
 * loses the compare-and-swap for it): the race is exercised, not merely possible.
 */
async function race(bin: string, runs: [RunOptionsGithub, RunOptionsGithub], createDelayMs: number) {
  const world = await startWorld()
  world.cloud.inject({ kind: 'delay', ms: createDelayMs, action: 'CreateServiceMesh', times: 2 })
  const workspaces = await Promise.all(runs.map(() => createWorkspace({ [SPEC_FILE]: MINIMAL })))
  const results = await Promise.all(
    workspaces.map((workspace, index) =>
      runScenario(world, { workspace, node: bin, with: { wait: false }, github: runs[index] })
    )
  )
  await Promise.all(workspaces.map(w => rm(w, { recursive: true, force: true })))
  return { world, results }
}
type RunOptionsGithub = Scenario['github']

describe.each(NODE_VERSIONS)('two applies racing on one state key under $name', ({ bin }) => {
  let world: World
  let results: RunResult[]

  beforeAll(async () => {
    // Two workflow runs, say two pushes in quick succession.
    ;({ world, results } = await race(bin, [{ runId: '7001' }, { runId: '7002' }], 1500))
  })
  afterAll(() => world.stop())

  it('both succeed', () => {
    for (const result of results) {
      expect(result.failures).toEqual([])
      expect(result.exitCode).toBe(0)
    }
  })

  it('sends exactly one CreateServiceMesh and both output the id of the one mesh', () => {
    expect(callsNamed(world.cloud, 'CreateServiceMesh')).toHaveLength(1)
    expect(world.cloud.meshes).toHaveLength(1)
    const id = world.cloud.meshes[0].id
    expect(results.map(r => r.outputs['service-mesh-id'])).toEqual([id, id])
    expect(results.map(r => r.outputs.created).sort()).toEqual(['false', 'true'])
  })

  it('leaves one record of that mesh and no pending create', () => {
    const document = stateOnBranch(world, STATE_KEY)!.document
    expect(document.current?.meshId).toBe(world.cloud.meshes[0].id)
    expect(document.pending).toBeUndefined()
    expect(document.history).toEqual([])
  })
})

/**
 * Two jobs of one workflow run (a matrix, say) share GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT: neither may take
 * the other's pending create for its own. The longer create delay keeps the first mesh out of
 * DescribeServiceMeshes until the second job has decided, so the outcome does not hang on process timing.
 */
describe('two jobs of the same workflow run racing on one state key', () => {
  let world: World
  let results: RunResult[]

  beforeAll(async () => {
    const node = NODE_VERSIONS[NODE_VERSIONS.length - 1].bin
    ;({ world, results } = await race(node, [{ job: 'mesh-a' }, { job: 'mesh-b' }], 3000))
  })
  afterAll(() => world.stop())

  it('sends exactly one CreateServiceMesh and both output the same id', () => {
    expect(results.map(r => r.exitCode)).toEqual([0, 0])
    expect(callsNamed(world.cloud, 'CreateServiceMesh')).toHaveLength(1)
    expect(world.cloud.meshes).toHaveLength(1)
    expect(new Set(results.map(r => r.outputs['service-mesh-id']))).toEqual(
      new Set([world.cloud.meshes[0].id])
    )
  })
})

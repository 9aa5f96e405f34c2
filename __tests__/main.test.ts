/**
 * main's logic in this process, without the bundle: run(env, runner) with a recording runner, the state
 * in a workspace file and the cloud emulator on loopback. The end-to-end suites run the same through the
 * bundle as the runner starts it.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { run } from '../src/main.js'
import { startCloudEmulator, type CloudEmulator } from './support/cloud-emulator.js'
import { recordingRunner, type RecordingRunner } from './support/recording-runner.js'
import { createWorkspace } from './support/runner.js'

const KEY = { id: 'LTAI5tMainUnitTestKey0001', secret: 'mainUnitTestSecret00000000001' }
const SPEC = [
  'version: 1',
  'name: dev-mesh',
  'region: cn-hangzhou',
  'network:',
  '  vpcId: vpc-bp1abc',
  '  vSwitches: [vsw-bp1abc]',
  'tracing:',
  '  enabled: true',
  '  sampling: 100',
  ''
].join('\n')

let cloud: CloudEmulator
let workspace: string
beforeEach(async () => {
  cloud = await startCloudEmulator({ accessKeys: { [KEY.id]: KEY.secret }, provisionMs: 50 })
  workspace = await createWorkspace({ 'mesh.yaml': SPEC })
})
afterEach(async () => {
  await cloud.stop()
  await rm(workspace, { recursive: true, force: true })
})

/** The environment a workflow step gives the action: static keys, the state in a file, no waiting. */
const env = (inputs: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  GITHUB_WORKSPACE: workspace,
  GITHUB_RUN_ID: '7',
  GITHUB_RUN_ATTEMPT: '1',
  INPUT_SPEC: 'mesh.yaml',
  INPUT_STATE: 'file',
  INPUT_ENDPOINT: cloud.url,
  'INPUT_ACCESS-KEY-ID': KEY.id,
  'INPUT_ACCESS-KEY-SECRET': KEY.secret,
  INPUT_WAIT: 'false',
  ...inputs
})

async function step(inputs: Record<string, string> = {}): Promise<RecordingRunner> {
  const runner = recordingRunner()
  await run(env(inputs), runner)
  return runner
}

const lines = (markdown: string) => markdown.split('\n')

describe('main: inputs, run, publish', () => {
  it('creates, outputs and records the mesh, and a re-run keeps it', async () => {
    const first = await step()
    expect(first.failed).toEqual([])
    expect(cloud.meshes).toHaveLength(1)
    const id = first.outputs['service-mesh-id']
    expect(cloud.meshes.map(m => m.id)).toContain(id)
    expect(first.outputs).toMatchObject({ created: 'true', changed: 'true' })
    expect(first.lines).toContain(
      'Decision: create (no previous run recorded and no mesh with this name in the region)'
    )

    const again = await step()
    expect(again.failed).toEqual([])
    expect(again.outputs).toMatchObject({
      'service-mesh-id': id,
      created: 'false',
      changed: 'false',
      diff: '[]'
    })
    expect(lines(again.summary)).toContain(`**Unchanged: mesh \`${id}\` matches the spec.**`)
  })

  it('an apply that fails on its inputs is headed "apply", with no note and no Changes section', async () => {
    for (const mode of [{ INPUT_MODE: 'apply' }, {}] as Record<string, string>[]) {
      const runner = await step({ ...mode, INPUT_WAIT: 'maybe' })
      expect(runner.failed).toEqual([
        'input wait: "maybe" is not a boolean; use true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE)'
      ])
      expect(lines(runner.summary).slice(0, 3)).toEqual([
        '## Service mesh apply',
        '',
        '**Failed before a decision was made.**'
      ])
      expect(runner.summary).not.toContain('### Changes')
      expect(runner.summary).not.toContain('Note:')
    }
  })

  it('a plan with a spec error: no credentials note, no Changes section, and the list is "below"', async () => {
    await writeFile(path.join(workspace, 'mesh.yaml'), SPEC.replace('sampling: 100', 'sampling: 150'))
    const runner = await step({
      INPUT_MODE: 'plan',
      'INPUT_ACCESS-KEY-ID': '',
      'INPUT_ACCESS-KEY-SECRET': ''
    })
    expect(runner.annotations.map(a => a.level)).toEqual(['error'])
    expect(runner.failed).toEqual([
      'mesh.yaml: 1 error in the mesh spec; nothing was sent.\n' +
        'Fix the errors annotated above (each names its line and column) and run again.'
    ])
    const summary = lines(runner.summary)
    expect(summary.slice(0, 5)).toEqual([
      '## Service mesh plan for `mesh.yaml`',
      '',
      '**The spec has 1 error; nothing would be sent to the cloud.**',
      '',
      'What to do: Fix the errors listed under Spec problems below (each names its line and column), then run again.'
    ])
    expect(runner.summary).not.toContain('annotated above')
    expect(runner.summary).not.toContain('Note:')
    expect(runner.summary).not.toContain('### Changes')
    expect(summary).toContain('### Spec problems')
  })

  it('folds the all-added table of a first create under a one-line count', async () => {
    const runner = await step()
    const summary = lines(runner.summary)
    const fold = summary.indexOf(
      '<details><summary>6 parameters added: no earlier run is recorded.</summary>'
    )
    expect(fold).toBeGreaterThan(summary.indexOf('### Changes'))
    expect(summary.slice(fold + 1, fold + 3)).toEqual([
      '',
      '| Parameter | Spec path | Change | Before | After |'
    ])
    expect(summary.indexOf('</details>')).toBeGreaterThan(fold)
  })

  it('with on-change: warn, the warning names each changed parameter with its old and new value', async () => {
    const first = await step()
    const id = first.outputs['service-mesh-id']
    await writeFile(path.join(workspace, 'mesh.yaml'), SPEC.replace('sampling: 100', 'sampling: 50'))
    const runner = await step({ 'INPUT_ON-CHANGE': 'warn' })
    expect(runner.failed).toEqual([])
    expect(runner.annotations).toEqual([
      {
        level: 'warning',
        message:
          `the spec changed since mesh ${id} was recorded; on-change is warn. ` +
          'Changes: TraceSampling (tracing.sampling): 100 → 50. The diff is in the job summary and the diff output.'
      }
    ])
  })

  it('says that state: github needs a repository when GITHUB_REPOSITORY is not set', async () => {
    const runner = await step({ INPUT_STATE: '' })
    expect(runner.failed).toEqual([
      'state: github (the default) keeps the state record on a branch of the repository, and GITHUB_REPOSITORY is not set.\n' +
        'Outside GitHub Actions, set state: file to keep the record in the workspace (or set GITHUB_REPOSITORY to owner/repo).'
    ])
    expect(cloud.meshes).toHaveLength(0)
  })
})

/**
 * `npm run demo` as a user runs it: the scripts compiled with tsconfig.scripts.json, then the demo started
 * with node. It compiles into its own directory under build/ (the scripts find the repository by walking
 * up, so the output must stay inside it), which leaves a user's build/scripts alone. The demo runs the
 * bundle dist/index.js seven times (`npm test` packages it first), so this takes a while.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT } from './support/repo-root.js'

const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
/** tsc, then seven bundle runs, four of them waiting about 5 s for the mesh. */
const TIMEOUT_MS = 240_000

interface Finished {
  code: number
  lines: string[]
  stderr: string
}

async function runDemo(outDir: string): Promise<Finished> {
  const run = promisify(execFile)
  await run(process.execPath, [TSC, '-p', 'tsconfig.scripts.json', '--outDir', outDir], { cwd: REPO_ROOT })
  const demo = path.join(outDir, 'scripts', 'demo.js')
  try {
    const { stdout, stderr } = await run(process.execPath, [demo], { cwd: REPO_ROOT, timeout: TIMEOUT_MS })
    return { code: 0, lines: stdout.replace(/\n$/, '').split('\n'), stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, lines: (failed.stdout ?? '').split('\n'), stderr: failed.stderr ?? '' }
  }
}

describe('npm run demo', () => {
  let outDir: string
  let demo: Finished

  beforeAll(async () => {
    await mkdir(path.join(REPO_ROOT, 'build'), { recursive: true })
    outDir = await mkdtemp(path.join(REPO_ROOT, 'build', 'demo-test-'))
    demo = await runDemo(outDir)
  }, TIMEOUT_MS + 60_000)
  afterAll(() => rm(outDir, { recursive: true, force: true }))

  it('exits 0, every check passed', () => {
    // The tail holds the recap and, on a failure, the checks that failed.
    expect({ code: demo.code, tail: demo.lines.slice(-10), stderr: demo.stderr }).toMatchObject({ code: 0 })
    expect(demo.lines.at(-1)).toMatch(/^All \d+ checks passed\.$/)
  })

  it('fits one screen: fewer than 150 lines', () => {
    expect(demo.lines.length).toBeGreaterThan(20)
    expect(demo.lines.length).toBeLessThan(150)
  })

  it.each([
    ['1/6 plan on pull request #12'],
    ['2/6 apply: create the mesh'],
    ['3/6 the same apply again: keep'],
    ['4/6 the spec gains a tag and tracing'],
    ['5/6 drift: TraceSampling set to 10'],
    ['6/6 destroy (mode: destroy)']
  ])('shows the step %s', title => {
    expect(demo.lines.filter(line => line.startsWith(`━━ ${title}`))).toHaveLength(1)
  })

  it.each([
    ['plan', /^✓ plan +plan→create +sent: nothing;/],
    ['create', /^✓ create +apply→create +sent: CreateServiceMesh ×1;/],
    ['keep', /^✓ keep +apply→keep +sent: nothing;/],
    ['update', /^✓ update +plan→update apply→update +sent: UpdateMeshFeature ×1, TagResources ×1;/],
    ['drift', /^✓ drift +apply→update +sent: UpdateMeshFeature ×1;/],
    ['destroy', /^✓ destroy +destroy→delete +sent: DeleteServiceMesh ×1;/],
    ['whole demo', /^✓ whole demo: CreateServiceMesh sent 1×/]
  ])('ends with the recap line for %s', (_, line) => {
    const recap = demo.lines.slice(demo.lines.findIndex(l => l.startsWith('━━ RECAP')))
    expect(recap.filter(l => line.test(l))).toHaveLength(1)
  })

  it('prints no markdown table', () => {
    expect(demo.lines.filter(line => line.startsWith('|'))).toEqual([])
  })
})

/**
 * The repository's workflows and example workflows use this action correctly, and action.yml follows
 * the Actions metadata rules. Two independent checks: an owned comparison of every `with:` against
 * action.yml, and @actions/languageservice validate() (GitHub's own workflow/action schemas) run in a
 * child process, see support/actions-languageservice.mjs.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from './support/runner.js'

const WORKFLOW_DIRS = ['.github/workflows', 'examples/workflows']
const LANGUAGE_SERVICE = path.join(REPO_ROOT, '__tests__', 'support', 'actions-languageservice.mjs')
const REPO_NAME = 'asm-service-mesh-action'

interface ActionYml {
  name: string
  description: string
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string; pre?: string; post?: string }
}

interface Diagnostic {
  severity: number
  message: string
  line: number
  character: number
}

const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), 'utf8')
const actionText = read('action.yml')
const action = parse(actionText) as ActionYml

function workflowFiles(): string[] {
  return WORKFLOW_DIRS.filter(dir => existsSync(path.join(REPO_ROOT, dir)))
    .flatMap(dir =>
      readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' }).map(f =>
        path.posix.join(dir, f)
      )
    )
    .filter(file => /\.ya?ml$/.test(file))
    .sort()
}

/** `uses: ./` (this repository's root) or `<owner>/asm-service-mesh-action@<ref>`. */
const usesThisAction = (uses: string): boolean =>
  /^\.\/?$/.test(uses.trim()) || new RegExp(`^[\\w.-]+/${REPO_NAME}@`).test(uses.trim())

interface ActionStep {
  where: string
  with: Record<string, unknown>
}

function stepsUsingThisAction(file: string, text: string): ActionStep[] {
  const workflow = parse(text) as { jobs?: Record<string, { steps?: { uses?: string; with?: object }[] }> }
  return Object.entries(workflow?.jobs ?? {}).flatMap(([job, spec]) =>
    (spec?.steps ?? []).flatMap((step, i) =>
      typeof step?.uses === 'string' && usesThisAction(step.uses)
        ? [{ where: `${file}: job ${job}, step ${i + 1} (uses: ${step.uses})`, with: { ...step.with } }]
        : []
    )
  )
}

/** Owned check: `with:` keys must be declared inputs, and every required input must be given. */
function stepProblems(step: ActionStep): string[] {
  const declared = Object.keys(action.inputs)
  const unknown = Object.keys(step.with)
    .filter(key => !declared.includes(key))
    .map(key => `${step.where}: with.${key} is not an input of action.yml (inputs: ${declared.join(', ')})`)
  const missing = Object.entries(action.inputs)
    .filter(([name, input]) => input.required === true && !(name in step.with))
    .map(([name]) => `${step.where}: required input ${name} is missing`)
  return [...unknown, ...missing]
}

/**
 * The language service skips `uses: ./`, so such lines are rewritten to a repository reference that
 * the metadata provider answers with our action.yml. Only that line changes; line numbers stay.
 */
const resolvableLocalUses = (text: string): string =>
  text.replace(/^(\s*(?:-\s+)?uses:\s*)(['"]?)\.\/?\2([ \t]*(?:#.*)?)$/gm, `$1local/${REPO_NAME}@v0$3`)

function languageService(documents: { uri: string; text: string }[]): Map<string, Diagnostic[]> {
  const metadata = {
    name: action.name,
    description: action.description,
    inputs: action.inputs,
    outputs: action.outputs
  }
  const stdout = execFileSync(process.execPath, [LANGUAGE_SERVICE], {
    input: JSON.stringify({ documents, actions: { [REPO_NAME]: metadata } }),
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' }
  })
  const results = JSON.parse(stdout) as { uri: string; diagnostics: Diagnostic[] }[]
  return new Map(results.map(r => [r.uri, r.diagnostics]))
}

/** Third-party actions cannot be resolved offline; everything else the service reports counts. */
const relevant = (diagnostics: Diagnostic[]): string[] =>
  diagnostics
    .filter(d => d.severity <= 2 && !/^Unable to resolve action `(?!local\/)/.test(d.message))
    .map(d => `line ${d.line + 1}:${d.character + 1} ${d.message}`)

const BROKEN_ACTION = 'name: broken\nruns:\n  using: node18\n  main: index.js\nsteps: []\n'
const BROKEN_WORKFLOW = [
  'on: push',
  'jobs:',
  '  plan:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: ./',
  '        with:',
  '          mode: plan',
  '          not-an-input: x',
  ''
].join('\n')

const files = workflowFiles()
const uri = (rel: string) => `file:///repo/${rel}`

describe('workflows that use this action', () => {
  let diagnostics: Map<string, Diagnostic[]>
  beforeAll(() => {
    diagnostics = languageService([
      ...files.map(file => ({ uri: uri(file), text: resolvableLocalUses(read(file)) })),
      { uri: uri('action.yml'), text: actionText },
      { uri: uri('broken/action.yml'), text: BROKEN_ACTION },
      { uri: uri('.github/workflows/broken.yml'), text: resolvableLocalUses(BROKEN_WORKFLOW) }
    ])
  })

  it('include ci.yml and check-dist.yml; ci.yml runs this action in plan mode on the example', () => {
    expect(files).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/check-dist.yml'])
    )
    expect(stepsUsingThisAction('ci.yml', read('.github/workflows/ci.yml')).map(s => s.with)).toEqual([
      expect.objectContaining({ spec: 'examples/minimal.yaml', mode: 'plan', state: 'file' })
    ])
  })

  it.each(files)(
    '%s: every step using this action passes only declared inputs and all required ones',
    file => {
      expect(stepsUsingThisAction(file, read(file)).flatMap(stepProblems)).toEqual([])
    }
  )

  it.each(files)('%s: passes the Actions language service', file => {
    expect(relevant(diagnostics.get(uri(file)) ?? [])).toEqual([])
  })

  it('catches an unknown input and a missing required input (both checks)', () => {
    expect(stepsUsingThisAction('broken.yml', BROKEN_WORKFLOW).flatMap(stepProblems)).toEqual([
      expect.stringContaining('with.not-an-input is not an input of action.yml'),
      expect.stringContaining('required input spec is missing')
    ])
    expect(relevant(diagnostics.get(uri('.github/workflows/broken.yml')) ?? [])).toEqual([
      "line 9:11 Invalid action input 'not-an-input'",
      'line 7:9 Missing required input `spec`'
    ])
  })

  // GitHub's secure-use guidance: pin a third-party action to a full commit SHA (tags can move); the
  // comment names the release, which is what Dependabot reads and updates.
  it.each(files)('%s: pins every third-party action to a commit, naming its version', file => {
    const uses = [...read(file).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)]
      .filter(([, target]) => !usesThisAction(target))
      .map(([, target, rest]) => `${target}${rest}`)
    expect(uses.filter(line => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line))).toEqual([])
  })

  it('recognises this action by local path or by repository reference only', () => {
    expect(
      ['./', '.', 'octo-org/asm-service-mesh-action@v1', 'me/asm-service-mesh-action@main'].map(
        usesThisAction
      )
    ).toEqual([true, true, true, true])
    expect(
      ['./other', 'actions/checkout@v7', 'me/asm-service-mesh-action-fork@v1'].map(usesThisAction)
    ).toEqual([false, false, false])
  })

  it('action.yml passes the Actions metadata schema (language service), which rejects a broken one', () => {
    expect(diagnostics.get(uri('action.yml'))).toEqual([])
    expect(relevant(diagnostics.get(uri('broken/action.yml')) ?? [])).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Unexpected value 'node18'"),
        expect.stringContaining("Unexpected value 'steps'"),
        expect.stringContaining('Required property is missing: description')
      ])
    )
  })
})

describe('action.yml', () => {
  it('runs dist/index.js on node24, and the file exists', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(existsSync(path.join(REPO_ROOT, action.runs.main))).toBe(true)
  })

  // The language service does not flag a misspelled key inside an input (docs/reference/runner-contract.md §4).
  it('describes every input and output, with only the keys the runner knows', () => {
    const inputKeys = ['description', 'required', 'default', 'deprecationMessage']
    for (const [name, input] of Object.entries(action.inputs)) {
      expect({ name, keys: Object.keys(input).filter(k => !inputKeys.includes(k)) }).toEqual({
        name,
        keys: []
      })
      expect({ name, description: typeof input.description }).toEqual({ name, description: 'string' })
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      expect({ name, keys: Object.keys(output) }).toEqual({ name, keys: ['description'] })
    }
  })
})

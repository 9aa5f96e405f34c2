/**
 * The runner harness's own tests: fixture scripts that use the real @actions/core, raw command lines
 * and file-command contents, the runner's parsing rules directly, and a smoke test of dist/index.js,
 * under this machine's node and Node 24.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { parseCommand, unescapeData, unescapeProperty } from '../support/runner-commands.js'
import { parseKeyValueFile, parsePathFile } from '../support/runner-file-commands.js'
import { evaluateDefault, inputEnvName } from '../support/runner-inputs.js'
import { SecretMasker } from '../support/runner-masks.js'
import {
  createWorkspace,
  maskedLog,
  REPO_ROOT,
  runAction,
  type RunOptions,
  type RunResult
} from '../support/runner.js'

const FIXTURES = path.join(REPO_ROOT, '__tests__', 'fixtures', 'runner')
const fixture = { dist: path.join(FIXTURES, 'toolkit.mjs'), actionYml: path.join(FIXTURES, 'action.yml') }
const raw = (scenario: string, options: RunOptions = {}) =>
  runAction({
    dist: path.join(FIXTURES, 'raw.mjs'),
    actionYml: fixture.actionYml,
    with: { scenario },
    ...options
  })

const TOKEN = 'ghs_fixtureToken1234567890abcdefghijklmn'

describe.each(NODE_VERSIONS)('a toolkit action under $name', ({ bin }) => {
  let workspace: string
  let result: RunResult
  beforeAll(async () => {
    workspace = await createWorkspace({ 'mesh.yaml': 'version: 1\n' })
    result = await runAction({
      ...fixture,
      node: bin,
      workspace,
      githubToken: TOKEN,
      with: { 'who-to-greet': 'mesh', extra: 'undeclared' },
      state: { previous: 'from-main' },
      github: { runId: '99', runAttempt: '2' },
      event: {
        name: 'pull_request',
        payload: { pull_request: { number: 5, head: { ref: 'feature' }, base: { ref: 'main' } } }
      }
    })
  })
  afterAll(() => rm(workspace, { recursive: true, force: true }))

  it('succeeds', () => {
    expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false, failed: false, failures: [] })
  })

  it('exports inputs as the runner does: with values, evaluated defaults, undeclared keys, empty for no default', () => {
    expect(JSON.parse(result.outputs.inputs)).toEqual({
      'INPUT_WHO-TO-GREET': 'mesh',
      'INPUT_GITHUB-TOKEN': TOKEN,
      INPUT_RUN_LABEL: 'run-99-2',
      'INPUT_NO-DEFAULT': '',
      INPUT_EXTRA: 'undeclared'
    })
  })

  it('starts the script in the workspace with stdin closed and a clean environment', () => {
    expect(result.outputs.cwd).toBe(workspace)
    expect(result.outputs.stdin).toBe('')
    const keys: string[] = JSON.parse(result.outputs['env-keys'])
    expect(
      keys.filter(key => !/^(PATH|HOME|CI|(GITHUB|RUNNER|INPUT|STATE)_.+|GITHUB_ACTIONS)$/.test(key))
    ).toEqual([])
    expect(keys).toEqual(
      expect.arrayContaining([
        'GITHUB_OUTPUT',
        'GITHUB_STATE',
        'GITHUB_ENV',
        'GITHUB_PATH',
        'GITHUB_STEP_SUMMARY',
        'RUNNER_TEMP'
      ])
    )
    expect(keys).not.toContain('NODE_OPTIONS')
    expect(keys).not.toContain('JEST_WORKER_ID')
  })

  it('writes the pull_request payload and derives the refs from it', () => {
    expect(JSON.parse(result.outputs.event)).toMatchObject({
      pull_request: { number: 5 },
      repository: { full_name: 'octo-org/mesh-config' }
    })
    expect(JSON.parse(result.outputs.github)).toEqual({ ref: 'refs/pull/5/merge', headRef: 'feature' })
  })

  it('reads heredoc outputs, env, path, state and the summary from the file commands', () => {
    expect(result.outputs.multiline).toBe('line one\nline two\n  indented')
    expect(result.outputs['state-in']).toBe('from-main')
    expect(result.env).toEqual({ MESH_EXPORTED: 'yes\nmulti' })
    expect(result.path).toEqual(['/opt/mesh/bin'])
    expect(result.state).toEqual({ 'token-cache': 'state-value' })
    expect(result.summary).toContain('<h1>Plan</h1>')
    expect(result.summaryUploaded).toBe(true)
  })

  it('collects annotations with their positions, unescaping message and properties', () => {
    expect(result.annotations).toEqual([
      {
        level: 'error',
        message: 'bad value',
        file: 'mesh.yaml',
        line: 3,
        col: 5,
        endLine: 3,
        endColumn: 9,
        title: 'Spec: x'
      },
      { level: 'warning', message: 'a,b: 100%\nnext' },
      { level: 'notice', message: 'fyi' }
    ])
    expect(result.groups).toEqual(['Group A'])
    expect(result.debug).toEqual(['debug detail'])
  })

  it('masks the job token and every line of a multi-line secret in the shown log', () => {
    expect(result.masks).toEqual(
      expect.arrayContaining([TOKEN, 's3cr3t-one\ns3cr3t-two', 's3cr3t-one', 's3cr3t-two'])
    )
    const log = maskedLog(result)
    expect(log).toContain('token ***')
    expect(log).toContain('secret is ***\n***')
    expect(log).not.toMatch(/s3cr3t|ghs_fixture/)
    expect(log).not.toContain('debug detail')
    expect(result.allText).toContain('s3cr3t-two')
  })

  it('captures in allText the bytes written to files as well as the log', () => {
    expect(result.allText).toContain('workspace bytes')
    expect(result.allText).toContain('<h1>Plan</h1>')
  })
})

describe('runner rules applied to what a step emits', () => {
  it('fails a step whose heredoc has no closing delimiter, even with exit code 0', async () => {
    const result = await raw('broken-heredoc')
    expect(result.exitCode).toBe(0)
    expect(result.failed).toBe(true)
    expect(result.failures).toEqual([
      "file command 'output': Invalid value. Matching delimiter not found 'EOF'"
    ])
    expect(maskedLog(result)).toContain("##[error]Unable to process file command 'output' successfully.")
  })

  it('fails a heredoc body that ends the file without a newline', async () => {
    expect((await raw('missing-final-newline')).failures).toEqual([
      "file command 'output': Invalid value. EOF marker missing new line."
    ])
  })

  it('lets whichever of = or << comes first decide the form', async () => {
    const result = await raw('first-separator-wins')
    expect(result.failed).toBe(false)
    expect(result.outputs).toEqual({ a: '1=2', b: 'line', c: '<<z', empty: '' })
  })

  it('refuses NODE_OPTIONS in GITHUB_ENV', async () => {
    const result = await raw('node-options')
    expect(result.failed).toBe(true)
    expect(result.env).toEqual({})
  })

  it('keeps 10 annotations per level and counts the rest', async () => {
    const result = await raw('many-annotations')
    expect(result.annotations.filter(a => a.level === 'error').map(a => a.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `problem ${i + 1}`)
    )
    expect(result.annotationCounts).toEqual({ error: 12, warning: 1, notice: 0 })
    expect(maskedLog(result)).toContain('##[error]problem 12')
    expect(result.failed).toBe(false)
  })

  it('turns a summary over 1 MiB into an error annotation without failing the step', async () => {
    const result = await raw('big-summary')
    expect(result.failed).toBe(false)
    expect(result.summaryUploaded).toBe(false)
    expect(result.annotations).toEqual([
      {
        level: 'error',
        message: '$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got 1026k'
      }
    ])
  })

  it('ignores commands between stop-commands and its token', async () => {
    const result = await raw('stop-commands')
    expect(result.annotations.map(a => a.message)).toEqual(['real'])
    expect(maskedLog(result)).toContain('::error::not an annotation')
  })

  it('fails set-env unless unsecure commands are allowed', async () => {
    expect((await raw('set-env')).failed).toBe(true)
    const allowed = await raw('set-env', { env: { ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true' } })
    expect(allowed.failed).toBe(false)
    expect(allowed.env).toEqual({ X: '1' })
  })

  it('still honours the deprecated ::set-output command', async () => {
    expect((await raw('legacy-set-output')).outputs).toEqual({ old: 'legacy value' })
  })

  it('shows a value printed before its add-mask: the leak a hygiene test must catch', async () => {
    const result = await raw('leak-before-mask')
    expect(result.shownLog).toEqual(['early hunter2 leak', 'later *** masked', '##[error]bad ***'])
    expect(result.annotations).toEqual([{ level: 'error', message: 'bad ***' }])
  })

  it('fails on a non-zero exit code', async () => {
    expect(await raw('exit-2')).toMatchObject({ exitCode: 2, failed: true })
  })

  it('shows ::debug:: lines only with step debug on', async () => {
    const result = await runAction({ ...fixture, debug: true })
    expect(maskedLog(result)).toContain('##[debug]debug detail')
  })

  it('sends a signal when a line appears', async () => {
    const result = await raw('wait-for-signal', {
      sendSignal: { signal: 'SIGTERM', whenLine: /^waiting for signal$/ }
    })
    expect(result).toMatchObject({ exitCode: 143, failed: true, timedOut: false })
    expect(result.annotations).toEqual([{ level: 'notice', message: 'received SIGTERM' }])
  })

  it('sends a signal after a delay', async () => {
    const result = await raw('wait-for-signal', { sendSignal: { signal: 'SIGINT', afterMs: 200 } })
    // Either the script's handler ran (exit 130) or the signal came before it was installed.
    expect(result.exitCode === 130 || result.signal === 'SIGINT').toBe(true)
    expect(result).toMatchObject({ failed: true, timedOut: false })
  })

  it('kills a step that outlives its timeout', async () => {
    const result = await raw('hang', { timeoutMs: 1000 })
    expect(result).toMatchObject({ timedOut: true, signal: 'SIGKILL', failed: true })
    expect(result.failures[0]).toMatch(/^timed out after 1000 ms/)
  })

  it('refuses an input default it cannot evaluate instead of guessing', () => {
    expect(() => evaluateDefault('x', '${{ runner.os }}', { token: 't' })).toThrow(
      /input "x": the harness cannot evaluate .*runner\.os/
    )
  })
})

describe('runner parsing rules', () => {
  it('names inputs INPUT_<upper>, spaces to _, hyphens and dots kept', () => {
    expect(inputEnvName('who-to-greet')).toBe('INPUT_WHO-TO-GREET')
    expect(inputEnvName('my input.v2')).toBe('INPUT_MY_INPUT.V2')
  })

  it('parses command lines, with leading whitespace, properties and escapes', () => {
    expect(parseCommand('  ::error file=a%2Cb.yaml,line=3,title=x%3Ay::100%25%0Anext')).toEqual({
      name: 'error',
      properties: { file: 'a,b.yaml', line: '3', title: 'x:y' },
      data: '100%\nnext'
    })
    expect(parseCommand('::unknown-thing::x')).toBeUndefined()
    expect(parseCommand('text ::error::x')).toBeUndefined()
    expect(unescapeData('%3A%2C%250A')).toBe('%3A%2C%0A')
    expect(unescapeProperty('%3A%2C%0D')).toBe(':,\r')
  })

  it('parses file commands like the runner', () => {
    expect(parseKeyValueFile('a=1\n\nb<<D\nx\n\ny\nD\na=2\n')).toEqual([
      ['a', '1'],
      ['b', 'x\n\ny'],
      ['a', '2']
    ])
    expect(parseKeyValueFile('e<<D\nD\n')).toEqual([['e', '']])
    expect(() => parseKeyValueFile('=v\n')).toThrow('Name must not be empty')
    expect(() => parseKeyValueFile('k<<\n')).toThrow('must not be empty')
    expect(() => parseKeyValueFile('just text\n')).toThrow("Invalid format 'just text'")
    expect(() => parseKeyValueFile('k<<D\nv\n D\n')).toThrow("Matching delimiter not found 'D'")
    expect(parsePathFile('/a\n\n/b')).toEqual(['/a', '/b'])
  })

  it('masks whole values, each line, and encoded forms', () => {
    const masker = new SecretMasker()
    expect(masker.add('  ')).toBe(false)
    masker.add('p@ss word\nline2')
    expect(masker.mask('p@ss word|line2|p%40ss%20word|cEBzcyB3b3Jk')).toBe('***|***|***|***')
  })
})

describe.each(NODE_VERSIONS)('dist/index.js under $name', ({ bin }) => {
  it('fails with an error annotation naming the spec input when spec is not given', async () => {
    const result = await runAction({ node: bin })
    expect(result.exitCode).toBe(1)
    expect(result.failed).toBe(true)
    expect(result.annotations.find(a => a.level === 'error')?.message).toMatch(/\bspec\b/)
  })
})

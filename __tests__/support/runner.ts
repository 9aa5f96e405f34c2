/**
 * Runs the bundled action the way actions/runner runs a `node24` action (docs/reference/runner-contract.md §1, §7):
 * `<node> <abs dist/index.js>` with cwd = GITHUB_WORKSPACE, stdin closed, a clean environment of
 * PATH/HOME/CI plus GITHUB_*, RUNNER_*, INPUT_* and STATE_*, fresh file-command files, and an event
 * payload file. Afterwards the log and the file commands are processed with the runner's rules.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { StringDecoder } from 'node:string_decoder'
import {
  type Annotation,
  type AnnotationLevel,
  type LogLine,
  StepRecord,
  type WorkflowCommand
} from './runner-commands.js'
import {
  checkEnvPair,
  parseKeyValueFile,
  parsePathFile,
  SUMMARY_LIMIT_BYTES,
  summaryTooLargeMessage
} from './runner-file-commands.js'
import { inputEnvironment, readDeclaredInputs, type WithValues } from './runner-inputs.js'
import { REPO_ROOT } from './repo-root.js'

export type { Annotation, AnnotationLevel, WorkflowCommand, WithValues }

export { REPO_ROOT }

export interface EventSpec {
  /** GITHUB_EVENT_NAME: push, pull_request, workflow_dispatch, ... */
  name: string
  /** Written to GITHUB_EVENT_PATH; `repository` and `sender` are filled in when absent. */
  payload?: Record<string, unknown>
}

/** The `github` context values the harness exports; every one can be overridden. */
export interface GithubValues {
  repository: string
  runId: string
  runAttempt: string
  runNumber: string
  sha: string
  /** Default: refs/pull/<n>/merge for a pull_request payload with a number, else refs/heads/main. */
  ref: string
  actor: string
  serverUrl: string
  /** Default http://127.0.0.1:1 (closed port), so nothing reaches a real API by accident. */
  apiUrl: string
  graphqlUrl: string
  workflow: string
  job: string
  /** GITHUB_ACTION: the step id, `__self` for an id-less `uses: ./` step. */
  action: string
}

export type SignalPlan = (
  | { signal: 'SIGTERM' | 'SIGINT'; afterMs: number }
  /** Sent once, when a stdout or stderr line matches (e.g. a "waiting" message). */
  | { signal: 'SIGTERM' | 'SIGINT'; whenLine: RegExp }
  /** Sent once `when` resolves (e.g. once an emulator has received a call the step is now waiting on). */
  | { signal: 'SIGTERM' | 'SIGINT'; when: Promise<unknown> }
) & {
  /** SIGKILL this long after the signal, as the runner ends a cancelled step that has not stopped. */
  killAfterMs?: number
}

export interface RunOptions {
  /** Node binary; default this process's node. See NODE_VERSIONS. */
  node?: string
  /** Script to start; default <repo>/dist/index.js. */
  dist?: string
  /** Where the declared inputs and their defaults come from; default <repo>/action.yml. */
  actionYml?: string
  /** The step's `with:` values; undeclared keys are exported too, as the runner does. */
  with?: WithValues
  /** Overlaid last (job/step `env:`, ACTIONS_ID_TOKEN_REQUEST_*, ...); undefined removes a variable. */
  env?: Record<string, string | undefined>
  /** `${{ github.token }}`; masked from the start like the runner's job token. */
  githubToken?: string
  /** Secret values the runner would mask from the start (repository secrets used by the job). */
  secrets?: string[]
  /** An existing GITHUB_WORKSPACE, left in place; default a temp dir removed after the run. */
  workspace?: string
  event?: EventSpec
  github?: Partial<GithubValues>
  /** STATE_<name> values, as a post stage gets them from main's GITHUB_STATE. */
  state?: Record<string, string>
  /** Step debug on: RUNNER_DEBUG=1 and `::debug::` lines shown. */
  debug?: boolean
  /** Kill with SIGKILL after this long (default 45 s, under Jest's 60 s); the result says timedOut. */
  timeoutMs?: number
  sendSignal?: SignalPlan
}

export interface RunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  /** Step result: exit code != 0, killed, or a command/file command the runner could not process. */
  failed: boolean
  /** Reasons for `failed` other than the exit code. */
  failures: string[]
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** GITHUB_ENV (and allowed `::set-env`) values for later steps. */
  env: Record<string, string>
  /** GITHUB_PATH entries, in file order. */
  path: string[]
  /** GITHUB_STATE values; pass as `state` to run a post stage. */
  state: Record<string, string>
  /** GITHUB_STEP_SUMMARY as written (unmasked). */
  summary: string
  /** False when the summary was empty or over 1 MiB (then an error annotation says so). */
  summaryUploaded: boolean
  /** The first 10 per level, messages masked. */
  annotations: Annotation[]
  /** Totals per level, including those beyond the first 10. */
  annotationCounts: Record<AnnotationLevel, number>
  /** Every masked value: the token, `secrets`, each `add-mask` value and its lines. */
  masks: string[]
  groups: string[]
  debug: string[]
  commands: WorkflowCommand[]
  /** The log as GitHub shows it, line by line (see maskedLog). */
  shownLog: string[]
  durationMs: number
  /** Every byte the run emitted: stdout, stderr, file-command files, event file, and files it created
   * or changed under the workspace, HOME and RUNNER_TEMP. For secret-hygiene assertions. */
  allText: string
}

const DEFAULT_TIMEOUT_MS = 45_000
const DEFAULT_TOKEN = 'ghs_harnessJobToken0000000000000000000000'
const FILE_COMMANDS = {
  output: 'set_output_',
  state: 'save_state_',
  env: 'set_env_',
  path: 'add_path_',
  summary: 'step_summary_'
} as const
type FileCommand = keyof typeof FILE_COMMANDS

/** The log as GitHub would show it: commands rendered as `##[error]...` etc., masks applied in order. */
export function maskedLog(result: RunResult): string {
  return result.shownLog.join('\n')
}

/** A fresh temp directory holding `files` (relative path → content), for use as `workspace`. */
export async function createWorkspace(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'asm-workspace-'))
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), content)
  }
  return dir
}

function githubValues(options: RunOptions): GithubValues {
  const payload = options.event?.payload as { pull_request?: { number?: number } } | undefined
  const prNumber = payload?.pull_request?.number
  return {
    repository: 'octo-org/mesh-config',
    runId: '4242',
    runAttempt: '1',
    runNumber: '7',
    sha: 'a'.repeat(40),
    ref: prNumber !== undefined ? `refs/pull/${prNumber}/merge` : 'refs/heads/main',
    actor: 'octocat',
    serverUrl: 'https://github.com',
    apiUrl: 'http://127.0.0.1:1',
    graphqlUrl: 'http://127.0.0.1:1/graphql',
    workflow: 'mesh',
    job: 'mesh',
    action: '__self',
    ...options.github
  }
}

function eventPayload(event: EventSpec, github: GithubValues): Record<string, unknown> {
  const [owner, name] = github.repository.split('/')
  const defaults: Record<string, unknown> = {
    repository: { full_name: github.repository, name, owner: { login: owner }, default_branch: 'main' },
    sender: { login: github.actor }
  }
  if (event.name === 'push') Object.assign(defaults, { ref: github.ref, after: github.sha })
  return { ...defaults, ...event.payload }
}

interface RunDirs {
  root: string
  workspace: string
  temp: string
  home: string
  files: Record<FileCommand, string>
  eventPath: string
}

async function prepareDirs(options: RunOptions, github: GithubValues): Promise<RunDirs> {
  const root = await mkdtemp(path.join(tmpdir(), 'asm-runner-'))
  const repoName = github.repository.split('/')[1] ?? 'repo'
  const workspace = options.workspace ?? path.join(root, 'work', repoName, repoName)
  const temp = path.join(root, 'work', '_temp')
  const home = path.join(root, 'home')
  const commandDir = path.join(temp, '_runner_file_commands')
  await Promise.all(
    [workspace, home, commandDir, path.join(temp, '_github_workflow')].map(d => mkdir(d, { recursive: true }))
  )
  const files = Object.fromEntries(
    Object.entries(FILE_COMMANDS).map(([command, prefix]) => [
      command,
      path.join(commandDir, prefix + randomUUID())
    ])
  ) as Record<FileCommand, string>
  await Promise.all(Object.values(files).map(file => writeFile(file, '')))
  const eventPath = path.join(temp, '_github_workflow', 'event.json')
  return { root, workspace, temp, home, files, eventPath }
}

function childEnvironment(
  options: RunOptions,
  github: GithubValues,
  dirs: RunDirs,
  token: string
): Record<string, string> {
  const [owner] = github.repository.split('/')
  const event = options.event ?? { name: 'push' }
  const payload = options.event?.payload as {
    pull_request?: { head?: { ref?: string }; base?: { ref?: string } }
  }
  const refName = github.ref.replace(/^refs\/(heads|tags|pull)\//, '')
  const githubEnv: Record<string, string> = {
    GITHUB_ACTION: github.action,
    GITHUB_ACTOR: github.actor,
    GITHUB_ACTOR_ID: '583231',
    GITHUB_API_URL: github.apiUrl,
    GITHUB_BASE_REF: payload?.pull_request?.base?.ref ?? '',
    GITHUB_ENV: dirs.files.env,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: dirs.eventPath,
    GITHUB_GRAPHQL_URL: github.graphqlUrl,
    GITHUB_HEAD_REF: payload?.pull_request?.head?.ref ?? '',
    GITHUB_JOB: github.job,
    GITHUB_OUTPUT: dirs.files.output,
    GITHUB_PATH: dirs.files.path,
    GITHUB_REF: github.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_REF_TYPE: github.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REPOSITORY: github.repository,
    GITHUB_REPOSITORY_ID: '123456789',
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REPOSITORY_OWNER_ID: '9919',
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_RUN_ATTEMPT: github.runAttempt,
    GITHUB_RUN_ID: github.runId,
    GITHUB_RUN_NUMBER: github.runNumber,
    GITHUB_SERVER_URL: github.serverUrl,
    GITHUB_SHA: github.sha,
    GITHUB_STATE: dirs.files.state,
    GITHUB_STEP_SUMMARY: dirs.files.summary,
    GITHUB_TRIGGERING_ACTOR: github.actor,
    GITHUB_WORKFLOW: github.workflow,
    GITHUB_WORKFLOW_REF: `${github.repository}/.github/workflows/${github.workflow}.yml@${github.ref}`,
    GITHUB_WORKFLOW_SHA: github.sha,
    GITHUB_WORKSPACE: dirs.workspace
  }
  const runnerEnv: Record<string, string> = {
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: path.join(dirs.root, 'hostedtoolcache'),
    RUNNER_WORKSPACE: path.dirname(dirs.workspace),
    ...(options.debug && { RUNNER_DEBUG: '1' })
  }
  // The `github` context as input defaults see it (only keys an action.yml is likely to use).
  const githubContext = {
    token,
    repository: github.repository,
    repository_owner: owner,
    run_id: github.runId,
    run_attempt: github.runAttempt,
    run_number: github.runNumber,
    sha: github.sha,
    ref: github.ref,
    ref_name: refName,
    actor: github.actor,
    event_name: event.name,
    server_url: github.serverUrl,
    api_url: github.apiUrl,
    workspace: dirs.workspace,
    workflow: github.workflow,
    job: github.job
  }
  const declared = readDeclaredInputs(options.actionYml ?? path.join(REPO_ROOT, 'action.yml'))
  const env: Record<string, string | undefined> = {
    PATH: hostPath(),
    HOME: dirs.home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    ...githubEnv,
    ...runnerEnv,
    ...Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    ...inputEnvironment(declared, options.with ?? {}, githubContext),
    ...options.env
  }
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined))
}

/** The host's PATH without the node_modules/.bin entries `npm run` adds: a runner has none. */
function hostPath(): string {
  return (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin')
    .split(path.delimiter)
    .filter(dir => !dir.split(path.sep).includes('node_modules'))
    .join(path.delimiter)
}

/** Splits a stream into lines as the runner's reader does (LF, CRLF or a lone CR end a line). */
class LineSplitter {
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''
  constructor(private readonly emit: (line: string) => void) {}

  write(chunk: Buffer): void {
    this.pending += this.decoder.write(chunk)
    for (let match; (match = /\r\n|\n|\r(?=[^\n])/.exec(this.pending));) {
      this.emit(this.pending.slice(0, match.index))
      this.pending = this.pending.slice(match.index + match[0].length)
    }
  }

  end(): void {
    const rest = (this.pending + this.decoder.end()).replace(/\r$/, '')
    if (rest !== '') this.emit(rest)
    this.pending = ''
  }
}

interface Exit {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
  lines: LogLine[]
}

function runProcess(
  node: string,
  script: string,
  cwd: string,
  env: Record<string, string>,
  options: RunOptions
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const raw = { stdout: [] as Buffer[], stderr: [] as Buffer[] }
    const lines: LogLine[] = []
    const plan = options.sendSignal
    let signalSent = false
    let timedOut = false
    const sendSignal = () => {
      // A `when` may resolve after the step ended: nothing is left to signal then.
      if (plan && !signalSent && child.exitCode === null && child.signalCode === null) {
        signalSent = true
        child.kill(plan.signal)
        if (plan.killAfterMs !== undefined)
          timers.push(setTimeout(() => child.kill('SIGKILL'), plan.killAfterMs))
      }
    }
    const timers = [
      setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      ...(plan && 'afterMs' in plan ? [setTimeout(sendSignal, plan.afterMs)] : [])
    ]
    if (plan && 'when' in plan) void plan.when.then(sendSignal, () => undefined)
    for (const stream of ['stdout', 'stderr'] as const) {
      const splitter = new LineSplitter(text => {
        lines.push({ stream, text })
        if (plan && 'whenLine' in plan && plan.whenLine.test(text)) sendSignal()
      })
      child[stream].on('data', (chunk: Buffer) => {
        raw[stream].push(chunk)
        splitter.write(chunk)
      })
      child[stream].on('end', () => splitter.end())
    }
    child.on('error', error => {
      timers.forEach(clearTimeout)
      reject(new Error(`could not start ${node} ${script}: ${error.message}`))
    })
    child.on('close', (exitCode, signal) => {
      timers.forEach(clearTimeout)
      const text = (buffers: Buffer[]) => Buffer.concat(buffers).toString('utf8')
      resolve({ exitCode, signal, timedOut, stdout: text(raw.stdout), stderr: text(raw.stderr), lines })
    })
  })
}

/** Regular files under `dir` (skipping .git and node_modules), with mtime and size. */
async function listFiles(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') await walk(full)
      else if (entry.isFile()) {
        const info = await stat(full)
        found.set(full, `${info.mtimeMs}:${info.size}`)
      }
    }
  }
  await walk(dir)
  return found
}

/** Contents of files that are new or changed compared with `before`. */
async function changedFiles(dirs: string[], before: Map<string, string>): Promise<string[]> {
  const contents: string[] = []
  for (const dir of dirs) {
    for (const [file, signature] of await listFiles(dir)) {
      if (before.get(file) !== signature) contents.push(await readFile(file, 'utf8'))
    }
  }
  return contents
}

/** Applies the file commands after the process ended, failing the step on any parse error. */
async function processFileCommands(files: Record<FileCommand, string>, record: StepRecord) {
  const text = Object.fromEntries(
    await Promise.all(
      Object.entries(files).map(async ([command, file]) => [command, await readFile(file, 'utf8')])
    )
  ) as Record<FileCommand, string>
  const result = {
    outputs: { ...record.outputs },
    state: { ...record.state },
    env: { ...record.env },
    path: [...record.path]
  }
  const attempt = (command: FileCommand, apply: () => void) => {
    try {
      apply()
    } catch (error) {
      record.fail(`file command '${command}'`, (error as Error).message)
    }
  }
  attempt('output', () => Object.assign(result.outputs, Object.fromEntries(parseKeyValueFile(text.output))))
  attempt('state', () => Object.assign(result.state, Object.fromEntries(parseKeyValueFile(text.state))))
  attempt('env', () => {
    const pairs = parseKeyValueFile(text.env)
    pairs.forEach(checkEnvPair)
    Object.assign(result.env, Object.fromEntries(pairs))
  })
  attempt('path', () => result.path.push(...parsePathFile(text.path)))
  const summaryBytes = Buffer.byteLength(text.summary, 'utf8')
  if (summaryBytes > SUMMARY_LIMIT_BYTES)
    record.annotate({ level: 'error', message: summaryTooLargeMessage(summaryBytes) })
  return {
    ...result,
    summary: text.summary,
    summaryUploaded: summaryBytes > 0 && summaryBytes <= SUMMARY_LIMIT_BYTES
  }
}

export async function runAction(options: RunOptions = {}): Promise<RunResult> {
  const github = githubValues(options)
  const token = options.githubToken ?? DEFAULT_TOKEN
  const dirs = await prepareDirs(options, github)
  try {
    const env = childEnvironment(options, github, dirs, token)
    await writeFile(
      dirs.eventPath,
      JSON.stringify(eventPayload(options.event ?? { name: 'push' }, github), null, 2)
    )
    const before = new Map([...(await listFiles(dirs.workspace)), ...(await listFiles(dirs.temp))])
    const started = performance.now()
    const exit = await runProcess(
      options.node ?? process.execPath,
      path.resolve(options.dist ?? path.join(REPO_ROOT, 'dist', 'index.js')),
      dirs.workspace,
      env,
      options
    )
    const durationMs = performance.now() - started

    const record = new StepRecord({
      debug: options.debug === true,
      allowUnsecureCommands: env.ACTIONS_ALLOW_UNSECURE_COMMANDS === 'true'
    })
    ;[token, ...(options.secrets ?? [])].forEach(secret => record.masker.add(secret))
    exit.lines.forEach(line => record.processLine(line))
    const files = await processFileCommands(dirs.files, record)
    const written = await changedFiles([dirs.workspace, dirs.home, dirs.temp], before)

    const failures = [...record.failures]
    if (exit.timedOut) failures.unshift(`timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)
    return {
      exitCode: exit.exitCode,
      signal: exit.signal,
      timedOut: exit.timedOut,
      failed: exit.exitCode !== 0 || failures.length > 0,
      failures,
      stdout: exit.stdout,
      stderr: exit.stderr,
      outputs: files.outputs,
      env: files.env,
      path: files.path,
      state: files.state,
      summary: files.summary,
      summaryUploaded: files.summaryUploaded,
      annotations: record.annotations,
      annotationCounts: record.annotationCounts,
      masks: record.masker.values(),
      groups: record.groups,
      debug: record.debug,
      commands: record.commands,
      shownLog: record.shownLog,
      durationMs,
      allText: [exit.stdout, exit.stderr, ...written].join('\n')
    }
  } finally {
    await rm(dirs.root, { recursive: true, force: true })
  }
}

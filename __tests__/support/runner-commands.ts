/**
 * Workflow commands printed on stdout/stderr (`::name k=v,k2=v2::data`), parsed and applied the way
 * actions/runner does (ActionCommand.cs / ActionCommandManager.cs, docs/reference/runner-contract.md §1.3, §1.7, §1.8).
 * Lines are processed in arrival order, so a value printed before its `add-mask` stays visible in the
 * shown log, exactly the leak a secret-hygiene test must catch.
 */
import { SecretMasker } from './runner-masks.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  /** As GitHub shows it: secrets masked. */
  message: string
  file?: string
  line?: number
  col?: number
  endLine?: number
  endColumn?: number
  title?: string
}

export interface WorkflowCommand {
  name: string
  properties: Record<string, string>
  data: string
}

export interface LogLine {
  stream: 'stdout' | 'stderr'
  text: string
}

/** The runner's registered command names; any other `::x::` line is plain log text. */
const KNOWN_COMMANDS = new Set([
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'echo',
  'set-env',
  'add-path',
  'set-output',
  'save-state',
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'stop-commands'
])

/** The runner attaches at most this many annotations of each level to a step. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10

const unescape = (value: string, table: Record<string, string>): string =>
  value.replace(/%(25|0D|0A|3A|2C)/g, (match, code: string) => table[code] ?? match)

/** `%25` `%0D` `%0A` in data. */
export const unescapeData = (value: string): string => unescape(value, { '25': '%', '0D': '\r', '0A': '\n' })

/** Properties additionally unescape `%3A` and `%2C`. */
export const unescapeProperty = (value: string): string =>
  unescape(value, { '25': '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' })

/** Parses one log line; undefined when it is not a command line the runner knows. */
export function parseCommand(line: string): WorkflowCommand | undefined {
  const text = line.trimStart()
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = text.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!KNOWN_COMMANDS.has(name)) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
  }
  return { name, properties, data: unescapeData(text.slice(end + 2)) }
}

const toInt = (value: string | undefined): number | undefined =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined

/** Everything a step's log and file commands produce, accumulated in order. */
export class StepRecord {
  readonly masker = new SecretMasker()
  readonly annotations: Annotation[] = []
  readonly annotationCounts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }
  readonly commands: WorkflowCommand[] = []
  readonly groups: string[] = []
  readonly debug: string[] = []
  /** Legacy `::set-output` / `::save-state` values; file commands override them later. */
  readonly outputs: Record<string, string> = {}
  readonly state: Record<string, string> = {}
  /** `::set-env` / `::add-path`, honoured only with ACTIONS_ALLOW_UNSECURE_COMMANDS=true. */
  readonly env: Record<string, string> = {}
  readonly path: string[] = []
  /** Why the step failed apart from its exit code. */
  readonly failures: string[] = []
  /** The log as GitHub shows it: commands rendered as `##[...]`, secrets masked. */
  readonly shownLog: string[] = []
  private stopToken: string | undefined

  constructor(private readonly options: { debug: boolean; allowUnsecureCommands: boolean }) {}

  show(text: string): void {
    this.shownLog.push(this.masker.mask(text))
  }

  annotate(annotation: Annotation): void {
    const message = this.masker.mask(annotation.message)
    this.show(`##[${annotation.level}]${message}`)
    if (++this.annotationCounts[annotation.level] <= MAX_ANNOTATIONS_PER_LEVEL) {
      this.annotations.push({ ...annotation, message })
    }
  }

  /** A command or file command the runner could not process: shown as an error, and the step fails. */
  fail(what: string, reason: string): void {
    this.failures.push(`${what}: ${reason}`)
    this.annotate({ level: 'error', message: reason })
    this.show(`##[error]Unable to process ${what} successfully.`)
  }

  processLine({ text }: LogLine): void {
    if (this.stopToken !== undefined) {
      if (text.trim() === `::${this.stopToken}::`) this.stopToken = undefined
      else this.show(text)
      return
    }
    const command = parseCommand(text)
    if (command === undefined) return this.show(text)
    this.commands.push(command)
    this.apply(command, text)
  }

  private apply(command: WorkflowCommand, line: string): void {
    const { name, properties: p, data } = command
    switch (name) {
      case 'error':
      case 'warning':
      case 'notice':
        return this.annotate({
          level: name as AnnotationLevel,
          message: data,
          ...(p.file !== undefined && { file: p.file }),
          ...(toInt(p.line) !== undefined && { line: toInt(p.line) }),
          ...(toInt(p.col) !== undefined && { col: toInt(p.col) }),
          ...(toInt(p.endLine) !== undefined && { endLine: toInt(p.endLine) }),
          ...(toInt(p.endColumn) !== undefined && { endColumn: toInt(p.endColumn) }),
          ...(p.title !== undefined && { title: p.title })
        })
      case 'add-mask':
        if (!this.masker.add(data)) {
          this.annotate({
            level: 'warning',
            message: "Can't add secret mask for empty string in ##[add-mask] command."
          })
        }
        return
      case 'debug':
        this.debug.push(data)
        if (this.options.debug) this.show(`##[debug]${data}`)
        return
      case 'group':
        this.groups.push(data)
        return this.show(`##[group]${data}`)
      case 'endgroup':
        return this.show('##[endgroup]')
      case 'stop-commands':
        this.stopToken = data
        return
      case 'set-output':
      case 'save-state':
        if (!p.name)
          return this.fail(`command '${line}'`, `Required field 'name' is missing in ##[${name}] command.`)
        ;(name === 'set-output' ? this.outputs : this.state)[p.name] = data
        return
      case 'set-env':
      case 'add-path':
        if (!this.options.allowUnsecureCommands) {
          return this.fail(
            `command '${line}'`,
            `The \`${name}\` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the \`ACTIONS_ALLOW_UNSECURE_COMMANDS\` environment variable to \`true\`.`
          )
        }
        if (name === 'add-path') this.path.push(data)
        else if (p.name) this.env[p.name] = data
        return
      default:
        // add-matcher, remove-matcher, echo: recorded in `commands`, no effect the harness models.
        return
    }
  }
}

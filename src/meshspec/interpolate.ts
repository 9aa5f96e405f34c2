/** `${NAME}` references in string values, replaced from the environment; `$${` writes a literal `${`. */

export type Env = Readonly<Record<string, string | undefined>>

export interface InterpolationProblem {
  /** Index in the string of the `${` the problem is about. */
  index: number
  /** The reference as written, e.g. `${ASM_CA_KEY}`, to find it in the source. */
  reference: string
  message: string
  expected?: string
  /** A reference to the runner's or the action's own variables, or to a copy of a credential. */
  refused?: true
}

export interface Interpolated {
  value: string
  /** Names referenced, in order (empty when the string uses no `${`). */
  names: string[]
  /** The whole string was exactly one `${NAME}`. */
  whole: boolean
  /** Values substituted from the environment: they must be masked. */
  substituted: string[]
  problems: InterpolationProblem[]
}

const REFERENCE = /\$\$\{|\$\{([^}]*)\}?/g
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * The runner's and the action's own variables (docs/contract.md §4.1): tokens, credentials, inputs. A spec
 * (perhaps from a pull request) never reads them, since they would be sent to the cloud. Case-blind,
 * because on Windows runners `${github_token}` reads GITHUB_TOKEN.
 */
const RESERVED = /^(ACTIONS|GITHUB|RUNNER|INPUT|ALIBABA_CLOUD)_/i
const RESERVED_LIST = 'ACTIONS_*, GITHUB_*, RUNNER_*, INPUT_* or ALIBABA_CLOUD_*'
/** Where the run's credentials are: a variable with the same value is a copy of one under another name. */
const CREDENTIALS = [
  'INPUT_ACCESS-KEY-ID',
  'INPUT_ACCESS-KEY-SECRET',
  'INPUT_SECURITY-TOKEN',
  'INPUT_GITHUB-TOKEN',
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'GITHUB_TOKEN'
]
/** Shorter values ("true", "1") are too common to be taken for a copied credential. */
const MIN_CREDENTIAL_LENGTH = 8

/** Why `name` may not be read from the spec; undefined when it may. */
function refusal(
  name: string,
  value: string | undefined,
  env: Env
): InterpolationProblem['message'] | undefined {
  const advice = "map a variable of your own in the step's env:"
  if (RESERVED.test(name))
    return `\${${name}} is a variable of the runner or of this action (${RESERVED_LIST}), which the spec may not read: ${advice}`
  if (value === undefined || value.length < MIN_CREDENTIAL_LENGTH) return undefined
  // Read without a property access: the CLI watches which variables are looked up to name the missing ones.
  const copied = CREDENTIALS.find(
    credential => Object.getOwnPropertyDescriptor(env, credential)?.value === value
  )
  return copied && `\${${name}} holds the same value as ${copied}, a credential of this run: ${advice}`
}

export function interpolate(text: string, env: Env): Interpolated {
  const result: Interpolated = { value: '', names: [], whole: false, substituted: [], problems: [] }
  let last = 0
  for (const match of text.matchAll(REFERENCE)) {
    const [reference, name] = match
    result.value += text.slice(last, match.index)
    last = match.index + reference.length
    if (reference === '$${') {
      result.value += '${'
      continue
    }
    if (!reference.endsWith('}') || name === undefined || !NAME.test(name)) {
      result.problems.push({
        index: match.index,
        reference,
        message: `${reference} is not a valid environment reference: write \${NAME} with NAME made of letters, digits and _, or $\${ for a literal \${`
      })
      result.value += reference
      continue
    }
    result.names.push(name)
    const value = env[name]
    const refused = refusal(name, value, env)
    if (refused) {
      result.problems.push({ index: match.index, reference, message: refused, refused: true })
      continue
    }
    // An empty variable counts as missing: in a workflow, `${{ secrets.X }}` of an unset secret is empty.
    if (value === undefined || value === '') {
      result.problems.push({
        index: match.index,
        reference,
        message: `environment variable ${name} is not set or is empty: set it in the step's env:, for a secret as ${name}: \${{ secrets.${name} }}`
      })
      continue
    }
    result.substituted.push(value)
    result.value += value
  }
  result.value += text.slice(last)
  result.whole = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(text)
  return result
}

/**
 * The rules that hold for every spec, whatever field they meet: the file, YAML, keys, types and `${NAME}`.
 * Rules of one field live in its entry of the field table (fields.ts), cross-field rules in rules.ts, the
 * rules of the structured values beside their checks; docs/rules.md lists them all (rules-doc.ts).
 */
import { borrowed, neverWorks, type Rule, rule, specFormat } from './basis.js'

const LIMITS = specFormat('§4.2')

export const FILE_RULES = {
  size: rule('The file is at most 1 MiB.', LIMITS),
  text: rule('The file is UTF-8 text without NUL bytes or control characters (YAML 1.2).', LIMITS),
  syntax: rule('The file is valid YAML 1.2; the message points at the line of the mistake.', LIMITS),
  bounds: rule(
    'At most 64 levels of nesting, 50,000 YAML tokens, 100 aliases and 10,000 values added by aliases.',
    LIMITS
  ),
  oneDocument: rule('The file holds one YAML document (one mesh per file).', LIMITS),
  rootMapping: rule('The file is not empty and its top level is a mapping.', LIMITS),
  duplicateKey: rule('Each key appears once per mapping.', LIMITS),
  plainKey: rule('Keys are plain names, not mappings or lists.', LIMITS),
  plainValue: rule('Values are plain YAML: no tags such as !secret or !!binary.', LIMITS),
  alias: rule('An alias (*name) refers to an anchor (&name) defined before it.', LIMITS)
} satisfies Record<string, Rule>

export const KEY_RULES = {
  unknownKey: rule('Only known keys; the closest known key is suggested.', specFormat('§4.2')),
  version: rule('version: 1 is set.', specFormat('§4')),
  type: rule(
    "Each value has its field's type: YAML 1.2 booleans (yes is a string), integers where the API takes " +
      'integers, a mapping for a section; a JSON string given for a mapping gets a hint to write YAML.',
    specFormat('§4.2')
  ),
  controlCharacter: rule(
    'A value holds no control characters or line breaks (except certificates and keys).',
    neverWorks('parameters are single lines of text, and values are printed in logs (SECURITY.md)')
  ),
  emptyValue: rule(
    'A string is not empty where the field lists no empty value; leave the key out to leave it unset.',
    borrowed('this action: an empty parameter is probably a mistake', 'docs/contract.md §4.2')
  )
} satisfies Record<string, Rule>

export const ENV_RULES = {
  reference: rule(
    '${NAME} is well formed and names a variable that is set and not empty.',
    specFormat('§4.1')
  ),
  expression: rule(
    '${{ … }} does not appear in the file: expressions are evaluated in workflow files only.',
    neverWorks('GitHub evaluates ${{ }} in the workflow, never in a file the action reads')
  ),
  bareReference: rule(
    '$NAME without braces is sent as written, not replaced.',
    borrowed('this action: only ${NAME} is replaced', 'docs/contract.md §4.1')
  ),
  ownVariables: rule(
    "${NAME} names none of the runner's or the action's own variables (ACTIONS_*, GITHUB_*, RUNNER_*, " +
      "INPUT_*, ALIBABA_CLOUD_*), nor a variable holding one of the run's credentials.",
    specFormat('§4.1')
  ),
  fromSecret: rule('A CA private key comes from ${NAME}, never written in the file.', specFormat('§4.1'))
} satisfies Record<string, Rule>

export const EXTRA_RULES = {
  mapped: rule('extraParameters does not name a parameter the spec maps.', specFormat('§4.2')),
  reserved: rule(
    'extraParameters does not name a parameter of the RPC protocol (Action, Signature, ...).',
    neverWorks('it would break the signed request')
  ),
  name: rule(
    'An extra parameter is named with letters and digits, and its value is a single scalar.',
    neverWorks('API parameter names are letters and digits, and their values single texts')
  )
} satisfies Record<string, Rule>

/**
 * A state key names a file: `<key>.json` on the state branch, or `.asm-state/<key>.json` in the workspace.
 * So it is held to the rules of a safe relative path whether it comes from the state-key input or from the
 * spec's region and name: parts of A-Za-z0-9._- separated by `/`, none empty, none `.` or `..`, none
 * starting or ending with `.` (hidden files, `.git`, names Windows would trim), bounded in length. And
 * every path built from one is checked to stay under its folder.
 */
import path from 'node:path'
import { ActionError } from '../errors.js'

export const MAX_STATE_KEY_LENGTH = 200
const MAX_PARTS = 8
const MAX_PART_LENGTH = 100
const PART = /^[A-Za-z0-9._-]+$/

/** What is wrong with `key` as a state key, in words that follow its name; undefined when it is fine. */
export function stateKeyProblem(key: string): string | undefined {
  if (key === '') return 'is empty'
  if (key.length > MAX_STATE_KEY_LENGTH) return `is longer than ${MAX_STATE_KEY_LENGTH} characters`
  const parts = key.split('/')
  if (parts.length > MAX_PARTS) return `has more than ${MAX_PARTS} parts`
  for (const part of parts) {
    if (part === '') return 'has an empty part (a leading, trailing or doubled /)'
    if (part === '.' || part === '..') return `has a "${part}" part`
    if (!PART.test(part)) return `has a character other than A-Za-z0-9._- in ${JSON.stringify(part)}`
    if (part.startsWith('.') || part.endsWith('.'))
      return `has a part that starts or ends with ".": "${part}"`
    if (part.length > MAX_PART_LENGTH) return `has a part longer than ${MAX_PART_LENGTH} characters`
  }
  return undefined
}

/** The default state key `<region>/<name>`, refused (with what to do) when the spec's values cannot be one. */
export function defaultStateKey(region: string, name: string): string {
  const key = `${region}/${name}`
  const problem = stateKeyProblem(key)
  if (problem)
    throw new ActionError(
      `The spec's region and name make the state key ${JSON.stringify(key)}, which ${problem}.`,
      'Set the state-key input to a key of A-Za-z0-9._- parts separated by /, such as cn-hangzhou/prod-mesh, ' +
        'or give the mesh a name of letters, digits, - and _.'
    )
  return key
}

/**
 * `<folder>/<key>.json` as a `/`-separated relative path, checked to stay under `folder` ('' for the top of
 * the state branch) even if a key slipped past stateKeyProblem.
 */
export function statePath(folder: string, stateKey: string): string {
  const base = folder === '' ? '' : `${path.posix.normalize(folder).replace(/\/+$/, '')}/`
  const joined = `${base}${stateKey}.json`
  const normal = path.posix.normalize(joined)
  const problem = stateKeyProblem(stateKey)
  if (
    problem ||
    normal !== joined ||
    !normal.startsWith(base) ||
    normal.startsWith('/') ||
    normal.startsWith('../')
  )
    throw new ActionError(
      `The state key ${JSON.stringify(stateKey)} would leave ${folder === '' ? 'the state branch root' : folder}.`,
      'Use a state key of A-Za-z0-9._- parts separated by /.'
    )
  return joined
}

/**
 * The recorded parameters of the last run vs the new request → field-level changes (docs/contract.md §3, §5).
 * Only `comparable` values are used: lists and JSON are normalised upstream, and secrets, values from the
 * environment and URLs with user info are already fingerprints, so re-formatting the YAML is no change
 * and no such value can reach a diff.
 */
import { fingerprint } from '../fingerprint.js'
import type { WireParameter } from '../meshspec/request.js'
import type { Change, RecordedParameter } from './record.js'

/** What is safe to store for a request: spec path, API name and comparable value; never the wire value. */
export function toRecordedParameters(params: WireParameter[]): RecordedParameter[] {
  return params.map(p => ({ path: p.path, parameter: p.parameter, value: p.comparable }))
}

const FINGERPRINT = /sha256:[0-9a-f]{64}$/

/** The fingerprint a hidden recorded value ends with (`${NAME} sha256:…`, a fingerprint); undefined when it is in clear. */
export const hiddenPrint = (value: string): string | undefined => FINGERPRINT.exec(value)?.[0]

/**
 * The fingerprint a recorded value stands for: the one it ends with, or, for a value an earlier version
 * recorded as it was, the fingerprint of that value (so an upgrade is no change, and no old value is shown).
 */
const printOf = (value: string): string => FINGERPRINT.exec(value)?.[0] ?? fingerprint(value)

/** Equal for a diff: a hidden value compares by fingerprint only (`${A}` renamed `${B}` is the same value). */
function same(was: RecordedParameter, now: WireParameter): boolean {
  if (was.parameter !== now.parameter) return false
  return now.hidden ? printOf(was.value) === printOf(now.comparable) : was.value === now.comparable
}

/** The recorded value as it may be shown next to `now`: never in clear when `now` is hidden. */
const shownBefore = (was: RecordedParameter, now: WireParameter): string =>
  now.hidden && !FINGERPRINT.test(was.value) ? printOf(was.value) : was.value

/**
 * Changes keyed by spec path, in the order of the new request, then removed parameters in recorded
 * order. With no previous record every parameter is `added`.
 */
export function diffParameters(before: RecordedParameter[] | undefined, after: WireParameter[]): Change[] {
  const previous = new Map((before ?? []).map(p => [p.path, p]))
  const changes: Change[] = []
  for (const now of after) {
    const was = previous.get(now.path)
    if (was === undefined) {
      changes.push({ path: now.path, parameter: now.parameter, change: 'added', after: now.comparable })
    } else if (!same(was, now)) {
      changes.push({
        path: now.path,
        parameter: now.parameter,
        change: 'changed',
        before: shownBefore(was, now),
        after: now.comparable
      })
    }
  }
  const current = new Set(after.map(p => p.path))
  for (const was of before ?? []) {
    if (!current.has(was.path)) {
      changes.push({ path: was.path, parameter: was.parameter, change: 'removed', before: was.value })
    }
  }
  return changes
}

/**
 * The recorded parameters of the last run vs the new request → field-level changes (docs/contract.md §3, §5).
 * Only `comparable` values are used: lists and JSON are normalised upstream and secrets are already
 * fingerprints, so re-formatting the YAML is no change and no secret value can reach a diff.
 */
import type { WireParameter } from '../meshspec/request.js'
import type { Change, RecordedParameter } from './record.js'

/** What is safe to store for a request: spec path, API name and comparable value; never the wire value. */
export function toRecordedParameters(params: WireParameter[]): RecordedParameter[] {
  return params.map(p => ({ path: p.path, parameter: p.parameter, value: p.comparable }))
}

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
    } else if (was.value !== now.comparable || was.parameter !== now.parameter) {
      changes.push({
        path: now.path,
        parameter: now.parameter,
        change: 'changed',
        before: was.value,
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

import { describe, expect, it } from '@jest/globals'
import { decide, type DecisionInput } from '../src/decide.js'
import type { StateRecord } from '../src/state/record.js'

const record: StateRecord = {
  meshId: 'c0ffee',
  requestId: 'REQ-1',
  origin: 'created',
  name: 'prod',
  region: 'cn-hangzhou',
  parameters: [],
  commitSha: 'abc',
  runId: '1',
  runAttempt: '1',
  actor: 'octocat',
  repository: 'o/r',
  time: '2026-01-01T00:00:00Z'
}
const running = { id: 'c0ffee', name: 'prod', region: 'cn-hangzhou', state: 'running' }
const base: DecisionInput = { changed: false, adoptExisting: true, onChange: 'fail' }

describe('decide without a record', () => {
  it('creates when nothing has the name', () => {
    expect(decide({ ...base, changed: true, candidates: [] }).action).toBe('create')
  })
  it('adopts the one mesh with the same name and region', () => {
    expect(decide({ ...base, changed: true, candidates: [running] })).toMatchObject({
      action: 'adopt',
      mesh: running
    })
  })
  it('refuses to guess between several', () => {
    const d = decide({ ...base, changed: true, candidates: [running, { ...running, id: 'other' }] })
    expect(d.action).toBe('fail')
    expect(d.reason).toContain('c0ffee, other')
  })
  it('creates without looking when adoption is off', () => {
    expect(decide({ ...base, changed: true, adoptExisting: false }).action).toBe('create')
  })
  it('cannot tell without the cloud', () => {
    expect(decide({ ...base, changed: true }).action).toBe('unknown')
  })
})

describe('decide with a record', () => {
  it('keeps an unchanged mesh that exists', () => {
    expect(decide({ ...base, record, existing: running })).toMatchObject({ action: 'keep', meshId: 'c0ffee' })
  })
  it.each([
    ['fail', 'fail'],
    ['warn', 'warn'],
    ['create', 'create']
  ] as const)('a changed spec with on-change %s → %s', (onChange, action) => {
    expect(decide({ ...base, record, changed: true, onChange, existing: running }).action).toBe(action)
  })
  it('says when the mesh is gone, and creates anew only with on-change create', () => {
    const gone = decide({ ...base, record, existing: null })
    expect(gone).toMatchObject({ action: 'fail', meshId: 'c0ffee' })
    expect(gone.reason).toContain('no longer exists')
    expect(decide({ ...base, record, existing: null, onChange: 'create' }).action).toBe('create')
  })
  it('without the cloud an unchanged spec is unknown, not keep', () => {
    expect(decide({ ...base, record }).action).toBe('unknown')
  })
})

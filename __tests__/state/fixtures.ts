/** State records for the state tests. */
import type { StateDocument, StateRecord } from '../../src/state/record.js'

export function record(overrides: Partial<StateRecord> = {}): StateRecord {
  return {
    meshId: 'c0123456789abcdef0123456789abcdef',
    requestId: 'B2C8A2D4-1111-2222-3333-444455556666',
    origin: 'created',
    name: 'prod-mesh',
    region: 'cn-hangzhou',
    parameters: [
      { path: 'name', parameter: 'Name', value: 'prod-mesh' },
      { path: 'certificateAuthority.key', parameter: 'ExistingCaKey', value: `sha256:${'ab'.repeat(32)}` }
    ],
    commitSha: 'f'.repeat(40),
    runId: '4242',
    runAttempt: '1',
    actor: 'octocat',
    repository: 'octo-org/octo-repo',
    time: '2026-01-02T03:04:05.000Z',
    ...overrides
  }
}

export function documentWith(meshId: string, stateKey = 'cn-hangzhou/prod-mesh'): StateDocument {
  return { schemaVersion: 1, stateKey, current: record({ meshId }), history: [] }
}

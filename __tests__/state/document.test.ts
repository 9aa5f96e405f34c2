import { describe, expect, it } from '@jest/globals'
import {
  emptyStateDocument,
  HISTORY_LIMIT,
  MAX_DOCUMENT_BYTES,
  parseStateDocument,
  serialiseStateDocument,
  withCurrentRecord
} from '../../src/state/document.js'
import { ActionError } from '../../src/errors.js'
import type { StateDocument } from '../../src/state/record.js'
import { documentWith, record } from './fixtures.js'

const source = { description: 'file .asm-state/x.json', reset: 'Delete .asm-state/x.json to start over.' }

function parseError(text: string): ActionError {
  try {
    parseStateDocument(text, source)
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError)
    return error as ActionError
  }
  throw new Error(`parsed without error: ${text}`)
}

describe('serialiseStateDocument / parseStateDocument', () => {
  it('round-trips a document as pretty JSON with a trailing newline', () => {
    const doc: StateDocument = {
      ...documentWith('m-1'),
      pending: {
        runId: '9',
        runAttempt: '1',
        actor: 'a',
        since: '2026-01-01T00:00:00Z',
        name: 'n',
        region: 'cn-beijing'
      },
      history: [record({ meshId: 'm-0', origin: 'adopted', requestId: '' })]
    }
    const text = serialiseStateDocument(doc)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "schemaVersion": 1,\n')
    expect(parseStateDocument(text, source)).toEqual(doc)
  })

  it('writes keys in one fixed order whatever order the object has', () => {
    const doc = documentWith('m-1')
    const shuffled = JSON.parse(
      JSON.stringify({
        history: [],
        current: { ...doc.current!, meshId: 'm-1' },
        stateKey: doc.stateKey,
        schemaVersion: 1
      })
    ) as StateDocument
    expect(serialiseStateDocument(shuffled)).toBe(serialiseStateDocument(doc))
    expect(Object.keys(JSON.parse(serialiseStateDocument(shuffled)) as object)).toEqual([
      'schemaVersion',
      'stateKey',
      'current',
      'history'
    ])
  })

  it('rejects text that is not JSON, naming the source and how to reset it', () => {
    const error = parseError('{"schemaVersion": 1,')
    expect(error.message).toContain('file .asm-state/x.json')
    expect(error.message).toContain('not valid JSON')
    expect(error.advice).toBe(source.reset)
  })

  it('rejects wrong types, missing and unknown fields with their JSON paths', () => {
    const doc = JSON.parse(serialiseStateDocument(documentWith('m-1'))) as Record<string, unknown>
    const current = doc.current as Record<string, unknown>
    current.runId = 4242
    delete current.meshId
    current.extra = true
    ;(current.parameters as Record<string, unknown>[])[1].value = null
    const message = parseError(JSON.stringify(doc)).message
    expect(message).toContain('$.current: missing field "meshId"')
    expect(message).toContain('$.current: unknown field "extra"')
    expect(message).toContain('$.current.runId: expected a string, found number 4242')
    expect(message).toContain('$.current.parameters[1].value: expected a string, found null')
  })

  it.each([
    ['an array root', '[]', 'expected an object'],
    ['a missing history', '{"schemaVersion":1,"stateKey":"k"}', 'missing field "history"'],
    ['schema version 0', '{"schemaVersion":0,"stateKey":"k","history":[]}', 'expected 1'],
    [
      'a newer schema version',
      '{"schemaVersion":2,"stateKey":"k","history":[]}',
      'newer version of this action'
    ],
    ['an empty state key', '{"schemaVersion":1,"stateKey":"","history":[]}', 'must not be empty'],
    [
      'a bad origin',
      JSON.stringify({ ...documentWith('m'), current: record({ origin: 'stolen' as 'created' }) }),
      'expected "created" or "adopted"'
    ],
    [
      'a bad time',
      JSON.stringify({ ...documentWith('m'), current: record({ time: 'yesterday' }) }),
      'ISO 8601'
    ],
    [
      'a duplicate parameter path',
      JSON.stringify({
        ...documentWith('m'),
        current: record({
          parameters: [
            { path: 'name', parameter: 'Name', value: 'a' },
            { path: 'name', parameter: 'Name', value: 'b' }
          ]
        })
      }),
      'duplicate "name"'
    ]
  ])('rejects %s', (_what, text, expected) => {
    expect(parseError(text).message).toContain(expected)
  })

  it('shows at most five problems and counts the rest', () => {
    const bad = { schemaVersion: 1, stateKey: 'k', history: Array.from({ length: 8 }, () => 1) }
    expect(parseError(JSON.stringify(bad)).message).toContain('and 3 more problems')
  })

  it('refuses to serialise an invalid document (a bug, not a user error)', () => {
    const invalid = { schemaVersion: 1, stateKey: 'k' } as StateDocument
    expect(() => serialiseStateDocument(invalid)).toThrow(/bug: refusing to write/)
  })
})

describe('withCurrentRecord', () => {
  it('moves the previous record to the front of the history and clears a pending create', () => {
    const first = withCurrentRecord(emptyStateDocument('k'), record({ meshId: 'm-1' }))
    const pending = {
      ...first,
      pending: { runId: '1', runAttempt: '1', actor: 'a', since: 'x', name: 'n', region: 'r' }
    }
    const second = withCurrentRecord(pending, record({ meshId: 'm-2' }))
    const third = withCurrentRecord(second, record({ meshId: 'm-3' }))
    expect(third.current?.meshId).toBe('m-3')
    expect(third.history.map(r => r.meshId)).toEqual(['m-2', 'm-1'])
    expect(second.pending).toBeUndefined()
  })

  it(`keeps at most ${HISTORY_LIMIT} older records, dropping the oldest`, () => {
    let doc = emptyStateDocument('k')
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) doc = withCurrentRecord(doc, record({ meshId: `m-${i}` }))
    expect(doc.history).toHaveLength(HISTORY_LIMIT)
    expect(doc.history[0].meshId).toBe(`m-${HISTORY_LIMIT + 3}`)
    expect(doc.history.at(-1)?.meshId).toBe('m-4')
  })

  it('drops the oldest history when the document would outgrow the size bound', () => {
    const big = record({
      parameters: [
        { path: 'certificateAuthority.certChain', parameter: 'CertChain', value: 'x'.repeat(40_000) }
      ]
    })
    let doc = emptyStateDocument('k')
    for (let i = 0; i < 20; i++) doc = withCurrentRecord(doc, { ...big, meshId: `m-${i}` })
    expect(Buffer.byteLength(serialiseStateDocument(doc))).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES)
    expect(doc.history.length).toBeLessThan(19)
    expect(doc.history[0].meshId).toBe('m-18')
  })
})

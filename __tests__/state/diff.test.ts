import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { WireParameter } from '../../src/meshspec/request.js'
import { diffParameters, toRecordedParameters } from '../../src/state/diff.js'

const param = (path: string, parameter: string, comparable: string, wire = comparable): WireParameter => ({
  path,
  parameter,
  wire,
  comparable,
  secret: false
})

const SECRET_PEM = '-----BEGIN PRIVATE KEY-----\nMIIEsecretsecret\n-----END PRIVATE KEY-----\n'
const fingerprint = (value: string) => `sha256:${createHash('sha256').update(value).digest('hex')}`
const secret = (value: string): WireParameter => ({
  path: 'certificateAuthority.key',
  parameter: 'ExistingCaKey',
  wire: Buffer.from(value).toString('base64'),
  comparable: fingerprint(value),
  secret: true
})

describe('toRecordedParameters', () => {
  it('keeps path, API name and comparable value, never the wire value', () => {
    const recorded = toRecordedParameters([param('name', 'Name', 'prod'), secret(SECRET_PEM)])
    expect(recorded).toEqual([
      { path: 'name', parameter: 'Name', value: 'prod' },
      { path: 'certificateAuthority.key', parameter: 'ExistingCaKey', value: fingerprint(SECRET_PEM) }
    ])
    expect(JSON.stringify(recorded)).not.toContain(Buffer.from(SECRET_PEM).toString('base64'))
  })
})

describe('diffParameters', () => {
  const request = [
    param('name', 'Name', 'prod'),
    param('network.vSwitches', 'VSwitches', '["vsw-a","vsw-b"]'),
    param('tags.env', 'Tag', 'prod'),
    param('tracing.sampling', 'TraceSampling', '100')
  ]

  it('reports every parameter as added when there is no previous record, in request order', () => {
    expect(diffParameters(undefined, request)).toEqual([
      { path: 'name', parameter: 'Name', change: 'added', after: 'prod' },
      { path: 'network.vSwitches', parameter: 'VSwitches', change: 'added', after: '["vsw-a","vsw-b"]' },
      { path: 'tags.env', parameter: 'Tag', change: 'added', after: 'prod' },
      { path: 'tracing.sampling', parameter: 'TraceSampling', change: 'added', after: '100' }
    ])
  })

  it('finds nothing when the comparable values are the same, whatever the wire form or order', () => {
    const recorded = toRecordedParameters(request)
    const rewired = [...request].reverse().map(p => ({ ...p, wire: `${p.wire} ` }))
    expect(diffParameters(recorded, rewired)).toEqual([])
  })

  it('lists added, changed, then removed parameters in a stable order', () => {
    const recorded = [
      { path: 'tags.team', parameter: 'Tag', value: 'mesh' },
      ...toRecordedParameters(request),
      { path: 'kiali.enabled', parameter: 'KialiEnabled', value: 'true' }
    ]
    const next = [
      param('tracing.sampling', 'TraceSampling', '50'),
      param('edition', 'Edition', 'Pro'),
      param('name', 'Name', 'prod'),
      param('network.vSwitches', 'VSwitches', '["vsw-a","vsw-c"]'),
      param('tags.env', 'Tag', 'prod')
    ]
    const changes = diffParameters(recorded, next)
    expect(changes).toEqual([
      { path: 'tracing.sampling', parameter: 'TraceSampling', change: 'changed', before: '100', after: '50' },
      { path: 'edition', parameter: 'Edition', change: 'added', after: 'Pro' },
      {
        path: 'network.vSwitches',
        parameter: 'VSwitches',
        change: 'changed',
        before: '["vsw-a","vsw-b"]',
        after: '["vsw-a","vsw-c"]'
      },
      { path: 'tags.team', parameter: 'Tag', change: 'removed', before: 'mesh' },
      { path: 'kiali.enabled', parameter: 'KialiEnabled', change: 'removed', before: 'true' }
    ])
    expect(diffParameters(recorded, next)).toEqual(changes)
  })

  it('shows a changed secret only as fingerprints', () => {
    const rotated = `${SECRET_PEM}rotated`
    const changes = diffParameters(toRecordedParameters([secret(SECRET_PEM)]), [secret(rotated)])
    expect(changes).toEqual([
      {
        path: 'certificateAuthority.key',
        parameter: 'ExistingCaKey',
        change: 'changed',
        before: fingerprint(SECRET_PEM),
        after: fingerprint(rotated)
      }
    ])
    const text = JSON.stringify(changes)
    for (const leaked of [SECRET_PEM, rotated, secret(rotated).wire, 'MIIEsecret']) {
      expect(text).not.toContain(JSON.stringify(leaked).slice(1, -1))
    }
  })
})

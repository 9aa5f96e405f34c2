import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { FIELDS, type FieldSpec } from '../../src/meshspec/fields.js'

interface ReferenceParameter {
  name: string
  type: string
  required: boolean
  position: 'body' | 'query'
  status: string
  enum?: (string | number)[]
}

const repoRoot = path.resolve(import.meta.dirname, '../..')
const reference = JSON.parse(
  readFileSync(path.resolve(repoRoot, 'docs/reference/createservicemesh-params.json'), 'utf8')
) as { params: ReferenceParameter[]; required: string[] }
const current = reference.params.filter(p => p.status === 'current')
const removed = reference.params.filter(p => p.status !== 'current')

/** The API type a table type is sent as. */
const API_TYPE: Record<FieldSpec['type'], string> = {
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  number: 'number',
  quantity: 'string',
  stringList: 'string',
  portList: 'string',
  tags: 'array',
  json: 'string',
  certificate: 'string',
  certificates: 'string',
  privateKey: 'string'
}

describe('the field table', () => {
  it('names exactly the 78 current CreateServiceMesh parameters, once each', () => {
    expect(current).toHaveLength(78)
    expect(FIELDS).toHaveLength(78)
    expect(FIELDS.map(f => f.api).sort()).toEqual(current.map(p => p.name).sort())
    expect(new Set(FIELDS.map(f => f.path)).size).toBe(78)
  })

  it('does not map the parameters the API removed', () => {
    expect(removed.map(p => p.name)).toContain('PilotPublicEip')
    for (const parameter of removed) expect(FIELDS.some(f => f.api === parameter.name)).toBe(false)
  })

  it.each(current.map(p => [p.name, p] as const))(
    '%s: compatible type, position and enum',
    (_, parameter) => {
      const field = FIELDS.find(f => f.api === parameter.name) as FieldSpec
      expect(API_TYPE[field.type]).toBe(parameter.type)
      expect(field.position).toBe(parameter.position)
      const enums = (field.rules ?? []).flatMap(c => (c.kind === 'enum' ? [c] : []))
      if (parameter.enum) expect([...(enums[0]?.values ?? [])].sort()).toEqual([...parameter.enum].sort())
      else expect(enums).toEqual([])
    }
  )

  it('closes only the lists the CreateServiceMesh doc closes; the others warn (docs/reference/asm-api.md §1.1)', () => {
    const lists = FIELDS.flatMap(f =>
      (f.rules ?? []).flatMap(c => (c.kind === 'enum' ? [[f.api, c.basis.level]] : []))
    )
    expect(
      lists
        .filter(([, level]) => level === 'warning')
        .map(([api]) => api)
        .sort()
    ).toEqual(['AutoRenewPeriod', 'Edition', 'OPALogLevel'])
    expect(
      lists
        .filter(([, level]) => level === 'error')
        .map(([api]) => api)
        .sort()
    ).toEqual([
      'AccessLogFile',
      'ApiServerLoadBalancerSpec',
      'ChargeType',
      'ClusterSpec',
      'ExistingCaType',
      'PilotLoadBalancerSpec',
      'PlaygroundScene'
    ])
  })

  it('requires what the API requires, plus the name the action needs', () => {
    expect(
      FIELDS.filter(f => f.required === 'api')
        .map(f => f.api)
        .sort()
    ).toEqual([...reference.required].sort())
    expect(FIELDS.filter(f => f.required === 'spec').map(f => f.path)).toEqual(['name'])
  })

  it('puts only Tag in the query', () => {
    expect(FIELDS.filter(f => f.position === 'query').map(f => f.api)).toEqual(['Tag'])
  })

  it('keeps secrets interpolated and fingerprinted, and marks the deprecated parameters', () => {
    const secret = FIELDS.filter(f => f.secret)
    expect(secret.map(f => f.path)).toEqual(['certificateAuthority.key', 'certificateAuthority.rootKey'])
    expect(secret.every(f => f.mustInterpolate)).toBe(true)
    expect(
      FIELDS.filter(f => f.deprecated)
        .map(f => f.api)
        .sort()
    ).toEqual(['ExistingCaType', 'ExistingRootCaKey'])
  })

  it('has a one-line description for every field', () => {
    for (const field of FIELDS) expect(field.description).toMatch(/^[^\n]{10,120}$/)
  })
})

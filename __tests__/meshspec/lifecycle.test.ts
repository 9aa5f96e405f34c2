/**
 * The field table's lifecycle columns held to the reference (docs/reference/asm-lifecycle-params.json):
 * every CreateServiceMesh parameter changes the way the reference says, or is replaced where the contract
 * (§7.1) says so, and every live path the table compares is the reference's path.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { FIELDS } from '../../src/meshspec/fields.js'
import { afterCreation } from '../../src/meshspec/lifecycle.js'
import { REPO_ROOT } from '../support/repo-root.js'

interface Route {
  api?: string
  param?: string
  immutable?: boolean
  uncertain?: boolean
}
const reference = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'docs/reference/asm-lifecycle-params.json'), 'utf8')
) as {
  createToUpdate: Record<string, Route>
  detailPaths: Record<string, string | null>
  detailPathNotes: Record<string, { certainty: string }>
  counts: Record<string, number>
}

/** Replaced although an API exists: Terraform replaces them too, or the API takes what the spec cannot say (§7.1). */
const REPLACED_THOUGH_CHANGEABLE = ['Edition', 'ApiServerPublicEip']
const CREATE_TIME_ONLY = ['GuestCluster']

describe('the lifecycle columns of the field table', () => {
  it('has one entry per create parameter of the reference', () => {
    expect(FIELDS.map(f => f.api).sort()).toEqual(Object.keys(reference.createToUpdate).sort())
  })

  it.each(FIELDS.map(f => [f.api, f] as const))('%s changes as the reference says', (api, field) => {
    const route = reference.createToUpdate[api]
    const how = field.lifecycle.changes
    if (route.immutable || REPLACED_THOUGH_CHANGEABLE.includes(api)) expect(how).toEqual({ kind: 'new mesh' })
    else if (CREATE_TIME_ONLY.includes(api)) expect(how).toEqual({ kind: 'create-time only' })
    else expect(how).toEqual({ kind: 'in place', api: route.api, param: route.param })
  })

  it('counts 54 through UpdateMeshFeature, 5 through other APIs, 1 create-time only and 18 needing a new mesh', () => {
    const count = (test: (how: (typeof FIELDS)[number]['lifecycle']['changes']) => boolean) =>
      FIELDS.filter(f => test(f.lifecycle.changes)).length
    expect(count(h => h.kind === 'in place' && h.api === 'UpdateMeshFeature')).toBe(
      reference.counts.updatable_via_UMF
    )
    expect(count(h => h.kind === 'in place' && h.api !== 'UpdateMeshFeature')).toBe(5)
    expect(count(h => h.kind === 'create-time only')).toBe(1)
    expect(count(h => h.kind === 'new mesh')).toBe(reference.counts.immutable + 2)
  })

  it.each(FIELDS.filter(f => f.lifecycle.live).map(f => [f.api, f.lifecycle.live] as const))(
    '%s is compared at the reference’s live path',
    (api, live) => {
      expect(live).toBe(reference.detailPaths[api])
    }
  )

  it('compares no parameter whose live path or meaning the reference leaves UNVERIFIED', () => {
    // AccessLogFormat and LocalityLBConf: only the round-trip form is UNVERIFIED; compared semantically.
    const semantic = ['AccessLogFormat', 'LocalityLBConf', 'CRAggregationEnabled']
    const unverified = Object.entries(reference.detailPathNotes)
      .filter(([api, note]) => /UNVERIFIED/.test(note.certainty) && !semantic.includes(api))
      .map(([api]) => api)
    expect(unverified.length).toBeGreaterThan(0)
    for (const api of unverified) expect(FIELDS.find(f => f.api === api)?.lifecycle.live).toBeUndefined()
  })

  it('says how in words for the README and the schema', () => {
    const of = (api: string) => afterCreation(FIELDS.find(f => f.api === api)!.lifecycle)
    expect(of('TraceSampling')).toBe('in place (UpdateMeshFeature)')
    expect(of('VSwitches')).toBe('needs a new mesh')
    expect(of('GuestCluster')).toBe('create-time only: not applied')
    expect(of('IstioVersion')).toMatch(/upgrade only: a lower version needs a new mesh/)
  })
})

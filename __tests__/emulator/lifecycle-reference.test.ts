/**
 * The emulator's lifecycle tables against the machine-readable reference they were written from
 * (docs/reference/asm-lifecycle-params.json): a parameter or a detail path typed wrong in the tables fails
 * here, not silently in an action test.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../support/repo-root.js'
import {
  LIFECYCLE_PARAMETERS,
  type LifecycleAction,
  type LifecycleKind
} from './cloud/lifecycle-parameters.js'
import { LIVE_PATHS } from './cloud/mesh-detail.js'

interface DocumentedParameter {
  name: string
  type: string
  location: string
  required: boolean
}

interface Reference {
  apis: Record<string, { method: string; params: DocumentedParameter[] }>
  detailPaths: Record<string, string | null>
  updateOnlyDetailPaths: Record<string, string | null>
}

const reference = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'docs/reference/asm-lifecycle-params.json'), 'utf8')
) as Reference

/** The reference's type of each emulator kind; every other kind is a string with a format. */
const TYPE_OF: Partial<Record<LifecycleKind, string>> = {
  boolean: 'boolean',
  integer: 'integer',
  float: 'number',
  'string-list': 'array<string>',
  'tag-list': 'array<{Key,Value}>'
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
const actions = Object.keys(LIFECYCLE_PARAMETERS) as LifecycleAction[]

describe.each(actions)('%s', action => {
  it('has exactly the documented parameters, with their types, placement and required ones', () => {
    const documented = reference.apis[action].params
      .map(({ name, type, location, required }) => ({ name, type, location, required }))
      .sort(byName)
    const modelled = Object.entries(LIFECYCLE_PARAMETERS[action])
      .map(([name, spec]) => ({
        name,
        type: TYPE_OF[spec.kind] ?? 'string',
        location: spec.at,
        required: spec.required
      }))
      .sort(byName)
    expect(modelled).toEqual(documented)
    expect(reference.apis[action].method).toBe('POST')
  })
})

describe('DescribeServiceMeshDetail paths', () => {
  const documented = Object.entries({ ...reference.detailPaths, ...reference.updateOnlyDetailPaths }).filter(
    (entry): entry is [string, string] => entry[1] !== null
  )

  it('UpdateMeshFeature has its 107 parameters; 90 parameters have a documented live path', () => {
    expect(reference.apis.UpdateMeshFeature.params).toHaveLength(107)
    expect(Object.keys(LIFECYCLE_PARAMETERS.UpdateMeshFeature)).toHaveLength(107)
    expect(documented).toHaveLength(90)
  })

  it.each(documented)('%s shows at %s', (name, documentedPath) => {
    const relative = documentedPath.replace(/^ServiceMesh\./, '')
    if (name === 'GuestCluster') {
      // Attached clusters, GuestCluster among them, are kept apart from the parameters: see lifecycle.test.ts.
      expect(relative).toBe('Clusters')
      return
    }
    expect(LIVE_PATHS[name]?.paths).toContain(relative)
  })

  it('shows nothing the reference does not place, except LogTTLInDay (asm-lifecycle-api.md §b)', () => {
    const placed = new Set(documented.map(([name]) => name))
    expect(Object.keys(LIVE_PATHS).filter(name => !placed.has(name))).toEqual(['LogTTLInDay'])
    expect(LIVE_PATHS.LogTTLInDay.paths).toEqual(['Spec.MeshConfig.ControlPlaneLogInfo.LogTTL'])
  })
})

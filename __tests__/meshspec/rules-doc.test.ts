import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { Basis } from '../../src/meshspec/basis.js'
import { FIELDS } from '../../src/meshspec/fields.js'
import { basisOf } from '../../src/meshspec/reference.js'
import { renderRules } from '../../src/meshspec/rules-doc.js'
import { CROSS_RULES } from '../../src/meshspec/rules.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const rulesFile = path.join(repoRoot, 'docs/rules.md')
const update = process.env.UPDATE_GENERATED === '1'

/** Where an error may come from (docs/contract.md §4.2): the API doc, what can never work, the spec format. */
const mayBeError = (basis: Basis): boolean =>
  basis.source === 'the CreateServiceMesh doc' ||
  basis.source.startsWith('can never work: ') ||
  basis.source === 'the spec format of this action'

const fieldBases = FIELDS.flatMap(f =>
  (f.rules ?? []).map(c => ({ at: `${f.path} ${c.kind}`, basis: basisOf(c) }))
)
const crossBases = CROSS_RULES.map(r => ({ at: `${r.kind} ${r.path}`, basis: r.basis }))

describe('docs/rules.md', () => {
  it('is the table the code renders (run npm run generate after changing a rule)', () => {
    if (update) writeFileSync(rulesFile, renderRules())
    if (readFileSync(rulesFile, 'utf8') !== renderRules())
      throw new Error('docs/rules.md is out of date with src/meshspec: run npm run generate')
  })

  it('has a row for every field rule and every cross-field rule, with its class', () => {
    const text = renderRules()
    for (const field of FIELDS.filter(f => f.rules?.length || f.required))
      expect(text).toContain(`| \`${field.path}\` | ${field.api} |`)
    expect(text).toContain(
      '| `edition` | Edition | one of "Default", "Pro" | **warning** | Terraform\'s provider — docs/reference/asm-api.md §1.1, §5 |'
    )
    expect(text).toContain(
      '| `kiali.enabled: true` only with prometheus.enabled: true | **error** | the CreateServiceMesh doc — docs/reference/asm-api.md §1.1 |'
    )
    const rows = text
      .split('\n')
      .filter(line => line.startsWith('| ') && !line.startsWith('| rule') && !line.startsWith('| spec path'))
    expect(rows.filter(r => !r.startsWith('| ---')).length).toBeGreaterThan(
      FIELDS.length + CROSS_RULES.length
    )
  })
})

describe('the classification (docs/contract.md §4.2)', () => {
  it.each([...fieldBases, ...crossBases])(
    '$at: an error only from the API doc or what can never work',
    ({ basis }) => {
      if (basis.level === 'error') expect(mayBeError(basis)).toBe(true)
      else expect(basis.source).not.toBe('')
    }
  )

  it('makes the rules borrowed from elsewhere warnings', () => {
    const level = (path: string, kind: string) =>
      fieldBases.filter(b => b.at === `${path} ${kind}`).map(b => b.basis.level)
    expect(level('edition', 'enum')).toEqual(['warning'])
    expect(level('opa.logLevel', 'enum')).toEqual(['warning'])
    expect(level('billing.period', 'range')).toEqual(['error', 'warning']) // at least 1 month; at most 36 (ROS)
    expect(level('billing.autoRenewPeriod', 'enum')).toEqual(['warning'])
    expect(level('tags', 'items')).toEqual(['warning'])
    expect(level('network.vpcId', 'format')).toEqual(['warning'])
    expect(level('clusterSpec', 'enum')).toEqual(['error'])
    const cross = (kind: string, path: string) =>
      crossBases.filter(b => b.at === `${kind} ${path}`).map(b => b.basis.level)
    expect(cross('needs', 'prometheus.url')).toEqual(['warning'])
    expect(cross('only', 'prometheus.url')).toEqual(['warning'])
    expect(cross('needs', 'configSource.nacosId')).toEqual(['warning'])
    expect(cross('needs', 'accessLog.service.host')).toEqual(['warning'])
    expect(cross('only', 'localityLoadBalancing.config')).toEqual(['warning'])
    expect(cross('only', 'billing.period')).toEqual(['warning'])
    expect(cross('only', 'kiali.enabled')).toEqual(['error'])
    expect(cross('needs', 'certificateAuthority.key')).toEqual(['error'])
  })
})

/**
 * The pure parts of update in place and drift (docs/contract.md §7.1, §7.2): the drift normaliser
 * (live.ts), the change labels and the call plan (update-plan.ts), on specs built by the real engine.
 */
import { describe, expect, it } from '@jest/globals'
import { compareLive, liveComparable, liveRecord, notYetLive, type LiveMesh } from '../src/live.js'
import { FIELDS } from '../src/meshspec/fields.js'
import { evaluateSpec } from '../src/meshspec/index.js'
import type { MeshRequest } from '../src/meshspec/request.js'
import { diffParameters, toRecordedParameters } from '../src/state/diff.js'
import { changeLabel, isDowngrade, planUpdate, recordAfter } from '../src/update-plan.js'

const requestOf = (yaml: string): MeshRequest => {
  const { request, diagnostics } = evaluateSpec(new TextEncoder().encode(yaml), {
    file: 'mesh.yaml',
    env: {}
  })
  if (!request) throw new Error(diagnostics.map(d => d.message).join('\n'))
  return request
}
const spec = (more: string) => `version: 1
name: m
region: cn-hangzhou
network:
  vpcId: vpc-bp1abc
  vSwitches: [vsw-b, vsw-a]
${more}`
const field = (api: string) => FIELDS.find(f => f.api === api)!
const MC = (rest: object) => ({ ServiceMesh: { Spec: { MeshConfig: rest } } })

describe('the drift normaliser', () => {
  it('reads each live form into the record’s comparable form', () => {
    expect(liveComparable(field('VSwitches'), ['vsw-b', 'vsw-a'])).toBe('["vsw-a","vsw-b"]')
    expect(liveComparable(field('ExcludeInboundPorts'), '81, 80')).toBe('80,81')
    expect(liveComparable(field('IncludeIPRanges'), '10.0.0.0/8,*')).toBe('*,10.0.0.0/8')
    expect(liveComparable(field('AccessLogServicePort'), 9999)).toBe('9999')
    expect(liveComparable(field('Tracing'), true)).toBe('true')
    expect(liveComparable(field('AccessLogFormat'), '{"b":"2","a":"1"}')).toBe('{"a":"1","b":"2"}')
    expect(liveComparable(field('LocalityLBConf'), { Failover: [{ from: 'a', to: 'b' }] })).toBe(
      '{"failover":[{"from":"a","to":"b"}]}'
    )
  })

  it('does not compare a value of an unexpected shape', () => {
    expect(liveComparable(field('Tracing'), 'true')).toBeUndefined()
    expect(liveComparable(field('VSwitches'), 'vsw-a')).toBeUndefined()
    expect(liveComparable(field('ExcludeInboundPorts'), '80,http')).toBeUndefined()
    expect(liveComparable(field('AccessLogFormat'), '{not json')).toBeUndefined()
    expect(liveComparable(field('LocalityLBConf'), { Enabled: true })).toBeUndefined()
  })

  const recorded = toRecordedParameters(
    requestOf(
      spec('tags: { team: mesh }\ntracing:\n  enabled: true\n  sampling: 0.1\nfilters:\n  redis: true')
    ).parameters
  )

  it('takes TraceSampling as the float32 it comes back as, and tells real drift', () => {
    const live = (sampling: unknown): LiveMesh => ({
      detail: MC({
        Tracing: true,
        Pilot: { TraceSampling: sampling },
        ProtocolSupport: { RedisFilterEnabled: true }
      }),
      tags: { team: 'mesh' }
    })
    expect(compareLive(recorded, live(Math.fround(0.1))).drift).toEqual([])
    expect(compareLive(recorded, live(0.5)).drift).toEqual([
      { path: 'tracing.sampling', parameter: 'TraceSampling', recorded: '0.1', live: '0.5' }
    ])
  })

  it('lists what it could not compare instead of calling it drift', () => {
    const { drift, notCompared } = compareLive(recorded, {
      detail: MC({ Tracing: 'yes', Pilot: { TraceSampling: Math.fround(0.1) } }),
      tags: { team: 'mesh' }
    })
    expect(drift).toEqual([])
    expect(notCompared).toEqual(
      expect.arrayContaining([
        { path: 'tracing.enabled', parameter: 'Tracing', why: 'unexpected live value' },
        { path: 'filters.redis', parameter: 'RedisFilterEnabled', why: 'live value missing' },
        { path: 'region', parameter: 'RegionId', why: 'live value missing' }
      ])
    )
  })

  it('treats the tags as one map: a key added or removed live is drift', () => {
    const { drift } = compareLive(recorded, { detail: {}, tags: { owner: 'ops' } })
    expect(drift).toEqual([
      { path: 'tags.team', parameter: 'Tag', recorded: 'mesh' },
      { path: 'tags.owner', parameter: 'Tag', live: 'ops' }
    ])
    expect(liveRecord(recorded, drift).filter(p => p.parameter === 'Tag')).toEqual([
      { path: 'tags.owner', parameter: 'Tag', value: 'ops' }
    ])
  })
})

describe('drift of values from the environment', () => {
  const env = { PROM_URL: 'https://user:pa55@prom.internal/api', TEAM: 'team-secret-value' }
  const { request } = evaluateSpec(
    new TextEncoder().encode(
      spec(
        'tags: { team: "${TEAM}" }\nprometheus:\n  enabled: true\n  customized: true\n  url: "${PROM_URL}"'
      )
    ),
    { file: 'mesh.yaml', env }
  )
  const recorded = toRecordedParameters(request!.parameters)
  const live = (url: string, team: string): LiveMesh => ({
    detail: MC({ Prometheus: { ExternalUrl: url } }),
    tags: { team }
  })

  it('compares them by fingerprint: the same live values are no drift', () => {
    const { drift } = compareLive(recorded, live(env.PROM_URL, env.TEAM))
    expect(drift).toEqual([])
  })

  it('shows a changed live value only as its fingerprint, never in clear', () => {
    const { drift } = compareLive(recorded, live('https://user:other@prom.internal/api', 'team-other-value'))
    expect(drift.map(d => d.path).sort()).toEqual(['prometheus.url', 'tags.team'])
    for (const d of drift) {
      expect(d.recorded).toMatch(/^\$\{(PROM_URL|TEAM)\} sha256:[0-9a-f]{64}$/)
      expect(d.live).toMatch(/^sha256:[0-9a-f]{64}$/)
    }
    const text = JSON.stringify(drift)
    for (const secret of ['pa55', 'other', env.TEAM, 'team-other-value']) expect(text).not.toContain(secret)
  })

  it('counts a change as live once the live value has its fingerprint', () => {
    const changes = diffParameters(undefined, request!.parameters).filter(c =>
      ['prometheus.url', 'tags.team'].includes(c.path)
    )
    expect(notYetLive(changes, live(env.PROM_URL, env.TEAM))).toEqual({ pending: [], compared: 2 })
    expect(notYetLive(changes, live('https://x@prom.internal/api', 'nope')).pending).toHaveLength(2)
  })
})

describe('the update plan', () => {
  const before = requestOf(
    spec('tags: { team: mesh, old: x }\ntracing:\n  sampling: 100\nopa:\n  enabled: true')
  )
  const plan = (after: MeshRequest) =>
    planUpdate(diffParameters(toRecordedParameters(before.parameters), after.parameters), after, 'mesh-1')

  it('sends one UpdateMeshFeature with the changes and the re-sent set, then untags and tags', () => {
    const after = requestOf(spec('tags: { team: platform }\ntracing:\n  sampling: 50\nopa:\n  enabled: true'))
    const { steps, newMesh } = plan(after)
    expect(newMesh).toEqual([])
    expect(steps.map(s => [s.api, s.body, s.query])).toEqual([
      ['UpdateMeshFeature', { ServiceMeshId: 'mesh-1', TraceSampling: '50', OpaEnabled: 'true' }, {}],
      [
        'UntagResources',
        {},
        { RegionId: 'cn-hangzhou', 'ResourceId.1': 'mesh-1', ResourceType: 'servicemesh', 'TagKey.1': 'old' }
      ],
      [
        'TagResources',
        {},
        {
          RegionId: 'cn-hangzhou',
          'ResourceId.1': 'mesh-1',
          ResourceType: 'servicemesh',
          'Tag.1.Key': 'team',
          'Tag.1.Value': 'platform'
        }
      ]
    ])
    expect(steps.map(s => s.waits)).toEqual([true, false, false])
  })

  it('leaves the tags alone when the spec drops `tags`, and a removed parameter too', () => {
    const after = requestOf(spec('opa:\n  enabled: true'))
    const { steps, recordOnly } = plan(after)
    expect(steps).toEqual([])
    expect(recordOnly.map(c => c.path).sort()).toEqual(['tags.old', 'tags.team', 'tracing.sampling'])
  })

  it('refuses a change that needs a new mesh, and reports a create-time one as not applied', () => {
    const after = requestOf(
      spec(
        'guestCluster: c123\ntags: { team: mesh, old: x }\ntracing:\n  sampling: 100\nopa:\n  enabled: true'
      ).replace('[vsw-b, vsw-a]', '[vsw-c]')
    )
    const result = plan(after)
    expect(result.newMesh.map(c => c.path)).toEqual(['network.vSwitches'])
    expect(result.notApplied.map(c => c.path)).toEqual(['guestCluster'])
  })

  it('puts the version upgrade last, and a lower version needs a new mesh', () => {
    const upgraded = requestOf(spec('istioVersion: v1.22.6.71-g0b38b4b3-aliyun\nclusterSpec: enterprise'))
    const changes = diffParameters(
      toRecordedParameters(requestOf(spec('istioVersion: v1.21.0.1-aliyun')).parameters),
      upgraded.parameters
    )
    expect(planUpdate(changes, upgraded, 'mesh-1').steps.map(s => [s.api, s.body])).toEqual([
      ['UpdateMeshFeature', { ServiceMeshId: 'mesh-1', ClusterSpec: 'enterprise' }],
      [
        'UpgradeMeshEditionPartially',
        {
          ServiceMeshId: 'mesh-1',
          ExpectedVersion: 'v1.22.6.71-g0b38b4b3-aliyun',
          ASMGatewayContinue: 'false'
        }
      ]
    ])
    expect(isDowngrade('v1.22.6.71-g0b38b4b3-aliyun', 'v1.21.0.1-aliyun')).toBe(true)
    expect(isDowngrade('v1.21.0.1-aliyun', 'v1.22.6.71-g0b38b4b3-aliyun')).toBe(false)
    expect(isDowngrade('latest', 'v1.2')).toBe(false)
  })

  it('labels every change with how it is made', () => {
    const label = (path: string, parameter: string, change: 'added' | 'changed' | 'removed' = 'changed') =>
      changeLabel({ path, parameter, change, before: 'v1.22.0', after: 'v1.21.0' }, true)
    expect(label('tracing.sampling', 'TraceSampling')).toBe('in place (UpdateMeshFeature)')
    expect(label('network.vSwitches', 'VSwitches')).toBe('needs a new mesh')
    expect(label('guestCluster', 'GuestCluster')).toBe('create-time only: not applied')
    expect(label('istioVersion', 'IstioVersion')).toBe('needs a new mesh (a lower version)')
    expect(label('name', 'Name')).toBe('in place (ModifyServiceMeshName)')
    expect(label('controlPlaneLog.project', 'ControlPlaneLogProject')).toBe(
      'in place (UpdateControlPlaneLogConfig)'
    )
    expect(label('tags.env', 'Tag', 'removed')).toBe('in place (UntagResources)')
    expect(label('tracing.sampling', 'TraceSampling', 'removed')).toBe('removed from the spec: left as it is')
    expect(label('extraParameters.Future', 'Future')).toBe('extra parameter: not applied')
  })

  it('takes an added parameter already live as a record-only change, and confirms values once live', () => {
    const after = requestOf(
      spec('tags: { team: mesh, old: x }\ntracing:\n  sampling: 100\n  enabled: true\nopa:\n  enabled: true')
    )
    const live: LiveMesh = { detail: MC({ Tracing: true }) }
    const result = planUpdate(
      diffParameters(toRecordedParameters(before.parameters), after.parameters),
      after,
      'mesh-1',
      live
    )
    expect(result.steps).toEqual([])
    expect(result.recordOnly.map(c => c.path)).toEqual(['tracing.enabled'])
    const set = { path: 'tracing.enabled', parameter: 'Tracing', change: 'changed' as const, after: 'false' }
    expect(notYetLive([set], live)).toEqual({ pending: [set], compared: 1 })
    expect(recordAfter([{ path: 'tracing.enabled', parameter: 'Tracing', value: 'true' }], [set])).toEqual([
      { path: 'tracing.enabled', parameter: 'Tracing', value: 'false' }
    ])
  })
})

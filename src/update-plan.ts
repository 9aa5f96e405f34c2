/**
 * The changes between the mesh as it is (its record, drift applied: live.ts) and the spec → the calls
 * that make the mesh match, in the order of docs/contract.md §7.1: one UpdateMeshFeature with every change
 * it takes (plus the parameters Terraform re-sends), then UpdateControlPlaneLogConfig, ModifyServiceMeshName,
 * UntagResources, TagResources, and the version upgrade last. Pure: apply.ts and update.ts act on it,
 * and the plan labels each change with the same table (fields.ts, lifecycle.ts).
 */
import { liveComparable, liveRecord, readPath, type Drift, type LiveMesh } from './live.js'
import { FIELDS, type FieldSpec } from './meshspec/fields.js'
import { howLabel, RESENT_WITH_UPDATE } from './meshspec/lifecycle.js'
import type { MeshRequest } from './meshspec/request.js'
import { diffParameters } from './state/diff.js'
import type { Change, RecordedParameter } from './state/record.js'

export type StepApi =
  | 'UpdateMeshFeature'
  | 'UpdateControlPlaneLogConfig'
  | 'ModifyServiceMeshName'
  | 'UntagResources'
  | 'TagResources'
  | 'UpgradeMeshEditionPartially'

/** The order of an update's calls (§7.1): UpdateMeshFeature first, the version upgrade last. */
export const STEP_ORDER: readonly StepApi[] = [
  'UpdateMeshFeature',
  'UpdateControlPlaneLogConfig',
  'ModifyServiceMeshName',
  'UntagResources',
  'TagResources',
  'UpgradeMeshEditionPartially'
]

/** One call of an update, and the changes it makes true. */
export interface UpdateStep {
  api: StepApi
  query: Record<string, string>
  body: Record<string, string>
  changes: Change[]
  /** The call can take the mesh out of `running` (§e): wait for it before the next call or the check. */
  waits: boolean
}

export interface UpdatePlan {
  steps: UpdateStep[]
  /** Changes no API makes: the run refuses, changing nothing. */
  newMesh: Change[]
  /** Changes reported and not applied (create-time only, extra parameters): the record keeps the old value. */
  notApplied: Change[]
  /** Changes only the record takes: parameters removed from the spec (left alone), values already live. */
  recordOnly: Change[]
}

const TAG_PREFIX = 'tags.'
const isTag = (change: Pick<Change, 'path' | 'parameter'>) =>
  change.parameter === 'Tag' && change.path.startsWith(TAG_PREFIX)
const fieldOf = (change: Pick<Change, 'path' | 'parameter'>): FieldSpec | undefined =>
  isTag(change) ? FIELDS.find(f => f.api === 'Tag') : FIELDS.find(f => f.path === change.path)

/** Numeric parts of an ASM version (`v1.22.6.71-g0b38b4b3-aliyun` → 1, 22, 6, 71); undefined when it has none. */
function versionParts(version: string | undefined): number[] | undefined {
  const match = version === undefined ? null : /^v?(\d+(?:\.\d+)*)/.exec(version)
  return match ? match[1].split('.').map(Number) : undefined
}

/** Whether `after` is lower than `before`; versions that do not compare are left to the API to judge. */
export function isDowngrade(before: string | undefined, after: string | undefined): boolean {
  const [a, b] = [versionParts(before), versionParts(after)]
  if (!a || !b) return false
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i] ?? 0, b[i] ?? 0]
    if (x !== y) return y < x
  }
  return false
}

type Kind = 'new mesh' | 'not applied' | 'record only' | StepApi

/**
 * What a change takes. `tagsManaged`: the spec sets `tags`, so a removed key is untagged; without
 * `tags` the mesh's tags are left alone (§7.1).
 */
function kindOf(change: Change, tagsManaged: boolean): Kind {
  if (isTag(change)) {
    if (change.change !== 'removed') return 'TagResources'
    return tagsManaged ? 'UntagResources' : 'record only'
  }
  if (change.change === 'removed') return 'record only'
  const field = fieldOf(change)
  if (!field) return 'not applied'
  const how = field.lifecycle.changes
  if (how.kind === 'new mesh') return 'new mesh'
  if (how.kind === 'create-time only') return 'not applied'
  if (how.api === 'UpgradeMeshEditionPartially' && isDowngrade(change.before, change.after)) return 'new mesh'
  return how.api === 'TagResources' ? 'TagResources' : how.api
}

/** The plan's label of a change: `in place (UpdateMeshFeature)`, `needs a new mesh`, ... */
export function changeLabel(change: Change, tagsManaged: boolean): string {
  const kind = kindOf(change, tagsManaged)
  switch (kind) {
    case 'new mesh': {
      const field = fieldOf(change)
      const lower = field?.lifecycle.changes.kind === 'in place'
      return lower ? 'needs a new mesh (a lower version)' : howLabel({ kind: 'new mesh' })
    }
    case 'not applied':
      return fieldOf(change) ? howLabel({ kind: 'create-time only' }) : 'extra parameter: not applied'
    case 'record only':
      return 'removed from the spec: left as it is'
    default:
      return `in place (${kind})`
  }
}

export const tagsManaged = (request: Pick<MeshRequest, 'parameters'>): boolean =>
  request.parameters.some(p => isTag(p))

/** An added parameter whose live value already is the spec's (e.g. istioVersion written down as it runs). */
function alreadyLive(change: Change, live: LiveMesh | undefined): boolean {
  const field = fieldOf(change)
  const at = field?.lifecycle.live
  if (!live || !field || !at || change.change !== 'added' || change.after === undefined) return false
  return liveComparable(field, readPath(live.detail, at)) === change.after
}

/** The plan for `changes` (the spec against the mesh as it is), with the live mesh when it was read. */
export function planUpdate(
  changes: readonly Change[],
  request: MeshRequest,
  meshId: string,
  live?: LiveMesh
): UpdatePlan {
  const managed = tagsManaged(request)
  const plan: UpdatePlan = { steps: [], newMesh: [], notApplied: [], recordOnly: [] }
  const byApi = new Map<StepApi, Change[]>()
  for (const change of changes) {
    const kind = alreadyLive(change, live) ? 'record only' : kindOf(change, managed)
    if (kind === 'new mesh') plan.newMesh.push(change)
    else if (kind === 'not applied') plan.notApplied.push(change)
    else if (kind === 'record only') plan.recordOnly.push(change)
    else byApi.set(kind, [...(byApi.get(kind) ?? []), change])
  }
  for (const api of STEP_ORDER) {
    const stepChanges = byApi.get(api)
    if (stepChanges) plan.steps.push(stepOf(api, stepChanges, request, meshId, live))
  }
  return plan
}

/**
 * The plan from the record to the spec, starting from the mesh as it is (the record with its drift), so
 * drift is set back too (§7.2). A spec change the live mesh already shows needs only the record; drift
 * that no API can set back, with the spec unchanged there, is reported (as drift), not refused.
 */
export function planFromRecord(
  recorded: readonly RecordedParameter[],
  drift: readonly Drift[],
  request: MeshRequest,
  meshId: string,
  live?: LiveMesh
): UpdatePlan {
  const specChanges = diffParameters([...recorded], request.parameters)
  const fromLive = diffParameters(liveRecord(recorded, drift), request.parameters)
  const plan = planUpdate(fromLive, request, meshId, live)
  const inSpec = (c: Change) => specChanges.some(s => s.path === c.path)
  return {
    ...plan,
    newMesh: plan.newMesh.filter(inSpec),
    notApplied: [...plan.notApplied, ...plan.newMesh.filter(c => !inSpec(c))],
    recordOnly: [...plan.recordOnly, ...specChanges.filter(c => !fromLive.some(l => l.path === c.path))]
  }
}

const MESH_TAGS = (request: MeshRequest, meshId: string) => ({
  RegionId: request.region,
  'ResourceId.1': meshId,
  ResourceType: 'servicemesh'
})

function stepOf(
  api: StepApi,
  changes: Change[],
  request: MeshRequest,
  meshId: string,
  live: LiveMesh | undefined
): UpdateStep {
  const id = { ServiceMeshId: meshId }
  const wire = (name: string) => request.body[name]
  switch (api) {
    case 'UpdateMeshFeature': {
      const body: Record<string, string> = { ...id }
      for (const change of changes) body[change.parameter] = wire(change.parameter)
      // Sent along as Terraform does (§a.1): that an omitted one would be reset is UNVERIFIED, so they go too.
      for (const name of RESENT_WITH_UPDATE) if (wire(name) !== undefined) body[name] = wire(name)
      return { api, query: {}, body, changes, waits: true }
    }
    case 'UpdateControlPlaneLogConfig': {
      // Enabled is required on every call (§b): the spec's value, else the live one, else off (the API's default).
      const shown = live && readPath(live.detail, 'ServiceMesh.Spec.MeshConfig.ControlPlaneLogInfo.Enabled')
      const enabled = wire('ControlPlaneLogEnabled') ?? (typeof shown === 'boolean' ? String(shown) : 'false')
      const project = wire('ControlPlaneLogProject')
      return {
        api,
        query: {},
        body: { ...id, Enabled: enabled, ...(project !== undefined && { Project: project }) },
        changes,
        waits: true
      }
    }
    case 'ModifyServiceMeshName':
      return { api, query: {}, body: { ...id, Name: request.name }, changes, waits: false }
    case 'UntagResources': {
      const keys = changes.map(c => c.path.slice(TAG_PREFIX.length))
      const query = { ...MESH_TAGS(request, meshId), ...numbered('TagKey', keys) }
      return { api, query, body: {}, changes, waits: false }
    }
    case 'TagResources': {
      const query: Record<string, string> = MESH_TAGS(request, meshId)
      changes.forEach((change, index) => {
        query[`Tag.${index + 1}.Key`] = change.path.slice(TAG_PREFIX.length)
        query[`Tag.${index + 1}.Value`] = change.after ?? ''
      })
      return { api, query, body: {}, changes, waits: false }
    }
    case 'UpgradeMeshEditionPartially':
      return {
        api,
        query: {},
        // As Terraform sends it (§b): the gateways are not upgraded by this call.
        body: { ...id, ExpectedVersion: wire('IstioVersion'), ASMGatewayContinue: 'false' },
        changes,
        waits: true
      }
  }
}

const numbered = (name: string, values: string[]): Record<string, string> =>
  Object.fromEntries(values.map((value, index) => [`${name}.${index + 1}`, value]))

/** The record's parameters once `changes` are true: set, added, or gone. */
export function recordAfter(
  parameters: readonly RecordedParameter[],
  changes: readonly Change[]
): RecordedParameter[] {
  const result = new Map(parameters.map(p => [p.path, p]))
  for (const change of changes) {
    if (change.change === 'removed') result.delete(change.path)
    else
      result.set(change.path, { path: change.path, parameter: change.parameter, value: change.after ?? '' })
  }
  return [...result.values()]
}

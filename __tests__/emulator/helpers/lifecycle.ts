/**
 * Driving the emulator's lifecycle APIs through the real @alicloud/openapi-client, on an emulator whose
 * clock the test moves: a change takes CHANGE_MS, a deletion DELETE_MS.
 */
import {
  startCloudEmulator,
  type CloudEmulator,
  type CloudEmulatorOptions
} from '../../support/cloud-emulator.js'
import { callApi, failureOf, openApiClient, type ApiResult, type Keys } from './openapi.js'

export const AK: Keys = { accessKeyId: 'LTAI5tLifecycleTests', accessKeySecret: 'lifecycle-secret' }
export const VERSION = '2020-01-11'
export const CHANGE_MS = 60_000
export const DELETE_MS = 120_000
export const REGION = 'cn-hangzhou'

export interface Lifecycle {
  emulator: CloudEmulator
  /** moves the emulator's clock on */
  advance(ms: number): void
  stop(): Promise<void>
}

export async function startLifecycle(options: Partial<CloudEmulatorOptions> = {}): Promise<Lifecycle> {
  let offsetMs = 0
  const emulator = await startCloudEmulator({
    accessKeys: { [AK.accessKeyId]: AK.accessKeySecret },
    clock: () => Date.now() + offsetMs,
    ...options,
    lifecycle: { changeMs: CHANGE_MS, deleteMs: DELETE_MS, ...options.lifecycle }
  })
  return {
    emulator,
    advance: ms => {
      offsetMs += ms
    },
    stop: () => emulator.stop()
  }
}

export interface Parts {
  query?: Record<string, string>
  body?: Record<string, string>
}

/** A lifecycle call as the SDK makes it: POST, RPC, V3 unless `v2`. */
export function asm(
  emulator: CloudEmulator,
  action: string,
  parts: Parts,
  signatureAlgorithm?: 'v2'
): Promise<ApiResult> {
  return callApi(openApiClient(emulator, AK, signatureAlgorithm), {
    action,
    version: VERSION,
    method: 'POST',
    ...parts
  })
}

/** The refusal of a call: its code and HTTP status. */
export async function refusal(emulator: CloudEmulator, action: string, parts: Parts) {
  const { code, statusCode } = await failureOf(asm(emulator, action, parts))
  return { code, statusCode }
}

/** DescribeServiceMeshDetail's ServiceMesh object. */
export async function detail(emulator: CloudEmulator, id: string): Promise<Record<string, unknown>> {
  const { body } = await asm(emulator, 'DescribeServiceMeshDetail', { body: { ServiceMeshId: id } })
  return body.ServiceMesh as Record<string, unknown>
}

/** The value at a dotted path, undefined when any step is missing. */
export function valueAt(tree: unknown, path: string): unknown {
  let node = tree
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** DescribeServiceMeshes (GET, tag filter in the query): the meshes it lists. */
export async function listMeshes(
  emulator: CloudEmulator,
  query?: Record<string, string>
): Promise<Array<Record<string, unknown>>> {
  const { body } = await callApi(openApiClient(emulator, AK), {
    action: 'DescribeServiceMeshes',
    version: VERSION,
    method: 'GET',
    query
  })
  return body.ServiceMeshes as Array<Record<string, unknown>>
}

/** The mesh with this id as DescribeServiceMeshes lists it. */
export async function listed(
  emulator: CloudEmulator,
  id: string
): Promise<Record<string, unknown> | undefined> {
  return (await listMeshes(emulator)).find(mesh => valueAt(mesh, 'ServiceMeshInfo.ServiceMeshId') === id)
}

export async function stateOf(emulator: CloudEmulator, id: string): Promise<unknown> {
  return valueAt(await detail(emulator, id), 'ServiceMeshInfo.State')
}

/** A running mesh with these CreateServiceMesh parameters, added without a call. */
export function runningMesh(
  emulator: CloudEmulator,
  parameters: Record<string, string> = {},
  name = 'mesh'
): string {
  return emulator.addMesh({
    name,
    region: REGION,
    parameters: { VpcId: 'vpc-bp1abc', VSwitches: '["vsw-bp1abc"]', ...parameters }
  }).id
}

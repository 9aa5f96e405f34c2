/**
 * ModifyServiceMeshName, UpdateControlPlaneLogConfig, UpgradeMeshEditionPartially / DescribeUpgradeVersion
 * through the real openapi-client (docs/reference/asm-lifecycle-api.md §b).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DEFAULT_VERSIONS } from './cloud/mesh-versions.js'
import {
  asm,
  CHANGE_MS,
  detail,
  listed,
  refusal,
  runningMesh,
  startLifecycle,
  stateOf,
  valueAt,
  type Lifecycle
} from './helpers/lifecycle.js'

const [OLDER, DEFAULT, NEXT, NEWEST] = DEFAULT_VERSIONS
let lifecycle: Lifecycle

beforeAll(async () => {
  lifecycle = await startLifecycle()
})

afterAll(async () => {
  await lifecycle.stop()
})

describe('ModifyServiceMeshName', () => {
  it('renames at once, without leaving running; both Describe APIs show the new name', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, {}, 'old-name')
    const answer = await asm(emulator, 'ModifyServiceMeshName', {
      body: { ServiceMeshId: id, Name: 'new-name' }
    })
    expect(Object.keys(answer.body)).toEqual(['RequestId'])
    const shown = await detail(emulator, id)
    expect(valueAt(shown, 'ServiceMeshInfo')).toMatchObject({ Name: 'new-name', State: 'running' })
    expect(valueAt(await listed(lifecycle.emulator, id), 'ServiceMeshInfo.Name')).toBe('new-name')
  })

  it('needs Name and ServiceMeshId in the body', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator)
    expect(await refusal(emulator, 'ModifyServiceMeshName', { body: { ServiceMeshId: id } })).toEqual({
      code: 'MissingParameter.Name',
      statusCode: 400
    })
    expect(
      await refusal(emulator, 'ModifyServiceMeshName', { body: { ServiceMeshId: id }, query: { Name: 'x' } })
    ).toEqual({ code: 'InvalidParameter.Name', statusCode: 400 })
    expect(await refusal(emulator, 'ModifyServiceMeshName', { body: { Name: 'x' } })).toEqual({
      code: 'MissingParameter.ServiceMeshId',
      statusCode: 400
    })
  })
})

describe('UpdateControlPlaneLogConfig', () => {
  it('needs Enabled on every call, even when only Project changes', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { ControlPlaneLogEnabled: 'true' })
    expect(
      await refusal(emulator, 'UpdateControlPlaneLogConfig', { body: { ServiceMeshId: id, Project: 'logs' } })
    ).toEqual({ code: 'MissingParameter.Enabled', statusCode: 400 })
    expect(
      await refusal(emulator, 'UpdateControlPlaneLogConfig', {
        body: { ServiceMeshId: id, Enabled: 'true', LogTTLInDay: 'a week' }
      })
    ).toEqual({ code: 'InvalidParameter.LogTTLInDay', statusCode: 400 })
  })

  it('moves the mesh to updating; Enabled, Project and LogTTL land in ControlPlaneLogInfo when running', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { ControlPlaneLogEnabled: 'false', ControlPlaneLogProject: 'old-logs' })
    await asm(emulator, 'UpdateControlPlaneLogConfig', {
      body: { ServiceMeshId: id, Enabled: 'true', Project: 'mesh-logs', LogTTLInDay: '30' }
    })
    const during = await detail(emulator, id)
    expect(valueAt(during, 'ServiceMeshInfo.State')).toBe('updating')
    expect(valueAt(during, 'Spec.MeshConfig.ControlPlaneLogInfo')).toEqual({
      Enabled: false,
      Project: 'old-logs'
    })
    lifecycle.advance(CHANGE_MS)
    const after = await detail(emulator, id)
    expect(valueAt(after, 'ServiceMeshInfo.State')).toBe('running')
    expect(valueAt(after, 'Spec.MeshConfig.ControlPlaneLogInfo')).toEqual({
      Enabled: true,
      Project: 'mesh-logs',
      LogTTL: 30
    })
  })

  it('answers an unknown mesh with the documented 404 ERR404', async () => {
    expect(
      await refusal(lifecycle.emulator, 'UpdateControlPlaneLogConfig', {
        body: { ServiceMeshId: 'a'.repeat(32), Enabled: 'false' }
      })
    ).toEqual({ code: 'ERR404', statusCode: 404 })
  })
})

describe('UpgradeMeshEditionPartially and DescribeUpgradeVersion', () => {
  it('DescribeUpgradeVersion names the next version; the upgrade to it runs through upgrading', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { IstioVersion: DEFAULT })
    const { body } = await asm(emulator, 'DescribeUpgradeVersion', { query: { ServiceMeshId: id } })
    expect(body.Version).toMatchObject({ IstioOperatorVersion: NEXT, IstioVersion: '1.23.6' })
    expect(valueAt(await listed(lifecycle.emulator, id), 'Upgradable')).toBe(true)

    await asm(emulator, 'UpgradeMeshEditionPartially', {
      body: { ServiceMeshId: id, ExpectedVersion: NEXT, ASMGatewayContinue: 'false' }
    })
    const during = await detail(emulator, id)
    expect(valueAt(during, 'ServiceMeshInfo')).toMatchObject({ State: 'upgrading', Version: DEFAULT })
    lifecycle.advance(CHANGE_MS)
    expect(valueAt(await detail(emulator, id), 'ServiceMeshInfo')).toMatchObject({
      State: 'running',
      Version: NEXT
    })
  })

  const refused: Array<[string, string, string]> = [
    ['a lower version', OLDER, 'older than'],
    ['the same version', DEFAULT, `target of the mesh is ${NEXT}`],
    ['a version two steps up', NEWEST, `target of the mesh is ${NEXT}`]
  ]
  it.each(refused)(
    'refuses %s with UpgradedVersion.NotExpected and changes nothing',
    async (_what, version, why) => {
      const { emulator } = lifecycle
      const id = runningMesh(emulator, { IstioVersion: DEFAULT })
      const call = asm(emulator, 'UpgradeMeshEditionPartially', {
        body: { ServiceMeshId: id, ExpectedVersion: version }
      })
      await expect(call).rejects.toMatchObject({ code: 'UpgradedVersion.NotExpected', statusCode: 400 })
      await expect(call.catch((error: Error) => error.message)).resolves.toContain(why)
      expect(valueAt(await detail(emulator, id), 'ServiceMeshInfo')).toMatchObject({
        State: 'running',
        Version: DEFAULT
      })
    }
  )

  it('PreCheck only checks; a mesh on the newest version has no upgrade', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { IstioVersion: DEFAULT })
    await asm(emulator, 'UpgradeMeshEditionPartially', {
      body: { ServiceMeshId: id, ExpectedVersion: NEXT, PreCheck: 'true' }
    })
    expect(await stateOf(emulator, id)).toBe('running')
    const newest = runningMesh(emulator, { IstioVersion: NEWEST })
    expect(
      await refusal(emulator, 'UpgradeMeshEditionPartially', { body: { ServiceMeshId: newest } })
    ).toEqual({
      code: 'UpgradedVersion.NotExpected',
      statusCode: 400
    })
    const { body } = await asm(emulator, 'DescribeUpgradeVersion', { query: { ServiceMeshId: newest } })
    expect(valueAt(body, 'Version.IstioOperatorVersion')).toBe(NEWEST)
    expect(valueAt(await listed(lifecycle.emulator, newest), 'Upgradable')).toBe(false)
  })

  it('SwitchToPro (deprecated) makes the edition Pro', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { IstioVersion: NEWEST })
    await asm(emulator, 'UpgradeMeshEditionPartially', { body: { ServiceMeshId: id, SwitchToPro: 'true' } })
    lifecycle.advance(CHANGE_MS)
    expect(valueAt(await detail(emulator, id), 'ServiceMeshInfo.Profile')).toBe('Pro')
    expect(valueAt(await listed(lifecycle.emulator, id), 'ServiceMeshInfo.Profile')).toBe('Pro')
  })

  it('DescribeUpgradeVersion takes ServiceMeshId in the query only', async () => {
    const id = runningMesh(lifecycle.emulator)
    expect(
      await refusal(lifecycle.emulator, 'DescribeUpgradeVersion', { body: { ServiceMeshId: id } })
    ).toEqual({
      code: 'InvalidParameter.ServiceMeshId',
      statusCode: 400
    })
  })
})

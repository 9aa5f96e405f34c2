/**
 * ASM versions and UpgradeMeshEditionPartially's target (docs/reference/asm-lifecycle-api.md §b): the
 * server computes the target itself; an ExpectedVersion other than it fails with
 * UpgradedVersion.NotExpected. Only upgrades exist.
 */
import { AcsError } from './acs-error.js'
import { DEFAULT_ISTIO_VERSION, type EmulatedMesh } from './mesh-service.js'

/** Oldest first, the create default among them. */
export const DEFAULT_VERSIONS = [
  'v1.21.6.97-g2fef3e5b-aliyun',
  DEFAULT_ISTIO_VERSION,
  'v1.23.6.84-g7a4d5e1b-aliyun',
  'v1.24.6.59-g3c9b8f20-aliyun'
]

export function versionOf(mesh: EmulatedMesh): string {
  return mesh.parameters.IstioVersion ?? DEFAULT_ISTIO_VERSION
}

/** One step up the list: how far a real upgrade goes is UNVERIFIED; one step is the strict reading. */
export function upgradeTarget(versions: string[], mesh: EmulatedMesh): string | undefined {
  const index = versions.indexOf(versionOf(mesh))
  return index < 0 ? undefined : versions[index + 1]
}

/** HTTP 400 is assumed: the reference gives no status for UpgradedVersion.NotExpected. */
export function notExpected(versions: string[], mesh: EmulatedMesh, expected: string | undefined): AcsError {
  const current = versionOf(mesh)
  const target = upgradeTarget(versions, mesh)
  const older =
    expected !== undefined &&
    versions.includes(expected) &&
    versions.indexOf(expected) < versions.indexOf(current)
  const why = older
    ? `${expected} is older than the mesh's ${current}, and a mesh is never downgraded`
    : `the upgrade target of the mesh is ${target ?? `none: ${current} is the newest`}`
  return new AcsError(
    400,
    'UpgradedVersion.NotExpected',
    `The expected version is not the upgrade target: ${why}.`
  )
}

/** DescribeUpgradeVersion's answer. The form of IstioVersion is UNVERIFIED; with no newer version the current one is shown. */
export function upgradeVersionAnswer(versions: string[], mesh: EmulatedMesh): object {
  const version = upgradeTarget(versions, mesh) ?? versionOf(mesh)
  return { Version: { IstioOperatorVersion: version, IstioVersion: /^v?(\d+\.\d+\.\d+)/.exec(version)?.[1] } }
}

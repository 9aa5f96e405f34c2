/**
 * TagResources, UntagResources and ListTagResources on meshes (docs/reference/asm-lifecycle-api.md §b).
 * A mesh's tags live in its parameters as Tag.N.Key / Tag.N.Value, as CreateServiceMesh received them, so
 * DescribeServiceMeshes shows and filters by what these calls changed.
 */
import { invalidParameter, missingParameter } from './acs-error.js'
import { readList } from './lifecycle-parameters.js'
import { isTagParameter, readTags, type MeshTag } from './mesh-parameters.js'
import type { EmulatedMesh } from './mesh-service.js'

const MAX_LENGTH = 128
/**
 * UntagResources' zh doc says a TagKey has at most 64 characters, against 128 elsewhere; which is
 * enforced is UNVERIFIED, so the stricter 64 holds here.
 */
const MAX_UNTAG_KEY_LENGTH = 64
/** 20 tags per call is documented; that a mesh carries at most 20 in all is assumed (UNVERIFIED). */
const MAX_TAGS_PER_MESH = 20

/** Adds the tags to each mesh, overwriting the value of a key it already has. */
export function tagResources(meshes: EmulatedMesh[], params: Record<string, string>): object {
  const tags = readTags(params)
  tags.forEach(checkTag)
  const merged = meshes.map(mesh => {
    const own = readTags(mesh.parameters)
    for (const tag of tags) {
      const index = own.findIndex(held => held.Key === tag.Key)
      if (index < 0) own.push(tag)
      else own[index] = tag
    }
    if (own.length > MAX_TAGS_PER_MESH)
      throw invalidParameter('Tag', `mesh ${mesh.id} would carry more than ${MAX_TAGS_PER_MESH} tags.`)
    return own
  })
  meshes.forEach((mesh, index) => writeTags(mesh, merged[index]))
  return {}
}

/**
 * Removes the TagKey.N keys, or every tag with All=true (honoured only without TagKey.N, §b). With
 * neither the call is refused: that the real API would then do nothing instead is UNVERIFIED.
 */
export function untagResources(meshes: EmulatedMesh[], params: Record<string, string>): object {
  const keys = readList(params, 'TagKey')
  for (const key of keys) {
    if (key.length > MAX_UNTAG_KEY_LENGTH)
      throw invalidParameter('TagKey', `a key has at most ${MAX_UNTAG_KEY_LENGTH} characters.`)
  }
  if (keys.length === 0 && params.All !== 'true') throw missingParameter('TagKey')
  for (const mesh of meshes) {
    writeTags(mesh, keys.length === 0 ? [] : readTags(mesh.parameters).filter(tag => !keys.includes(tag.Key)))
  }
  return {}
}

/**
 * One page of {ResourceId, ResourceType, TagKey, TagValue} for the meshes of the region (those named by
 * ResourceId.N, when given). With Tag.N only meshes carrying all of them count, and only those tags are
 * listed (UNVERIFIED which of a mesh's tags the real API lists then). NextToken is "" on the last page.
 */
export function listTagResources(
  meshes: EmulatedMesh[],
  params: Record<string, string>,
  pageSize: number
): object {
  const ids = readList(params, 'ResourceId')
  const wanted = readTags(params)
  const entries = meshes
    .filter(mesh => mesh.region === params.RegionId && (ids.length === 0 || ids.includes(mesh.id)))
    .flatMap(mesh => {
      const own = readTags(mesh.parameters)
      const carries = wanted.every(tag => own.some(held => held.Key === tag.Key && held.Value === tag.Value))
      if (!carries) return []
      const listed = wanted.length === 0 ? own : wanted
      return listed.map(tag => ({
        ResourceId: mesh.id,
        ResourceType: 'servicemesh',
        TagKey: tag.Key,
        TagValue: tag.Value
      }))
    })
  const start = readToken(params.NextToken)
  const end = start + pageSize
  return {
    TagResources: entries.slice(start, end),
    NextToken: end < entries.length ? Buffer.from(`offset:${end}`).toString('base64url') : ''
  }
}

/** Replaces a mesh's Tag.N.* parameters. */
export function writeTags(mesh: EmulatedMesh, tags: MeshTag[]): void {
  for (const name of Object.keys(mesh.parameters)) if (isTagParameter(name)) delete mesh.parameters[name]
  tags.forEach((tag, index) => {
    mesh.parameters[`Tag.${index + 1}.Key`] = tag.Key
    mesh.parameters[`Tag.${index + 1}.Value`] = tag.Value
  })
}

/** The documented key and value rules (§b "Limits"). */
function checkTag({ Key, Value }: MeshTag): void {
  const url = /https?:\/\//i
  if (Key.length > MAX_LENGTH || /^(aliyun|acs:)/i.test(Key) || url.test(Key)) {
    throw invalidParameter(
      'Tag',
      `key "${Key}": at most ${MAX_LENGTH} characters, not starting with aliyun or acs:, no http:// or https://.`
    )
  }
  if (Value.length > MAX_LENGTH || url.test(Value)) {
    throw invalidParameter(
      'Tag',
      `value of "${Key}": at most ${MAX_LENGTH} characters, no http:// or https://.`
    )
  }
}

function readToken(token: string | undefined): number {
  if (!token) return 0
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString())
  if (!match) throw invalidParameter('NextToken', 'it is not a token this API returned.')
  return Number(match[1])
}

/** The tags of one mesh as ListTagResources lists them: the live side of the spec's `tags` (drift). */
import { ActionError } from '../errors.js'
import { asObject, str } from './mesh-answers.js'

const MAX_TAG_PAGES = 5

/**
 * ListTagResources of one mesh, page by page (docs/reference/asm-lifecycle-api.md §b); an entry of another
 * shape is skipped. A mesh carries at most 20 tags, so more than MAX_TAG_PAGES pages means a broken answer.
 */
export async function listMeshTags(
  list: (query: Record<string, string>) => Promise<{ body: Record<string, unknown> }>,
  meshId: string,
  region: string,
  host: string
): Promise<Record<string, string>> {
  const tags: Record<string, string> = {}
  let token = ''
  for (let page = 1; page <= MAX_TAG_PAGES; page++) {
    const query = {
      RegionId: region,
      'ResourceId.1': meshId,
      ResourceType: 'servicemesh',
      ...(token && { NextToken: token })
    }
    const { body } = await list(query)
    for (const entry of Array.isArray(body.TagResources) ? body.TagResources : []) {
      const { ResourceId, TagKey, TagValue } = asObject(entry)
      if (ResourceId === meshId && typeof TagKey === 'string' && typeof TagValue === 'string')
        tags[TagKey] = TagValue
    }
    token = str(body.NextToken)
    if (!token) return tags
  }
  throw new ActionError(
    `ListTagResources for ${meshId} kept answering with a NextToken after ${MAX_TAG_PAGES} pages.`,
    `Check that ${host} is the Service Mesh API endpoint.`
  )
}

/** What a region id looks like (`cn-hangzhou`, `ap-southeast-1`): for the region input and the spec's region. */
export const REGION_PATTERN = '^[a-z]{2,}(-[a-z0-9]+)+$'

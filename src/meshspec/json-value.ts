/** JSON values read from the spec (objects as Maps, so any key is plain data) and their compact text. */
import type { SpecNode } from './tree.js'

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject
export type JsonObject = Map<string, JsonValue>

export function nodeToJson(node: SpecNode): JsonValue {
  if (node.kind === 'scalar') return node.value
  if (node.kind === 'seq') return node.items.map(nodeToJson)
  return new Map(node.entries.map(e => [e.key, nodeToJson(e.value)]))
}

/** Compact JSON; keys in insertion (file) order, or sorted for a canonical, comparable form. */
export function compactJson(value: JsonValue, sortKeys = false): string {
  if (Array.isArray(value)) return `[${value.map(v => compactJson(v, sortKeys)).join(',')}]`
  if (value instanceof Map) {
    const keys = [...value.keys()]
    if (sortKeys) keys.sort()
    return `{${keys.map(k => `${JSON.stringify(k)}:${compactJson(value.get(k) as JsonValue, sortKeys)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// Small pieces of the docs page: prose with `code` spans, type labels that link to schemas,
// and field tables.
import type { Child } from 'hono/jsx'
import { deref, type FieldRow, type Json, typeLabel } from './model.js'

/** A type label whose component names link to their schema section. */
export function TypeText(props: { text: string; names: Set<string> }) {
  const parts = props.text.split(/([A-Za-z]+)/)
  return (
    <code>
      {parts.map((p) => (props.names.has(p) ? <a href={`#schema-${p}`}>{p}</a> : (p as Child)))}
    </code>
  )
}

/** Descriptions are plain text with `code` spans (the only markup the document uses). */
export function Prose(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/(`[^`]+`)/)
        .map((part) =>
          part.length > 2 && part.startsWith('`') && part.endsWith('`') ? (
            <code>{part.slice(1, -1)}</code>
          ) : (
            (part as Child)
          ),
        )}
    </>
  )
}

export function Fields(props: { rows: FieldRow[]; names: Set<string> }) {
  if (props.rows.length === 0) return null
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((f) => (
          <tr>
            <td>
              <code>{f.name}</code>
            </td>
            <td>
              <TypeText text={f.type} names={props.names} />
            </td>
            <td>
              <Prose text={f.description} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function schemaFields(doc: Json, name: string): FieldRow[] {
  const s = deref(doc, { $ref: `#/components/schemas/${name}` })
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : [])
  return Object.entries((s.properties ?? {}) as Json).map(([field, p]) => ({
    name: required.has(field) ? field : `${field} (optional)`,
    type: typeLabel(doc, p),
    description: String((p as Json).description ?? ''),
  }))
}

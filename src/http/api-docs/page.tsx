/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The human API docs page: every operation of the OpenAPI document with its parameters,
// responses and a curl line, then the component schemas. Server-rendered, no script.
import { Layout } from '../web/layout.js'
import type { Json, Operation } from './model.js'
import { Fields, Prose, schemaFields, TypeText } from './parts.js'

const CSS = `
.api-docs table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
.api-docs th,.api-docs td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid color-mix(in srgb,currentColor 18%,transparent)}
.api-docs code,.api-docs pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
.api-docs pre{overflow-x:auto;padding:.6rem .8rem;border-radius:6px;background:color-mix(in srgb,currentColor 8%,transparent)}
.api-docs .op{margin:0 0 2rem}.api-docs .method{font-weight:700;margin-right:.4rem}
.api-docs .toc{columns:2 18rem}`

function OperationSection(props: { op: Operation; names: Set<string> }) {
  const { op, names } = props
  return (
    <section class="op" id={op.id} aria-labelledby={`${op.id}-h`}>
      <h3 id={`${op.id}-h`}>
        <span class="method">{op.method}</span>
        <code>{op.path}</code>
      </h3>
      <p>
        {op.summary}
        {op.secured && ' Needs an API key.'}
      </p>
      {op.description && (
        <p>
          <Prose text={op.description} />
        </p>
      )}
      <h4>Parameters</h4>
      {op.params.length === 0 ? (
        <p>None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {op.params.map((p) => (
              <tr>
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.in}</td>
                <td>
                  <TypeText text={p.type} names={names} />
                </td>
                <td>{p.required ? 'yes' : 'no'}</td>
                <td>
                  <Prose text={p.description} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Responses</h4>
      {op.responses.map((r) => (
        <div>
          <p>
            <strong>{r.status}</strong> {r.description}
            {r.schemaName && (
              <>
                {' '}
                (<a href={`#schema-${r.schemaName}`}>{r.schemaName}</a>)
              </>
            )}
          </p>
          {!r.schemaName && <Fields rows={r.fields} names={names} />}
        </div>
      ))}
      <h4>Example</h4>
      <pre>
        <code>{op.curl}</code>
      </pre>
    </section>
  )
}

export function ApiDocsPage(props: { doc: Json; ops: Operation[]; tags: string[] }) {
  const schemas = (props.doc.components as Json | undefined)?.schemas as Json | undefined
  const names = new Set(Object.keys(schemas ?? {}))
  const info = (props.doc.info ?? {}) as Json
  return (
    <Layout title="API documentation" current="about">
      <style>{CSS}</style>
      <div class="api-docs">
        <h1>API documentation</h1>
        {String(info.description ?? '')
          .split(/\n\s*\n/)
          .map((para) => (
            <p>
              <Prose text={para} />
            </p>
          ))}
        <p>
          Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI{' '}
          {String(props.doc.openapi ?? '')}).
        </p>
        <nav aria-label="Operations">
          <ul class="toc">
            {props.ops.map((op) => (
              <li>
                <a href={`#${op.id}`}>
                  {op.method} {op.path}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {props.tags.map((tag) => (
          <section aria-labelledby={`tag-${tag}`}>
            <h2 id={`tag-${tag}`}>{tag}</h2>
            {props.ops
              .filter((op) => op.tag === tag)
              .map((op) => (
                <OperationSection op={op} names={names} />
              ))}
          </section>
        ))}
        <section aria-labelledby="schemas">
          <h2 id="schemas">Schemas</h2>
          {[...names].map((name) => (
            <section id={`schema-${name}`}>
              <h3>{name}</h3>
              <Fields rows={schemaFields(props.doc, name)} names={names} />
            </section>
          ))}
        </section>
      </div>
    </Layout>
  )
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// GET /api/docs: the human docs page, rendered from the same OpenAPI document as
// /api/v1/openapi.json.
import { Hono } from 'hono'
import { operations, type Json } from './model.js'
import { ApiDocsPage } from './page.js'

export function apiDocsRoutes(document: () => object) {
  const docs = new Hono()
  docs.get('/', (c) => {
    const doc = document() as Json
    const ops = operations(doc, new URL(c.req.url).origin)
    const declared = Array.isArray(doc.tags) ? doc.tags.map((t) => String((t as Json).name)) : []
    const tags = [...new Set([...declared, ...ops.map((op) => op.tag)])].filter((t) =>
      ops.some((op) => op.tag === t),
    )
    c.header('Cache-Control', 'public, max-age=300')
    return c.html(<ApiDocsPage doc={doc} ops={ops} tags={tags} />)
  })
  return docs
}

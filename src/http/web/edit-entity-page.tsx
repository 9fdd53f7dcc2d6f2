/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The entity editor: fix the type, or (admin keys) merge the entity into another one.
import { ENTITY_TYPES } from '../../../db/schema/vocab.js'
import type { EntityView } from '../../storage/repository.js'
import { EditForm, Problem, ROW, type EditProps } from './edit-page.js'
import { entityHref, TYPE_NAME } from './format.js'
import { Layout } from './layout.js'

export function EntityEditPage(props: EditProps & { entity: EntityView; admin: boolean }) {
  const { entity, csrf } = props
  const href = `${entityHref(entity.id)}/edit`
  return (
    <Layout title={`Edit: ${entity.name}`} editor={props.editor}>
      <h1>Edit entity</h1>
      <p class="lede">
        <a href={entityHref(entity.id)}>{entity.name}</a> · {entity.id}
      </p>
      <Problem message={props.message} />
      <section aria-labelledby="type-h">
        <h2 id="type-h">Type</h2>
        <EditForm href={href} action="type" csrf={csrf}>
          <label for="type">Type</label>
          <select id="type" name="type">
            {ENTITY_TYPES.map((t) => (
              <option value={t} selected={t === entity.type}>
                {TYPE_NAME[t]}
              </option>
            ))}
          </select>
          <p style={ROW}>
            <button type="submit">Save type</button>
          </p>
        </EditForm>
      </section>
      <section aria-labelledby="entity-merge-h">
        <h2 id="entity-merge-h">Merge</h2>
        {props.admin ? (
          <EditForm href={href} action="merge" csrf={csrf}>
            <label for="entity-merge-target">Merge into entity</label>
            <input
              id="entity-merge-target"
              name="into"
              type="text"
              required
              placeholder="ent_… or https://…/entities/ent_…"
            />
            <p class="muted small">
              Its name and aliases become aliases of the other entity, and its mentions move there.
            </p>
            <p style={ROW}>
              <button type="submit">Merge</button>
            </p>
          </EditForm>
        ) : (
          <p class="muted">Merging entities needs an API key with the admin scope.</p>
        )}
      </section>
    </Layout>
  )
}

// The pipeline's side of notifications: for one article folded into an incident, the incident's
// tags afterwards and the changes to record in the article's write batch. `recluster` passes
// `record: false`: replayed old news recomputes tags but must notify nobody.
import type { IncidentTag } from '../../../db/schema/vocab.js'
import { normalizeName } from '../../core/ids.js'
import type { ArticleDraft, IncidentLink, Mention } from '../../core/types.js'
import type { IncidentChangeRecord, StoredIncident } from '../../storage/repository.js'
import { isGenericName } from '../cluster/link-cues.js'
import { makeDoc } from '../extract/doc.js'
import { articleText } from '../extract/index.js'
import { articleTags, unionTags } from '../extract/tags.js'
import { findVictims } from '../extract/victims.js'
import { splitSentences } from '../summarize/sentences.js'
import { changeRecords, incidentChanges } from './changes.js'

export interface RecordInput {
  article: ArticleDraft & { fetchedAt: string }
  mentions: Mention[]
  /** The incident before this article, with absorbed incidents folded in; null when new. */
  existing: StoredIncident | null
  absorbed: StoredIncident[]
  /** The incident as it will be stored. */
  incident: StoredIncident
  links: IncidentLink[]
  record: boolean
}

export async function tagsAndChanges(
  input: RecordInput,
): Promise<{ tags: IncidentTag[]; changes: IncidentChangeRecord[] }> {
  const { article, mentions, existing, incident } = input
  const tagsBefore = existing ? unionTags(existing.tags, ...input.absorbed.map((a) => a.tags)) : []
  const tags = unionTags(tagsBefore, articleTags(article, mentions))
  if (!input.record || incident.kind !== 'incident') return { tags, changes: [] }
  const before = existing?.profile ?? null
  // Victim and prominence checks read the text again: only when an entity is new to the incident.
  const fresh = before ? mentions.filter((m) => !before.entities[m.entityId]) : []
  const changes = incidentChanges({
    incidentId: incident.id,
    before,
    after: incident.profile,
    tagsBefore,
    tagsAfter: tags,
    links: input.links,
    victims: victimIds(article, fresh),
    prominent: prominentIds(article, fresh),
    mentions,
    article,
  })
  return { tags, changes: await changeRecords(changes, article.fetchedAt) }
}

/** Organizations among `mentions` that the article names as hit, breached, attacked, ... */
export function victimIds(article: { title: string; text: string }, mentions: Mention[]) {
  const orgs = mentions.filter((m) => m.type === 'organization')
  if (orgs.length === 0) return new Set<string>()
  const found = findVictims(makeDoc(articleText(article)))
  // The extractor distrusts capitals at a sentence start (they are positional), but these names
  // are known entities: sentences naming one are read again as if mid-sentence.
  const forms = orgs.flatMap((m) => [m.surface, m.name])
  for (const s of [article.title, ...splitSentences(article.text)]) {
    if (!forms.some((f) => s.includes(f))) continue
    const lead = forms.some((f) => s.startsWith(f)) ? s : s.charAt(0).toLowerCase() + s.slice(1)
    found.push(...findVictims(makeDoc(`and ${lead}`)))
  }
  const named = new Set(found.map((c) => normalizeName(c.name)))
  return new Set(
    orgs
      .filter((m) => named.has(normalizeName(m.surface)) || named.has(normalizeName(m.name)))
      .map((m) => m.entityId),
  )
}

/** Said of an actor: "attributed to X", "X claimed", "the group behind", "tracked as X". */
const CULPRIT =
  /\b(?:attribut\w*|claim(?:s|ed|ing)?|behind|responsib\w*|linked to|tied to|tracked as|blamed|took credit)\b/i

/**
 * Entities the article is about rather than mentions in passing: named in the headline, named
 * at least twice, or named in a sentence that makes it the culprit. Ubiquitous platforms and
 * vendors are never "about".
 */
export function prominentIds(article: { title: string; text: string }, mentions: Mention[]) {
  const title = article.title.toLowerCase()
  let sentences: string[] | null = null
  const out = new Set<string>()
  for (const m of mentions) {
    // Windows, GitHub, PyPI turn up in a large share of stories: never news by themselves.
    if (isGenericName(m.name)) continue
    const forms = [m.surface, m.name].map((f) => f.toLowerCase())
    if (m.count >= 2 || forms.some((f) => title.includes(f))) {
      out.add(m.entityId)
      continue
    }
    sentences ??= splitSentences(article.text).map((s) => s.toLowerCase())
    const culprit = sentences.some((s) => forms.some((f) => s.includes(f)) && CULPRIT.test(s))
    if (culprit) out.add(m.entityId)
  }
  return out
}

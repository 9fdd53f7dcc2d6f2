// `caused_by` evidence: a sentence of one incident that says it happened through another
// incident's event ("a data breach originating from a hack of LiteLLM"). Pure; see links.ts.
import type { EntityType } from '../../core/types.js'
import {
  AFTER_COMPROMISE,
  CAMPAIGN,
  COMPROMISE,
  COMPROMISE_NEXT,
  FLAW_IN,
  causeCues,
  type CueHit,
} from './link-cues.js'
import {
  centrality,
  entitySpans,
  isGeneric,
  keyEntities,
  leads,
  type MatchContext,
  type Span,
} from './link-match.js'
import type { LinkEntity, LinkIncident } from './links.js'

/** The cause must be named this close after the cue (about fifteen words). */
const WINDOW = 100
/** Tighter for "exploited ..." and "after ...", which are causal only when the name is close. */
const NEAR = 60
/** "Clop MOVEit": names this close form one phrase. */
const ADJACENT = 3
/** A compromise word may follow the name by this much ("LiteLLM supply chain attack"). */
const TAIL = 40

/**
 * For each incident of `pool` that `subject` says it was caused by: the first sentence saying so.
 * One sentence names one cause: the first entity named after its first cue that names any, so
 * "breached via LiteLLM, poisoned with a token stolen in the Trivy compromise" blames LiteLLM,
 * whose own incident is the one caused by Trivy.
 */
export function causeTargets(
  ctx: MatchContext,
  subject: LinkIncident,
  pool: LinkIncident[],
): Map<string, string> {
  const found = new Map<string, string>()
  // The cause started first, and the subject has a subject matter of its own (a victim or a
  // product the other incident is not about): two halves of one story are no cause of each other.
  const upstream = pool.filter(
    (t) =>
      t.id !== subject.id && t.firstSeen <= subject.firstSeen && hasOwnSubject(ctx, subject, t),
  )
  if (upstream.length === 0) return found
  const names = nameList(ctx, subject, upstream)
  for (const s of subject.sentences) {
    for (const cue of causeCues(s.text)) {
      const named = firstNamed(ctx, names, s.text, cue)
      if (!named) continue
      const target = fits(s.text, cue, named.span, named.entity.type)
        ? ownerOf(ctx, named.entity, subject, upstream)
        : null
      if (target && !found.has(target.id)) found.set(target.id, s.text)
      break
    }
  }
  return found
}

/** Every non-generic name either side uses: the subject's own and the candidates' key ones. */
function nameList(ctx: MatchContext, subject: LinkIncident, pool: LinkIncident[]): LinkEntity[] {
  const byId = new Map<string, LinkEntity>()
  for (const e of subject.entities) if (!isGeneric(e)) byId.set(e.id, e)
  for (const t of pool) for (const e of keyEntities(ctx, t)) if (!byId.has(e.id)) byId.set(e.id, e)
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * The first entity named after the cue. In "part of the Clop MOVEit attacks" the campaign is
 * MOVEit's, not the gang's other operations: there an actor yields to a product or
 * vulnerability named right after it.
 */
function firstNamed(ctx: MatchContext, names: LinkEntity[], text: string, cue: CueHit) {
  const found: { entity: LinkEntity; span: Span }[] = []
  for (const entity of names) {
    const span = entitySpans(ctx, entity, text).find(
      (sp) => sp.start >= cue.end && sp.start - cue.end <= WINDOW,
    )
    if (span) found.push({ entity, span })
  }
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
  const [first, second] = found
  if (
    cue.kind === 'campaign' &&
    first?.entity.type === 'threat_actor' &&
    second &&
    second.entity.type !== 'threat_actor' &&
    second.span.start - first.span.end <= ADJACENT
  )
    return second
  return first ?? null
}

/**
 * The candidate the named entity belongs to: central to it, named in one of its headlines or
 * leads (it is what that incident is about), more central to it than to the subject, and not
 * itself a victim of it ("Schneider Electric ... two more victims of a MOVEit attack" is about
 * MOVEit too, but as one more downstream incident, not the campaign).
 */
function ownerOf(
  ctx: MatchContext,
  e: LinkEntity,
  subject: LinkIncident,
  pool: LinkIncident[],
): LinkIncident | null {
  const own = centrality(ctx, e, subject)
  const owners = pool.filter(
    (t) =>
      keyEntities(ctx, t).some((k) => k.id === e.id) &&
      !ownCauses(ctx, t).has(e.id) &&
      leads(ctx, t).some((text) => entitySpans(ctx, e, text).length > 0) &&
      centrality(ctx, e, t) > own,
  )
  owners.sort(
    (a, b) =>
      centrality(ctx, e, b) - centrality(ctx, e, a) ||
      a.firstSeen.localeCompare(b.firstSeen) ||
      a.id.localeCompare(b.id),
  )
  return owners[0] ?? null
}

/** Entities an incident names as its own cause, with the same cues. */
function ownCauses(ctx: MatchContext, inc: LinkIncident): Set<string> {
  const cached = ctx.causes.get(inc.id)
  if (cached) return cached
  const causes = new Set<string>()
  const names = inc.entities.filter((e) => !isGeneric(e))
  for (const s of inc.sentences) {
    for (const cue of causeCues(s.text)) {
      const named = firstNamed(ctx, names, s.text, cue)
      if (!named) continue
      if (fits(s.text, cue, named.span, named.entity.type)) causes.add(named.entity.id)
      break
    }
  }
  ctx.causes.set(inc.id, causes)
  return causes
}

function hasOwnSubject(ctx: MatchContext, subject: LinkIncident, other: LinkIncident): boolean {
  const theirs = new Set(keyEntities(ctx, other).map((k) => k.id))
  return keyEntities(ctx, subject).some(
    (k) => (k.type === 'organization' || k.type === 'software') && !theirs.has(k.id),
  )
}

function fits(text: string, cue: CueHit, span: Span, type: EntityType): boolean {
  // An actor names a cause only as the campaign something was part of.
  if (type === 'threat_actor' && cue.kind !== 'campaign') return false
  const gap = text.slice(cue.end, span.start)
  switch (cue.kind) {
    case 'strong':
      return true
    case 'campaign':
      return CAMPAIGN.test(text.slice(cue.end, span.end + TAIL))
    // "exploited CVE-2023-34362", never "exploited in attacks on fully patched iPhones".
    case 'exploit':
      return type === 'vulnerability' && gap.length <= NEAR
    case 'weak':
      return (
        type === 'vulnerability' ||
        FLAW_IN.test(gap) ||
        COMPROMISE.test(text.slice(cue.start, span.end + TAIL))
      )
    // "after attackers exploited CVE-..." or "after the Trivy compromise", never "After Apple
    // and Google, Mozilla patches ..." or "after a hack, Microsoft expands logging for M365".
    case 'after':
      if (gap.length > NEAR || /[,;:]/.test(gap)) return false
      return (
        AFTER_COMPROMISE.test(gap) ||
        (gap.split(/\s+/).length <= 4 && COMPROMISE_NEXT.test(text.slice(span.end)))
      )
  }
}

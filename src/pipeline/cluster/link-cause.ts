// `caused_by` and `related` evidence: a sentence of one incident that says it happened through
// another incident's event, or follows on from it. Pure; see links.ts for how pairs are decided.
import type { EntityType } from '../../core/types.js'
import {
  AFTER_COMPROMISE,
  CAMPAIGN,
  COMPROMISE,
  COMPROMISE_NEXT,
  causeCues,
  relatedCue,
  type CueHit,
} from './link-cues.js'
import {
  centrality,
  entitySpans,
  keyEntities,
  leads,
  type MatchContext,
  type Span,
} from './link-match.js'
import type { LinkIncident } from './links.js'

/** The cause must be named this close after the cue (about fifteen words). */
const WINDOW = 100
/** A compromise word may follow the entity by this much ("LiteLLM supply chain attack"). */
const TAIL = 40

interface Hit {
  target: LinkIncident
  distance: number
  weight: number
}

/**
 * For each incident of `pool` that `subject` says it was caused by: the first sentence saying so.
 * One sentence names one cause: the one nearest after its first cue that names any, so "breached
 * via LiteLLM, poisoned with a token stolen in the Trivy compromise" blames LiteLLM, whose own
 * incident is the one caused by Trivy.
 */
export function causeTargets(
  ctx: MatchContext,
  subject: LinkIncident,
  pool: LinkIncident[],
): Map<string, string> {
  const found = new Map<string, string>()
  const upstream = pool.filter((t) => t.id !== subject.id && t.firstSeen <= subject.lastSeen)
  if (upstream.length === 0) return found
  for (const s of subject.sentences) {
    for (const cue of causeCues(s.text)) {
      const best = nearestCause(ctx, subject, upstream, s.text, cue)
      if (!best) continue
      if (!found.has(best.target.id)) found.set(best.target.id, s.text)
      break
    }
  }
  return found
}

function nearestCause(
  ctx: MatchContext,
  subject: LinkIncident,
  pool: LinkIncident[],
  text: string,
  cue: CueHit,
): Hit | null {
  let best: Hit | null = null
  for (const target of pool) {
    for (const e of keyEntities(ctx, target)) {
      if (!cueAllows(cue, e.type)) continue
      const span = entitySpans(ctx, e, text).find((sp) => fits(text, cue, sp, e.type))
      if (!span) continue
      const weight = centrality(ctx, e, target)
      // A name more central to the subject itself is the subject's own, not the other's.
      if (weight <= centrality(ctx, e, subject)) continue
      const hit = { target, distance: span.start - cue.end, weight }
      if (!best || better(hit, best)) best = hit
    }
  }
  return best
}

function better(a: Hit, b: Hit): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance
  if (a.weight !== b.weight) return a.weight > b.weight
  return a.target.id < b.target.id
}

function cueAllows(cue: CueHit, type: EntityType): boolean {
  if (cue.kind === 'exploit') return type === 'vulnerability' || type === 'software'
  // An actor names a cause only as the campaign something was part of.
  return type !== 'threat_actor' || cue.kind === 'campaign'
}

function fits(text: string, cue: CueHit, span: Span, type: EntityType): boolean {
  if (span.start < cue.end || span.start - cue.end > WINDOW) return false
  const around = text.slice(cue.start, span.end + TAIL)
  if (cue.kind === 'weak') return type === 'vulnerability' || COMPROMISE.test(around)
  // "after attackers exploited CVE-..." or "after the Trivy compromise", never "After Apple and
  // Google, Mozilla patches ...": the compromise word must come between the cue and the name,
  // or follow the name directly.
  if (cue.kind === 'after') {
    return (
      AFTER_COMPROMISE.test(text.slice(cue.end, span.start)) ||
      COMPROMISE_NEXT.test(text.slice(span.end))
    )
  }
  if (cue.kind === 'campaign') return CAMPAIGN.test(text.slice(cue.end, span.end + TAIL))
  return true
}

/**
 * A headline or lead sentence of `subject` with a follow-on cue (lawsuit, paused contracts, fine)
 * naming a victim or product that belongs to `target`, which must have started no later than
 * `subject`. Only leads count: a follow-on story opens with the follow-on ("Meta has suspended
 * its collaboration with Mercor"), while an aside deep in a story about something else ("his
 * firm sued LinkedIn after a 2012 breach") is no link.
 */
export function relatedEvidence(
  ctx: MatchContext,
  subject: LinkIncident,
  target: LinkIncident,
): string | null {
  if (target.firstSeen > subject.firstSeen) return null
  const keys = keyEntities(ctx, target).filter(
    (e) =>
      (e.type === 'organization' || e.type === 'software') &&
      // A tie goes to the earlier incident: a follow-on headline names the victim as often as
      // the original story does.
      centrality(ctx, e, target) >= centrality(ctx, e, subject),
  )
  if (keys.length === 0) return null
  for (const text of leads(ctx, subject)) {
    if (!relatedCue(text)) continue
    if (keys.some((e) => entitySpans(ctx, e, text).length > 0)) return text
  }
  return null
}

// `same_actor` evidence: two incidents attributed to one named threat actor, or one incident's
// actor described as "the group that hacked <the other's victim>". Pure; see links.ts.
import { actorBehind } from './link-cues.js'
import { centrality, entitySpans, isGeneric, keyEntities, type MatchContext } from './link-match.js'
import type { LinkIncident } from './links.js'

/** "the group that hacked MGM": the victim must follow the cue this closely. */
const BEHIND_WINDOW = 40

/**
 * A sentence of `current` naming a threat actor that both incidents list. Not when the actor is
 * explained by a causal chain: Mercor, breached through LiteLLM, names TeamPCP because TeamPCP
 * poisoned LiteLLM, which makes it no separate operation of TeamPCP next to the Trivy compromise.
 */
export function sharedActorEvidence(
  ctx: MatchContext,
  current: LinkIncident,
  other: LinkIncident,
  causal: LinkIncident[],
): string | null {
  const theirs = new Set(other.entities.filter((e) => e.type === 'threat_actor').map((e) => e.id))
  const shared = current.entities
    .filter((e) => e.type === 'threat_actor' && !isGeneric(e) && theirs.has(e.id))
    .filter((e) => !causal.some((c) => c.entities.some((x) => x.id === e.id)))
    .sort(
      (a, b) =>
        centrality(ctx, b, current) - centrality(ctx, a, current) || a.id.localeCompare(b.id),
    )
  for (const actor of shared) {
    const s = current.sentences.find((x) => entitySpans(ctx, actor, x.text).length > 0)
    if (s) return s.text
  }
  return null
}

/**
 * A sentence of `subject`, which names an actor of its own, calling that actor the one behind
 * `target`'s attack: "the UNC3944 group that hacked MGM", "MGM hackers broadening targets".
 */
export function actorBehindEvidence(
  ctx: MatchContext,
  subject: LinkIncident,
  target: LinkIncident,
): string | null {
  const ownActor = keyEntities(ctx, subject).some((e) => e.type === 'threat_actor')
  if (!ownActor) return null
  const victims = keyEntities(ctx, target).filter(
    (e) => e.type === 'organization' && centrality(ctx, e, target) > centrality(ctx, e, subject),
  )
  for (const s of subject.sentences) {
    for (const v of victims) {
      for (const span of entitySpans(ctx, v, s.text)) {
        const before = s.text.slice(Math.max(0, span.start - BEHIND_WINDOW), span.start)
        if (actorBehind(before, s.text.slice(span.end))) return s.text
      }
    }
  }
  return null
}

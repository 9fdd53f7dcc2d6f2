// `same_actor` evidence: two incidents attributed to one named threat actor, or one incident's
// actor described as "the group that hacked <the other's victim>". Pure; see links.ts.
import { ASIDE, actorBehind } from './link-cues.js'
import {
  centrality,
  entitySpans,
  isGeneric,
  keyEntities,
  KEY_SHARE,
  type MatchContext,
} from './link-match.js'
import type { LinkEntity, LinkIncident } from './links.js'

/** "the group that hacked MGM": the victim must follow the cue this closely. */
const BEHIND_WINDOW = 40

/**
 * A sentence of `current` naming a threat actor that both incidents list, as the actor of each
 * of them: the actor is central to at least one of the two, and each names it at least once
 * outside a comparison or a look back ("a similar method to Fancy Bear's", "a tool leaked by the
 * Shadow Brokers earlier this year"). Not when the actor is explained by a causal chain: Mercor,
 * breached through LiteLLM, names TeamPCP because TeamPCP poisoned LiteLLM, which makes it no
 * separate operation of TeamPCP next to the Trivy compromise.
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
    .filter((e) => Math.max(centrality(ctx, e, current), centrality(ctx, e, other)) >= KEY_SHARE)
    .sort(
      (a, b) =>
        centrality(ctx, b, current) - centrality(ctx, a, current) || a.id.localeCompare(b.id),
    )
  for (const actor of shared) {
    const evidence = plainMention(ctx, actor, current)
    if (evidence && plainMention(ctx, actor, other)) return evidence
  }
  return null
}

function plainMention(ctx: MatchContext, actor: LinkEntity, inc: LinkIncident): string | null {
  const s = inc.sentences.find(
    (x) => !ASIDE.test(x.text) && entitySpans(ctx, actor, x.text).length > 0,
  )
  return s?.text ?? null
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

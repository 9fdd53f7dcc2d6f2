// `related` evidence: a non-causal follow-on story (lawsuit, paused contracts, fine) about the
// victim or product of an earlier security incident. Pure; see links.ts.
import { BREACH, relatedCue } from './link-cues.js'
import { centrality, entitySpans, keyEntities, leads, type MatchContext } from './link-match.js'
import type { LinkIncident } from './links.js'

/**
 * A headline or lead sentence of `subject` with a follow-on cue naming a victim or product that
 * `target`, an earlier security incident, is about (its title names it next to a breach word).
 * Only leads count, and they must speak of the breach: a follow-on story opens with the
 * follow-on ("Meta has suspended its collaboration with Mercor following a supply chain
 * attack"), while "Authors sue OpenAI over training data" is no follow-on of a ChatGPT phishing
 * story, nor is an aside deep in a story about something else.
 */
export function relatedEvidence(
  ctx: MatchContext,
  subject: LinkIncident,
  target: LinkIncident,
): string | null {
  if (target.firstSeen > subject.firstSeen || !BREACH.test(target.title)) return null
  const keys = keyEntities(ctx, target).filter(
    (e) =>
      (e.type === 'organization' || e.type === 'software') &&
      entitySpans(ctx, e, target.title).length > 0 &&
      centrality(ctx, e, target) > centrality(ctx, e, subject),
  )
  if (keys.length === 0) return null
  const subjectLeads = leads(ctx, subject)
  if (!subjectLeads.some((text) => BREACH.test(text))) return null
  for (const text of subjectLeads) {
    if (!relatedCue(text)) continue
    if (keys.some((e) => entitySpans(ctx, e, text).length > 0)) return text
  }
  return null
}

// Rules that name their cue words. A rule whose cue is absent from an article is not run, so a
// name-first regex ("X was hacked", "X devices") costs one cheap scan on articles without it.
import type { Candidate } from './types.js'
import type { Doc } from './doc.js'
import { applyRules, rule, type Rule, type RuleOptions } from './rules.js'
import type { EntityType } from '../../core/types.js'

export interface Cued {
  rule: Rule
  cue: RegExp
}

/** `cue`: space-separated words (any case, `_` for a space inside a phrase) or a RegExp. */
export const cued = (cue: string | RegExp, rule: Rule): Cued => ({
  rule,
  cue:
    typeof cue === 'string'
      ? new RegExp(
          String.raw`\b(?:${cue.trim().split(/\s+/).join('|').replaceAll('_', ' ')})`,
          'iu',
        )
      : cue,
})

export function applyCued(doc: Doc, rules: readonly Cued[]): Candidate[] {
  const active = rules.filter((c) => c.cue.test(doc.text)).map((c) => c.rule)
  return active.length ? applyRules(doc, active) : []
}

/**
 * A rule for a name written before its cue ("X was hacked"): `tail` is the regex after the name,
 * and is also the cue, so the name-first regex runs only where the tail occurs.
 */
export const nameFirst = (type: EntityType, name: string, tail: string, opts: RuleOptions): Cued =>
  cued(new RegExp(tail, 'u'), rule(type, `${name}${tail}`, opts))

/** A rule for a name written after its cue ("hackers breached X"): `head` is the cue. */
export const cueFirst = (type: EntityType, head: string, name: string, opts: RuleOptions): Cued =>
  cued(new RegExp(head, 'u'), rule(type, `${head}${name}`, opts))

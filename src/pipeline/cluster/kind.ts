// Items that report no specific event (webinars, funding news, how-tos, round-ups, opinion) stay
// alone as not-an-incident, so they never pull unrelated reports together.
import type { IncidentKind } from '../../core/types.js'

const NOT_EVENT_TITLE: RegExp[] = [
  /\bwebinar\b|\bpodcast\b|\bsummit\b|\bvirtual event\b|\bsponsored\b/i,
  /\b(raises?|raised|secures?|scores?|lands?|bags?)\b.*[$€£]\s?\d|\bfunding\b|\bseries [a-e]\b|\bseed round\b/i,
  /\bacquires?\b|\bacquisition\b|\bto acquire\b/i,
  /^(how|why|what|when|where)\b|\bhow to\b|\bguide\b|\btips\b|\bbest practices\b|\bexplained\b/i,
  /^\d+\s+(steps|ways|tips|things|reasons|mistakes|pitfalls|best)\b|\btop \d+\b/i,
  /\bnewsletter\b|\bweek in (review|ransomware|security)\b|\bin other news\b|\bweekly recap\b|\broundup\b|\bround-up\b|\bthis week\b/i,
  /\bcumulative update\b|\bupdate released with\b|\bgets? (new )?(feature|support)\b/i,
  // Product and policy news: a vendor changing its product is not a security event.
  /\brolls? out\b|\bwill (block|remove|retire|disable|require|end)\b|\bis losing\b|\bnew (\w+ )?feature\b|\bextends?\b.*\bsupport\b|\bdeprecat/i,
  /\blaunch(es|ed)?\b.*\b(platform|product|service|solution|tool)\b|\bunveils?\b|\bintroduces?\b/i,
  /\?\s*$/,
]

/** Titles that clearly report an event win over the not-an-event patterns. */
const EVENT_TITLE =
  /\b(breach(ed)?|hacked|ransomware attack|compromised?|exploited|leak(ed|s)?|stole|stolen|arrested|charged|sentenced|seized|takedown|disrupt(ed|s)|zero-day|0-day|CVE-\d{4}-\d+|claims?|outage|attack on|targets?|targeting|abus(e|es|ed|ing)|hijack(s|ed|ing)?|backdoor(s|ed)?|malicious)\b/i

export function classifyKind(title: string): IncidentKind {
  const t = title.trim()
  if (
    EVENT_TITLE.test(t) &&
    !/\bwebinar\b|\bpodcast\b|\bnewsletter\b|\bin other news\b|\bweek in\b/i.test(t)
  ) {
    return 'incident'
  }
  return NOT_EVENT_TITLE.some((re) => re.test(t)) ? 'not_incident' : 'incident'
}

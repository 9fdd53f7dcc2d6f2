// Incident-level quality against gold incidents: each gold incident is matched to the predicted
// incident holding most of its articles; then timeline date recall and key-entity coverage.
import { normalizeName } from '../../src/core/ids.js'
import type { GoldArticle, GoldIncident } from './gold.js'

export interface PredictedIncident {
  id: string
  summary: string
  entities: { name: string; type: string }[]
  timeline: { date: string }[]
}

export interface IncidentScores {
  matched: number
  timelineDates: { found: number; total: number }
  keyEntities: { found: number; total: number }
}

export function matchGoldIncidents(
  articles: GoldArticle[],
  incidentOf: Map<string, string | null>,
): Map<string, string> {
  const votes = new Map<string, Map<string, number>>()
  for (const a of articles) {
    const pred = incidentOf.get(a.id)
    if (!a.incident || !pred) continue
    const v = votes.get(a.incident) ?? new Map<string, number>()
    v.set(pred, (v.get(pred) ?? 0) + 1)
    votes.set(a.incident, v)
  }
  const out = new Map<string, string>()
  for (const [gold, v] of votes) {
    const best = [...v.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]
    if (best) out.set(gold, best[0])
  }
  return out
}

export function scoreIncidents(
  gold: GoldIncident[],
  match: Map<string, string>,
  predicted: Map<string, PredictedIncident>,
): IncidentScores {
  const s: IncidentScores = {
    matched: 0,
    timelineDates: { found: 0, total: 0 },
    keyEntities: { found: 0, total: 0 },
  }
  for (const g of gold) {
    const p = predicted.get(match.get(g.incident) ?? '')
    if (p) s.matched++
    const dates = new Set(p?.timeline.map((e) => e.date) ?? [])
    for (const d of new Set(g.timeline.map((e) => e.date))) {
      s.timelineDates.total++
      if (dates.has(d)) s.timelineDates.found++
    }
    const names = new Set(p?.entities.map((e) => normalizeName(e.name)) ?? [])
    const summary = ` ${normalizeName(p?.summary ?? '')} `
    for (const k of g.key_entities) {
      s.keyEntities.total++
      const n = normalizeName(k)
      if (names.has(n) || summary.includes(` ${n} `)) s.keyEntities.found++
    }
  }
  return s
}

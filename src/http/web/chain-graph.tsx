/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The chain of linked incidents as a small SVG: one column of nodes, causes above this incident
// and consequences below (so the chain reads top to bottom in time), other links after them;
// links are arcs on the right, labelled by relation, with the arrow at the incident it points to.
// No script, no layout engine: positions are computed here, text is escaped by hono/jsx.
import type { IncidentRelation } from '../../core/types.js'
import type { IncidentDetail } from '../../storage/repository.js'
import { incidentHref, RELATION_LABEL, wrapText } from './format.js'

const BOX_X = 8
const BOX_W = 252
const WIDTH = 420
const GAP = 26
const LINE = 18
const CHARS = 31

type Related = IncidentDetail['related'][number]

interface Node {
  id: string
  title: string
  lines: string[]
  self: boolean
  y: number
  h: number
  links: Related[]
}

/** Upstream (this was caused by them), downstream (caused by this), then same actor / related. */
function order(related: Related[]): Map<string, Related[]> {
  const rank = (r: Related) =>
    r.relation === 'caused_by' ? (r.direction === 'outgoing' ? 0 : 2) : 3
  const byId = new Map<string, Related[]>()
  for (const r of [...related].sort((a, b) => rank(a) - rank(b)))
    byId.set(r.id, [...(byId.get(r.id) ?? []), r])
  return byId
}

function layout(incident: IncidentDetail): { nodes: Node[]; height: number } {
  const groups = [...order(incident.related)]
  const up = groups.filter(([, ls]) => ls.some((l) => isUpstream(l)))
  const rest = groups.filter(([, ls]) => !ls.some((l) => isUpstream(l)))
  const entries: [string, string, Related[], boolean][] = [
    ...up.map(([id, ls]) => [id, ls[0]!.title, ls, false] as [string, string, Related[], boolean]),
    [incident.id, incident.title, [], true],
    ...rest.map(
      ([id, ls]) => [id, ls[0]!.title, ls, false] as [string, string, Related[], boolean],
    ),
  ]
  let y = 8
  const nodes = entries.map(([id, title, links, self]) => {
    const lines = wrapText(title, CHARS, 3)
    const h = 18 + lines.length * LINE + (self ? 14 : 0)
    const node = { id, title, lines, self, y, h, links }
    y += h + GAP
    return node
  })
  return { nodes, height: y - GAP + 8 }
}

const isUpstream = (l: Related) => l.relation === 'caused_by' && l.direction === 'outgoing'

export function ChainGraph({ incident }: { incident: IncidentDetail }) {
  const { nodes, height } = layout(incident)
  const self = nodes.find((n) => n.self)!
  return (
    <svg
      class="chain"
      role="img"
      aria-label="Incident chain"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
    >
      <defs>
        {(['caused_by', 'other'] as const).map((kind) => (
          <marker
            id={`arrow-${kind}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" class={`arrow ${kind}`} />
          </marker>
        ))}
      </defs>
      {nodes
        .filter((n) => !n.self)
        .map((n) => (
          <Edge self={self} other={n} distance={Math.abs(nodes.indexOf(n) - nodes.indexOf(self))} />
        ))}
      {nodes.map((n) => (
        <NodeBox node={n} />
      ))}
    </svg>
  )
}

function Edge({ self, other, distance }: { self: Node; other: Node; distance: number }) {
  const relation: IncidentRelation = other.links[0]!.relation
  const outgoing = other.links[0]!.direction === 'outgoing'
  const x = BOX_X + BOX_W
  const [y1, y2] = outgoing
    ? [self.y + self.h / 2, other.y + other.h / 2]
    : [other.y + other.h / 2, self.y + self.h / 2]
  const bulge = Math.min(44 + 26 * distance, 110)
  const label = [...new Set(other.links.map((l) => RELATION_LABEL[l.relation]))].join(' · ')
  const lx = x + bulge * 0.75 + 6
  const ly = (y1 + y2) / 2
  const marker = relation === 'caused_by' ? 'caused_by' : 'other'
  return (
    <g>
      <path
        class={`edge ${relation}`}
        d={`M${x + 2} ${y1}C${x + bulge} ${y1} ${x + bulge} ${y2} ${x + 4} ${y2}`}
        marker-end={`url(#arrow-${marker})`}
      />
      <rect x={lx - 3} y={ly - 11} width={label.length * 6.8 + 6} height={16} class="label-bg" />
      <text x={lx} y={ly + 1} class={`edge-label ${relation}`}>
        {label}
      </text>
    </g>
  )
}

function NodeBox({ node }: { node: Node }) {
  const top = node.y + (node.self ? 14 : 0)
  return (
    <a href={incidentHref(node.id)} tabindex={-1} class={node.self ? 'node self' : 'node'}>
      <title>{node.self ? `This incident: ${node.title}` : node.title}</title>
      <rect x={BOX_X} y={node.y} width={BOX_W} height={node.h} rx="8" />
      {node.self && (
        <text x={BOX_X + 12} y={node.y + 19} class="kind">
          THIS INCIDENT
        </text>
      )}
      {node.lines.map((line, i) => (
        <text x={BOX_X + 12} y={top + 22 + i * LINE}>
          {line}
        </text>
      ))}
    </a>
  )
}

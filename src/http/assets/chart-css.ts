// Styles of the two inline SVG figures (incident chain, incidents over time). SVG text and shapes
// take the page's CSS variables, so both figures follow the light and dark themes.
export const CHART_CSS = `
figure{margin:1rem 0}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.35rem}
svg.chain,svg.activity{display:block;width:100%;height:auto;font-family:var(--sans)}
svg.chain{max-width:29rem}svg.activity{max-width:44rem}
.chain .node rect{fill:var(--surface);stroke:var(--line);stroke-width:1.5}
.chain .node text{fill:var(--fg);font-size:14px}
.chain .node .kind{fill:var(--muted);font-size:11px;font-weight:700;letter-spacing:.04em}
.chain .node.self rect{fill:var(--accent-soft);stroke:var(--accent);stroke-width:2}
.chain a:hover rect{stroke:var(--accent)}
.chain a:hover text{text-decoration:underline}
.chain .edge{fill:none;stroke:var(--muted);stroke-width:1.6}
.chain .edge.caused_by{stroke:var(--accent);stroke-width:2}
.chain .edge.same_actor{stroke-dasharray:6 4}
.chain .edge.related{stroke-dasharray:2 4}
.chain .edge-label{fill:var(--muted);font-size:12px;font-weight:600}
.chain .edge-label.caused_by{fill:var(--accent)}
.chain .label-bg{fill:var(--bg)}
.chain .arrow{fill:var(--muted)}.chain .arrow.caused_by{fill:var(--accent)}
.activity .bar{fill:var(--accent)}
.activity .bar:hover{opacity:.8}
.activity .axis{stroke:var(--line)}
.activity .tick{fill:var(--muted);font-size:11px}
@media (max-width:40rem){.activity .tick{font-size:19px}}
`

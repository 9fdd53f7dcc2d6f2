// CycloneDX SBOMs, JSON and XML. Components nest (`components` inside a component); the
// `metadata.component` is the product the SBOM describes, not a dependency, and is skipped.
// A component's purl names its ecosystem; without one, name and group are used as they are.
import { load } from 'cheerio/slim'
import { badInput, dedupePackages, isRecord, parseJson, str } from './names.js'
import { parsePurl } from './purl.js'
import type { ParsedLockfile, WatchPackage } from './types.js'

const FILE = 'CycloneDX SBOM'
/** Without a purl, only these component types are software packages. */
const PACKAGE_TYPES = new Set(['library', 'framework', 'application'])

interface RawComponent {
  type: string | null
  name: string | null
  group: string | null
  version: string | null
  purl: string | null
}

function toPackage(c: RawComponent): WatchPackage | null {
  const fromPurl = c.purl ? parsePurl(c.purl) : null
  if (fromPurl) return { ...fromPurl, version: fromPurl.version ?? c.version }
  if (!c.name || (c.type && !PACKAGE_TYPES.has(c.type))) return null
  const name = !c.group
    ? c.name
    : c.group.startsWith('@')
      ? `${c.group}/${c.name}`
      : `${c.group}:${c.name}`
  return { ecosystem: 'generic', name, version: c.version }
}

function collect(raw: RawComponent[]): ParsedLockfile {
  const packages: WatchPackage[] = []
  let skipped = 0
  for (const c of raw) {
    const pkg = toPackage(c)
    if (pkg) packages.push(pkg)
    else skipped++
  }
  const warnings = skipped > 0 ? [`${skipped} component(s) that are not packages skipped`] : []
  const generic = packages.filter((p) => p.ecosystem === 'generic').length
  if (generic > 0) warnings.push(`${generic} component(s) without a purl: ecosystem unknown`)
  return { format: 'cyclonedx', packages: dedupePackages(packages), warnings }
}

export function parseCycloneDxJson(content: string): ParsedLockfile {
  const doc = parseJson(FILE, content)
  if (!isRecord(doc) || doc.bomFormat !== 'CycloneDX')
    throw badInput(FILE, 'no "bomFormat": "CycloneDX": not a CycloneDX document')
  const raw: RawComponent[] = []
  walkJson(doc.components, raw, 0)
  return collect(raw)
}

/** Depth-first, in document order; depth is capped (a hostile SBOM could nest without end). */
function walkJson(components: unknown, out: RawComponent[], depth: number): void {
  if (!Array.isArray(components) || depth > 64) return
  for (const c of components as unknown[]) {
    if (!isRecord(c)) continue
    out.push({
      type: str(c.type),
      name: str(c.name),
      group: str(c.group),
      version: str(c.version),
      purl: str(c.purl),
    })
    walkJson(c.components, out, depth + 1)
  }
}

export function parseCycloneDxXml(content: string): ParsedLockfile {
  const $ = load(content, { xml: true })
  const bom = $('bom').first()
  if (bom.length === 0 || !/cyclonedx/i.test(bom.attr('xmlns') ?? ''))
    throw badInput(FILE, 'no <bom> element in the CycloneDX namespace: not a CycloneDX document')
  const raw: RawComponent[] = []
  bom.find('component').each((_, el) => {
    const c = $(el)
    if (c.parents('metadata').length > 0) return
    const child = (tag: string) => str(c.children(tag).first().text())
    raw.push({
      type: str(c.attr('type')),
      name: child('name'),
      group: child('group'),
      version: child('version'),
      purl: child('purl'),
    })
  })
  return collect(raw)
}

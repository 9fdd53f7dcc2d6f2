// Builds small RSS 2.0 documents in tests, for feeds whose items are generated (one per fault
// scenario, or hundreds for the kill test). Fixed fault documents live in test/fixtures instead.

export interface RssItem {
  title: string
  link: string
  description: string
  /** ISO-8601; written as an RFC 822 date, as RSS wants. */
  published: string
  guid?: string
}

const escapeXml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')

export function rssFeed(title: string, items: RssItem[], opts: { ttlMinutes?: number } = {}) {
  const entries = items.map(
    (i) => `    <item>
      <title>${escapeXml(i.title)}</title>
      <link>${escapeXml(i.link)}</link>
      <guid isPermaLink="false">${escapeXml(i.guid ?? i.link)}</guid>
      <pubDate>${new Date(i.published).toUTCString()}</pubDate>
      <description>${escapeXml(i.description)}</description>
    </item>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${escapeXml(title)}</title>
    <link>https://${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.test/</link>
    <description>Test feed</description>
${opts.ttlMinutes ? `    <ttl>${opts.ttlMinutes}</ttl>\n` : ''}${entries.join('\n')}
  </channel>
</rss>
`
}

/** An OPML document listing `feeds`, for adding many feeds with one `sitrep feeds import`. */
export function opml(feeds: { url: string; name: string }[]): string {
  const outlines = feeds.map(
    (f) => `    <outline type="rss" text="${escapeXml(f.name)}" xmlUrl="${escapeXml(f.url)}"/>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>test feeds</title></head>
  <body>
${outlines.join('\n')}
  </body>
</opml>
`
}

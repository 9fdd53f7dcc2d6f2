// Atom 1.0 (RFC 4287) for a topic feed. Built from escaped pieces only (see xml.ts).
import type { FeedEntry, TopicFeed } from './feed-data.js'
import { el } from './xml.js'

const AUTHOR = '<author><name>sitrep</name></author>'

export function renderAtom(feed: TopicFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    el('id', {}, `urn:sitrep:topic:${encodeURIComponent(feed.key)}`),
    el('title', { type: 'text' }, feed.title),
    el('subtitle', { type: 'text' }, feed.description),
    el('updated', {}, feed.updated),
    el('link', { rel: 'self', type: 'application/atom+xml', href: feed.atomUrl }),
    el('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
    el('link', { rel: 'alternate', type: 'application/feed+json', href: feed.jsonUrl }),
    AUTHOR,
    el('generator', {}, 'sitrep'),
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n')
}

function entry(e: FeedEntry): string {
  return [
    '<entry>',
    el('id', {}, e.id),
    el('title', { type: 'text' }, e.title),
    el('updated', {}, e.updated),
    el('published', {}, e.published),
    el('link', { rel: 'alternate', type: 'text/html', href: e.url }),
    el('summary', { type: 'text' }, e.summary),
    ...e.categories.map((c) => el('category', { term: c.term, label: c.label, scheme: c.scheme })),
    AUTHOR,
    '</entry>',
  ].join('\n')
}

// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) for a topic feed.
import type { TopicFeed } from './feed-data.js'

export function renderJsonFeed(feed: TopicFeed, baseUrl: string): Record<string, unknown> {
  const authors = [{ name: 'sitrep', url: `${baseUrl}/` }]
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.jsonUrl,
    description: feed.description,
    language: 'en',
    authors,
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.summary || e.title,
      summary: e.summary,
      date_published: e.published,
      date_modified: e.updated,
      tags: [...new Set(e.categories.map((c) => c.term))],
      authors,
    })),
  }
}

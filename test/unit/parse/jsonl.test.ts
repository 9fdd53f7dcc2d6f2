import { describe, expect, it } from 'vitest'
import { parseJsonLines } from '../../../src/pipeline/parse/jsonl.js'
import { fixture } from './fixture.js'

const now = new Date('2024-05-20T00:00:00Z')

describe('parseJsonLines', () => {
  it('parses good lines, skips blanks and reports bad lines by number', () => {
    const { items, errors } = parseJsonLines(fixture('items.jsonl'), now)
    expect(items).toEqual([
      {
        url: 'https://news.example.test/a',
        title: 'Alpha breach',
        published: '2024-05-01T12:00:00.000Z',
        text: 'Alpha disclosed a breach.',
        source: 'Example News',
        guid: null,
      },
      {
        url: 'https://news.example.test/b',
        title: 'Beta',
        published: null,
        text: 'Plain text body.',
        source: null,
        guid: null,
      },
      {
        url: 'https://news.example.test/c',
        title: 'Gamma',
        published: '2024-05-01T12:00:00.000Z',
        text: 'Epoch date.',
        source: null,
        guid: null,
      },
    ])
    expect(errors).toEqual([
      { line: 4, message: 'line 4: missing url' },
      { line: 6, message: 'line 6: not valid JSON' },
    ])
  })

  it('explains wrong types, non-objects and unusable URLs', () => {
    const text = [
      '{"url": 42, "title": "x"}',
      '["not", "an", "object"]',
      '{"url": "ftp://x.test/a", "title": "x"}',
      '{"url": "https://x.test/a", "title": ["x"]}',
    ].join('\n')
    expect(parseJsonLines(text, now).errors.map((e) => e.message)).toEqual([
      'line 1: url must be a string',
      'line 2: expected a JSON object',
      'line 3: url is not an absolute http(s) URL',
      'line 4: title must be a string',
    ])
  })

  it('falls back to the text for a missing title and clamps future dates', () => {
    const line = '{"url": "https://x.test/a", "text": "Body only", "published": "2031-01-01"}'
    expect(parseJsonLines(line, now).items[0]).toMatchObject({
      title: 'Body only',
      published: now.toISOString(),
    })
  })
})

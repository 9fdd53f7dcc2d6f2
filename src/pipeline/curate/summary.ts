// An editor's summary as summary sentences. Sentences the editor kept word for word keep their
// citation; new or reworded ones carry none (empty article id and URL): sitrep does not claim
// a source said what an editor wrote.
import type { SummarySentence } from '../../core/types.js'
import { splitSentences } from '../summarize/sentences.js'

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase()

export function editedSummary(
  text: string,
  previous: readonly SummarySentence[],
): SummarySentence[] {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) return []
  const cited = new Map(previous.map((s) => [norm(s.text), s]))
  const parts = splitSentences(clean)
  // The splitter drops nothing from plain prose; should it ever, keep the editor's text whole.
  const sentences = norm(parts.join(' ')) === norm(clean) ? parts : [clean]
  return sentences.map((sentence) => {
    const source = cited.get(norm(sentence))
    return {
      text: sentence,
      articleId: source?.articleId ?? '',
      sourceUrl: source?.sourceUrl ?? '',
    }
  })
}

/** The plain text of a summary, as the API's `summary` string shows it. */
export const summaryText = (s: readonly SummarySentence[]) => s.map((x) => x.text).join(' ')

// Counting a name's whole-word occurrences, for names found once through a cue.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function countOccurrences(text: string, name: string): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}$])${escape(name)}(?![\\p{L}\\p{N}$])`, 'gu')
  return [...text.matchAll(re)].length
}

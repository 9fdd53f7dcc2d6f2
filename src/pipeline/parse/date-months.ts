// Month names for hand-parsed feed dates. Non-English feeds localise the RFC 822 month while
// keeping its layout ("Seg, 24 Set 2018", "Di, 5 Mär 2024", "12 févr. 2024"), so besides English
// we know the German, French, Spanish, Portuguese, Italian and Dutch names (accents stripped).
// A word is a month when it is a prefix (3+ letters) of names of exactly one month.

const NAMES: readonly string[] = [
  'january januar janvier enero janeiro gennaio januari',
  'february februar fevrier febrero fevereiro febbraio februari',
  'march marz mrz mars marzo marco maart mrt',
  'april avril abril aprile',
  'may mai mayo maio maggio mei',
  'june juni juin junio junho giugno',
  'july juli juillet julio julho luglio',
  'august aout agosto augustus',
  'september septembre septiembre setembro settembre',
  'october oktober octobre octubre outubro ottobre',
  'november novembre noviembre novembro',
  'december dezember decembre diciembre dezembro dicembre',
]

const MONTH_NAMES: readonly (readonly string[])[] = NAMES.map((line) => line.split(' '))

const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')

/** 1-12 for a month name or abbreviation ("Sept", "févr.", "Mär"), 0 otherwise. */
export function monthIndex(word: string): number {
  const w = stripAccents(word.toLowerCase()).replace(/\.$/, '')
  if (w.length < 3) return 0
  const months = MONTH_NAMES.flatMap((names, i) => (names.some((n) => n.startsWith(w)) ? [i] : []))
  // "jui" is both juin and juillet: an ambiguous abbreviation is no month.
  return months.length === 1 ? (months[0] as number) + 1 : 0
}

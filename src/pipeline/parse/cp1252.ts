// C1 control characters (U+0080..U+009F) read as the windows-1252 bytes they almost always are.
// No real text contains C1 controls; they appear when windows-1252 punctuation went through a
// Latin-1 decoder ("don\u0092t" for "don’t"), either in the bytes or as `&#146;` references.
// The five bytes windows-1252 leaves unmapped map to themselves.
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** `text` with C1 controls replaced by their windows-1252 characters. */
export function fixC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1.charAt(c.charCodeAt(0) - 0x80))
}

// Long lines of prose full of product names ("fixed flaws in Microsoft Windows, Internet
// Explorer, Microsoft Edge, ChakraCore, ...") can look Title Case to the tokenizer. A headline is
// short and is one sentence: longer lines with sentence punctuation are prose.
const LONG_LINE = 120
const SENTENCE_PUNCT = /[.;:](?:\s|$)/u

/** The line around `offset` reads as prose, whatever its capitalisation. */
export function proseLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const nl = text.indexOf('\n', offset)
  const line = text.slice(start, nl < 0 ? text.length : nl)
  return line.length >= LONG_LINE && SENTENCE_PUNCT.test(line)
}

/** Wraps a headline test so that prose lines never count as headlines. */
export const headlineTest =
  (text: string, inTitle: (offset: number) => boolean) =>
  (offset: number): boolean =>
    inTitle(offset) && !proseLine(text, offset)

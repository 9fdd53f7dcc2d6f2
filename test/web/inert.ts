// What "no executable content" means for a server-rendered page, checked on the parsed HTML (the
// parser cheerio uses, parse5, follows the HTML standard like a browser): no script or embedding
// elements, no event-handler or style attributes, and every URL attribute http(s), relative or a
// fragment. Returns the problems found, so a failure names them all.
import { load } from 'cheerio'

const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data']
const EXECUTABLE = 'script, iframe, object, embed, frame, frameset, applet, base, meta[http-equiv]'
const SAFE_URL = /^(\/(?!\/)|#|https?:\/\/)/i

export function inertProblems(html: string): string[] {
  const problems: string[] = []
  if (/<script/i.test(html)) problems.push('raw "<script" in the markup')
  const $ = load(html)
  $(EXECUTABLE).each((_, el) => {
    problems.push(`<${el.tagName}> element`)
  })
  $('style').each(() => {
    problems.push('<style> element (feed text may have closed it)')
  })
  $('*').each((_, node) => {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return
    const el = node
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) problems.push(`<${el.tagName} ${name}="${value}">`)
      if (name === 'style') problems.push(`<${el.tagName} style="${value}">`)
      if (URL_ATTRS.includes(name.toLowerCase()) && !SAFE_URL.test(value.trim()))
        problems.push(`<${el.tagName} ${name}="${value}">`)
    }
  })
  return problems
}

import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors.js'
import { toFetchError } from '../../../src/pipeline/fetch/network-error.js'

const URL = 'https://feeds.example.com/rss'
const sysError = (code: string) => Object.assign(new Error(`${code} 1.2.3.4:443`), { code })
const wrapped = (cause: unknown) => new TypeError('fetch failed', { cause })

describe('toFetchError', () => {
  it('passes our own errors through, even when wrapped', () => {
    const blocked = new AppError('blocked_address', 'refused to connect to x')
    expect(toFetchError(blocked, URL)).toBe(blocked)
    expect(toFetchError(wrapped(blocked), URL)).toBe(blocked)
  })

  it.each([
    ['ECONNREFUSED', 'connection refused'],
    ['ENOTFOUND', 'could not resolve host'],
    ['UND_ERR_CONNECT_TIMEOUT', 'connect timed out'],
    ['CERT_HAS_EXPIRED', 'TLS error (CERT_HAS_EXPIRED)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS error (ERR_TLS_CERT_ALTNAME_INVALID)'],
  ])('describes %s', (code, text) => {
    const err = toFetchError(wrapped(sysError(code)), URL)
    expect(err.code).toBe('fetch_failed')
    expect(err.message).toBe(`${text} fetching ${URL}`)
    expect(err.context).toMatchObject({ url: URL, code })
  })

  it('looks inside AggregateError from multi-address connects', () => {
    const agg = new AggregateError([sysError('ECONNREFUSED'), sysError('ECONNREFUSED')], 'failed')
    expect(toFetchError(wrapped(agg), URL).message).toBe(`connection refused fetching ${URL}`)
  })

  it('falls back to the innermost message on one line', () => {
    const err = toFetchError(wrapped(new Error('other side\nclosed')), URL)
    expect(err.message).toBe(`network error (other side closed) fetching ${URL}`)
    expect(toFetchError('weird', URL).message).toBe(`network error (weird) fetching ${URL}`)
  })
})

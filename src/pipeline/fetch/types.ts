// The HTTP seam. The pipeline never calls global fetch directly: the entry injects an HttpClient
// (on Node, one whose connections re-check every resolved address; in tests, a loopback server).

export interface HttpClient {
  /** A WHATWG fetch. Called with `redirect: 'manual'`; redirects are followed by fetchResource. */
  fetch(url: string, init: RequestInit): Promise<Response>
  /**
   * Resolves a hostname to its IP addresses, for the SSRF check before each request.
   * Absent on runtimes without DNS access (Workers), where only literal addresses are checked.
   */
  resolve?(hostname: string): Promise<string[]>
}

export interface FetchOptions {
  etag?: string | null
  lastModified?: string | null
  accept?: string
  timeoutMs: number
  maxBytes: number
  allowPrivateNetworks: boolean
  userAgent: string
  maxRedirects?: number
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string
  status: number
  /** True for 304 Not Modified; body is then empty. */
  notModified: boolean
  body: Uint8Array
  contentType: string | null
  etag: string | null
  lastModified: string | null
  /** Raw Retry-After / Cache-Control / Expires values, for the scheduler. */
  retryAfter: string | null
  cacheControl: string | null
  expires: string | null
  /** Set when every hop to the final URL was a permanent redirect (301/308). */
  permanentUrl: string | null
}

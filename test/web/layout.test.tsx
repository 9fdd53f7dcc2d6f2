/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
// The page frame: the header's editor slot ("Sign in", or "Signed in as NAME" with a POST sign-out
// form carrying the session's CSRF token) and the doctype every page starts with.
import { load } from 'cheerio'
import { describe, expect, it } from 'vitest'
import { Layout } from '../../src/http/web/layout.js'

const render = async (node: unknown) => load(String(await (node as object).toString()))

describe('layout', () => {
  it('offers "Sign in" to readers', async () => {
    const $ = await render(<Layout title="T">x</Layout>)
    expect($.html()).toMatch(/^<!DOCTYPE html>/)
    expect($('header .editor a').attr('href')).toBe('/login')
    expect($('header .editor a').text()).toBe('Sign in')
    expect($('header form').length).toBe(0)
  })

  it('shows the signed-in editor and a sign-out form with the CSRF token', async () => {
    const editor = { name: 'Editor Eve', csrfToken: 'tok123' }
    const $ = await render(
      <Layout title="T" editor={editor} current="feeds">
        x
      </Layout>,
    )
    expect($('header .editor').text()).toMatch(/Signed in as Editor Eve/)
    const form = $('header form')
    expect(form.attr('method')).toBe('post')
    expect(form.attr('action')).toBe('/logout')
    expect(form.find('input[type="hidden"][name="_csrf"]').attr('value')).toBe('tok123')
    expect(form.find('button').text()).toBe('Sign out')
    expect($('nav a[aria-current="page"]').text()).toBe('Feeds')
  })
})

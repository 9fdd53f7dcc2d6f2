// The vocabulary shared by the software rules: product nouns, registries, package names.
import { NAME, Q } from './names.js'
import { alt, ci } from './rules.js'

export const X = String.raw`${Q}(${NAME})${Q}`
export const PRODUCT_NOUN = ci(`app apps application browser plugin plug-in extension library
  package framework platform tool client firmware module SDK utility theme add-on addon wallet
  router routers operating_system messenger messaging_app game CMS IDE`)
export const HARDWARE_NOUN = alt(`devices? firmware drivers? models? hardware handsets? routers?
  cameras? controllers? modules? portal parser plugin extension apps? application library
  framework CMS forums? platform servers? OS operating_system databases? browser client users`)
export const REGISTRY =
  alt(String.raw`npm NPM PyPI RubyGems NuGet crates\.io Packagist Maven(?:\s+Central)? Go
  Python JavaScript Node\.js Ruby Rust PHP Docker VS_Code Visual_Studio_Code Chrome Firefox WordPress`)
export const PKG_NOUN = String.raw`${alt('package library module gem crate project extension plugin image')}s?`
/** A package name as registries spell it: lower case, dots, dashes, an optional @scope/. */
export const PKG = String.raw`@?[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9._-]+)?[a-z0-9]`
export const VERSION = String.raw`(?:version\s+|v)?\d+\.\d+\.\d+`
export const LEAD = alt(`the its open[- ]source popular legitimate official fake malicious
  trojanized rogue compromised poisoned backdoored`)

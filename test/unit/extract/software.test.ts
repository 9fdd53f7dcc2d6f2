// Software, packages and versions named by their context.
import { describe, expect, it } from 'vitest'
import { findSoftware } from '../../../src/pipeline/extract/software.js'

const found = (text: string) => findSoftware(text).map((c) => c.name)

describe('findSoftware', () => {
  it.each([
    ['Attackers published litellm 1.82.7 and 1.82.8 to the index.', 'litellm'],
    ['The npm package eslint-config-prettier was hijacked.', 'eslint-config-prettier'],
    ['A malicious npm package named @ctrl/tinycolor stole tokens.', '@ctrl/tinycolor'],
    ['Poisoned versions of the ultralytics package on PyPI mined crypto.', 'ultralytics'],
    ['They abused the open-source LiteLLM library to reach developers.', 'LiteLLM'],
    ['The flaw affects the Super Mario Run app for Android.', 'Super Mario Run'],
    ['Attackers abused open-source tool Trivy in the pipeline.', 'Trivy'],
    ['The bug affects Acme Gateway version 2.3.1 and later.', 'Acme Gateway'],
  ])('%s', (text, name) => {
    expect(found(text)).toContain(name)
  })

  it('does not take English words before version numbers', () => {
    expect(found('Fixes were released in version 2.3.1 and withdrawn 2.3.2 builds.')).toEqual([])
  })
})

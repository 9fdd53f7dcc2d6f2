import { findOrganizations } from '../src/pipeline/extract/organizations.js'
console.log(findOrganizations(process.argv[2]!))

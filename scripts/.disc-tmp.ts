import { discoverNames } from '../src/pipeline/extract/discover.js'
import { trimName, acceptName } from '../src/pipeline/extract/names.js'
console.log(discoverNames(process.argv[2]!))
console.log(trimName('Turkish Crime Family'), acceptName(trimName('Turkish Crime Family'), false))

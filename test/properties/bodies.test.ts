import { brokenBodiesProperty } from '../helpers/property-suites.js'

brokenBodiesProperty({ index: 0, of: 2 })

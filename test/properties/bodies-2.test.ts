import { brokenBodiesProperty } from '../helpers/property-suites.js'

brokenBodiesProperty({ index: 1, of: 2 })

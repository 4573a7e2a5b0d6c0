import { transportProperty } from '../helpers/property-suites.js'

transportProperty({ index: 1, of: 2 })

import { transportProperty } from '../helpers/property-suites.js'

transportProperty({ index: 0, of: 2 })

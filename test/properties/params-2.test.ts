import { malformedParamsProperty } from '../helpers/property-suites.js'

malformedParamsProperty({ index: 1, of: 3 })

import { malformedParamsProperty } from '../helpers/property-suites.js'

malformedParamsProperty({ index: 0, of: 3 })

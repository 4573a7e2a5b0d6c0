import { malformedParamsProperty } from '../helpers/property-suites.js'

malformedParamsProperty({ index: 2, of: 3 })

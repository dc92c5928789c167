// Section 4.3's numerical differentiation and 4.4's gradient of a function of two variables.
export { numericalDiff, H_DEFAULT, type DiffMethod, type Precision } from './diff'
export { errorVsH, ERROR_HS, type ErrorPoint } from './error'
export { secantLine, tangentLine, type Line } from './lines'
export { partialDiff, gradientAt, gradientField, BOOK_GRID, gridValues, type FieldArrow, type Grid } from './gradient'

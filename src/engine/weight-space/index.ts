export { coordinates, lossSlice, sliceGradient, valueOf, type Coordinate, type Interval, type ParamsLoss } from './slice'
export { gateLoss, PLATEAU, simpleNetLoss, xor2Loss } from './losses'

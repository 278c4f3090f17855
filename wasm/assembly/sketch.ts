// DDSketch kernels (engine/kernels/sketch/sketch.wasm.ts drives them): bins come from the bin table, counts go
// into dense u32 arrays in this module's memory, and the host builds the stores.
export { histF32, histF64 } from './lib/sketch-hist';
export { statsF64 } from './lib/sketch-stats';
export { rangeF32, rangeF64, scatterF32, scatterF64 } from './lib/sketch-groups';

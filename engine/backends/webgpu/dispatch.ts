/**
 * Dispatching more workgroups than one dimension allows (65535 on most adapters; more is dropped by
 * validation): the grid goes 2-D and shaders linearize it as wid.x + wid.y · num_workgroups.x, ignoring
 * the few indices past the count.
 */
import { GpulseError } from '../../errors.js';

export function dispatchDims(workgroups: number, maxPerDimension: number): [number, number] {
  if (workgroups <= maxPerDimension) return [workgroups, 1];
  const y = Math.ceil(workgroups / maxPerDimension);
  if (y > maxPerDimension) {
    throw new GpulseError('INPUT_TOO_LARGE', `${workgroups} workgroups exceed ${maxPerDimension}² in one dispatch`);
  }
  // Spread evenly over the rows so at most y − 1 workgroups idle.
  return [Math.ceil(workgroups / y), y];
}

export function dispatch2d(pass: GPUComputePassEncoder, workgroups: number, maxPerDimension: number): void {
  if (workgroups === 0) return;
  const [x, y] = dispatchDims(workgroups, maxPerDimension);
  pass.dispatchWorkgroups(x, y);
}

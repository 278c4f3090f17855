import { kernelCases } from './run-kernel-cases.js';
import { groupedPercentileCases, percentileCases } from './cases/percentile.cases.js';

kernelCases('percentile', percentileCases);
kernelCases('groupedPercentile', groupedPercentileCases);

/**
 * catch22 / catch24 against the reference suite in ../shared/data/catch22 (read in place, never
 * copied): every MANIFEST case with an expected file, every feature. Real-valued features must agree
 * within 1e-9 absolute or relative; integer features exactly; ratios of integers to the reference's
 * printed precision (14 decimals). Pathological inputs give NaN rows and a status, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { catch22Series, SeriesStatus } from '../../engine/kernels/features/catch22/catch22.js';
import {
  CATCH24_NAMES, type Catch24Name,
} from '../../engine/kernels/features/catch22/names.js';

import { manifest, mismatch, readExpected, readSeries } from './catch22-suite.js';

const withExpected = manifest.filter((e) => e.expected !== null);
const groups = [...new Set(withExpected.map((e) => e.input.split('/')[0]))];

describe('catch22 reference suite', () => {
  it('has the cases GUIDE §6 describes', () => {
    expect(withExpected.length).toBeGreaterThan(500);
    expect(groups.sort()).toEqual(['basic', 'empirical', 'simulated']);
  });

  for (const group of groups) {
    it(`${group}: every case, every feature`, () => {
      const failures: string[] = [];
      let checked = 0;
      const cases = withExpected.filter((e) => e.input.startsWith(`${group}/`));
      const out = new Float64Array(24);
      for (const entry of cases) {
        const x = readSeries(entry.input);
        expect(x.length).toBe(entry.length);
        const expected = readExpected(entry.expected!);
        expect(expected.length).toBe(entry.nFeatures);
        const status = catch22Series(x, out, 0, entry.nFeatures === 24);
        if (status !== SeriesStatus.Ok) failures.push(`${entry.input}: status ${status}`);
        for (const { name, value } of expected) {
          const index = CATCH24_NAMES.indexOf(name);
          expect(index, name).toBeGreaterThanOrEqual(0);
          checked++;
          const problem = mismatch(name, out[index], value);
          if (problem) failures.push(`${entry.input} ${name}: ${problem}`);
        }
      }
      console.log(`catch22 ${group}: ${cases.length} cases, ${checked - failures.length}/${checked} case×feature checks pass`);
      expect(failures).toEqual([]);
    });
  }
});

describe('catch22 pathological inputs', () => {
  const expectedStatus: Record<string, SeriesStatus> = {
    'pathological/testConstant.txt': SeriesStatus.Constant,
    'pathological/testInf.txt': SeriesStatus.NonFinite,
    'pathological/testInfMinus.txt': SeriesStatus.NonFinite,
    'pathological/testNaN.txt': SeriesStatus.NonFinite,
    'pathological/testOneSample.txt': SeriesStatus.TooShort,
  };
  const cases = manifest.filter((e) => e.expected === null);

  it('covers every case without an expected file', () => {
    expect(cases.map((e) => e.input).sort()).toEqual(Object.keys(expectedStatus).sort());
  });

  for (const entry of cases) {
    it(`${entry.input}: NaN row and status, no throw`, () => {
      const x = readSeries(entry.input);
      expect(x.length).toBe(entry.length);
      const out = new Float64Array(30).fill(7);
      const status = catch22Series(x, out, 3, true);
      expect(status).toBe(expectedStatus[entry.input]);
      // untouched outside the row
      expect(Array.from(out.subarray(0, 3))).toEqual([7, 7, 7]);
      expect(Array.from(out.subarray(27))).toEqual([7, 7, 7]);
      const row = Array.from(out.subarray(3, 27));
      expect(row.slice(0, 22).every(Number.isNaN)).toBe(true);
      if (status === SeriesStatus.Constant) {
        // mean and std of a constant series are defined (the reference computes them on the raw data)
        expect(row[22]).toBe(x[0]);
        expect(row[23]).toBe(0);
      } else {
        expect(row.slice(22).every(Number.isNaN)).toBe(true);
      }
    });
  }
});

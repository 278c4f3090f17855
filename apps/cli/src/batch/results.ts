/** Output tables of a batch run, built row by row (thousands of rows, not millions) and written by writers.ts. */

export type ColumnType = 'STRING' | 'DOUBLE' | 'INT32' | 'TIMESTAMP';

export class ResultTable {
  readonly rows: unknown[][] = [];
  constructor(
    readonly name: string,
    readonly columns: { name: string; type: ColumnType }[],
  ) {}

  push(row: unknown[]): void {
    this.rows.push(row);
  }

  /** Sorts rows in place by the given key (partitioned runs produce rows out of order). */
  sortBy(key: (row: unknown[]) => number | string): void {
    this.rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  column(name: string): unknown[] {
    const j = this.columns.findIndex((c) => c.name === name);
    return this.rows.map((r) => r[j]);
  }
}

export interface BatchResults {
  entityPercentiles: ResultTable;
  bucketPercentiles: ResultTable;
  features?: ResultTable;
  scores?: ResultTable;
}

export const pctName = (p: number) => `p${String(Math.round(p * 1000) / 10).replace('.', '_')}`;

export function emptyResults(q: number[], featureNames: string[] | undefined, scoring: boolean): BatchResults {
  const pcts = q.map((p) => ({ name: pctName(p), type: 'DOUBLE' as const }));
  return {
    entityPercentiles: new ResultTable('entity_percentiles', [{ name: 'entity', type: 'STRING' }, { name: 'metric', type: 'STRING' }, { name: 'count', type: 'DOUBLE' }, ...pcts]),
    bucketPercentiles: new ResultTable('bucket_percentiles', [{ name: 'bucket_start', type: 'TIMESTAMP' }, { name: 'metric', type: 'STRING' }, { name: 'count', type: 'DOUBLE' }, ...pcts]),
    features: featureNames
      ? new ResultTable('features', [{ name: 'entity', type: 'STRING' }, { name: 'metric', type: 'STRING' }, { name: 'status', type: 'INT32' }, ...featureNames.map((n) => ({ name: n, type: 'DOUBLE' as const }))])
      : undefined,
    scores: scoring ? new ResultTable('anomaly_scores', [{ name: 'entity', type: 'STRING' }, { name: 'metric', type: 'STRING' }, { name: 'score', type: 'DOUBLE' }, { name: 'rank', type: 'INT32' }]) : undefined,
  };
}

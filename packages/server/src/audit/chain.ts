import { hash } from 'node:crypto';

/** Who can act: a staff member, an applicant, the system itself, or the service operator. */
export type ActorType = 'staff' | 'applicant' | 'system' | 'operator';

/** The fields of an audit entry that its hash covers. */
export interface ChainedFields {
  seq: number;
  at: number;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

/** The prevHash of the first entry: there is nothing before it. */
export const genesisHash = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and no spaces, so equal values always give equal
 * bytes whatever order their keys were written in.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i === 0 ? '' : ','}${canonicalJson(value[i])}`;
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    }
    return `${out}}`;
  }
  // JSON.stringify says undefined for what JSON cannot hold; the stored column says null.
  return JSON.stringify(value) ?? 'null';
}

/**
 * The bytes an entry's hash covers: a JSON object with its fields in one documented order (seq,
 * at, actorType, actorId, action, targetType, targetId, ip, details), so anyone can recompute it
 * from a CSV export, and `details` canonical.
 * @example canonicalEntry(entry) // '{"seq":1,"at":…,"actorType":"staff",…,"details":null}'
 */
export function canonicalEntry(entry: ChainedFields): string {
  // Written out: a loop over the names cost three times as much, for every entry written.
  const j = canonicalJson;
  return `{"seq":${j(entry.seq)},"at":${j(entry.at)},"actorType":${j(entry.actorType)},"actorId":${j(entry.actorId)},"action":${j(entry.action)},"targetType":${j(entry.targetType)},"targetId":${j(entry.targetId)},"ip":${j(entry.ip)},"details":${j(entry.details)}}`;
}

/**
 * The hash of an entry: SHA-256 (hex) of the previous entry's hash, a newline and the entry's
 * canonical JSON, so changing, removing or reordering any entry breaks every link after it.
 * @example entryHash(genesisHash, firstEntry)
 */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  return hash('sha256', `${prevHash}\n${canonicalEntry(entry)}`, 'hex');
}

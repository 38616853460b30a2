// Runtime: any (pure core). One text per value, whatever order its keys were written in: two records
// are the same content exactly when their canonical texts are equal. A record read back from a file
// or a schema may list its keys in another order than the one stored, so a plain JSON.stringify
// cannot compare them.

/**
 * JSON with every object's keys in sorted order (UTF-16 code unit order), arrays in their order, and
 * undefined members left out as JSON.stringify leaves them. Only for plain data (what JSON can hold);
 * depth is bounded by the caller (records are checked against their schemas first).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || typeof member === 'function') continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

/** Whether two plain values hold the same content (see canonicalJson). */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

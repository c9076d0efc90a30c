/**
 * Short human ticket references: `HB-` followed by 8 characters of Crockford base32 (40 random
 * bits). The alphabet has no I, L, O or U, so a reference read over the phone or copied by hand
 * survives; when reading one back, the look-alikes are mapped the way Crockford specifies.
 */
import { getRandomValues } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'HB-';
const LENGTH = 8;

/** A fresh reference; other aggregates use their own prefix (`PR-` proposals, `FL-` flags). */
export function generateReference(prefix = PREFIX): string {
  // 5 bytes = 40 bits = exactly 8 base32 characters.
  const bytes = getRandomValues(new Uint8Array(5));
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = LENGTH - 1; i >= 0; i--) text += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return prefix + text;
}

/**
 * The canonical form of a reference typed by a person ("hb-7k2m 9q0z", "HB7K2M9QOZ"), or
 * undefined when it cannot be one.
 */
export function normalizeReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith('HB')) return undefined;
  const code = compact.slice(2).replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== LENGTH || ![...code].every((char) => CROCKFORD.includes(char))) {
    return undefined;
  }
  return PREFIX + code;
}

/**
 * PEM armour (RFC 7468): signatures, CRLs and certificates arrive as DER or as base64 between
 * `-----BEGIN …-----` and `-----END …-----` lines; both come out as DER.
 */
export function derFromPemOrDer(content: Buffer): Buffer {
  if (!content.subarray(0, 64).toString('latin1').includes('-----BEGIN')) return content;
  const body = content
    .toString('latin1')
    .replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '')
    .replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
}

/**
 * The address a slip's QR code opens: the portal's public tracking page with the dossier's
 * code, `{publicUrl}/tra-cuu-ho-so?ma={code}`. It carries the code and nothing personal; the
 * tracking page still asks for the last digits of the applicant's identity number.
 */
export function trackingUrl(publicUrl: string, dossierCode: string): string {
  const code = dossierCode.trim();
  if (!code) throw new RangeError('the dossier code is required');
  const base = publicUrl.trim().replace(/\/+$/, '');
  // URL validates the base and gives its ASCII form (punycode host, percent-encoded path).
  const url = new URL(`${base}/tra-cuu-ho-so`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(`the public URL must be http or https: ${publicUrl}`);
  }
  url.search = `?ma=${encodeURIComponent(code)}`;
  return url.href;
}

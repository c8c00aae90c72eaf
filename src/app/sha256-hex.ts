/**
 * SHA-256 of bytes, hex, with Web Crypto (the browser's, or Node's global
 * one), so every face fingerprints files with the same code.
 *
 * @example await sha256Hex(new Uint8Array()) // 'e3b0c442...'
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

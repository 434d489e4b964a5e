/**
 * Only a path of this site may be a destination after signing in (no '//host', no '/\\host', no control characters).
 */
export function isLocalPath(p: unknown): p is string {
  return (
    typeof p === 'string' && p.startsWith('/') && !p.startsWith('//') && !p.includes('\\') && !/[\u0000-\u001f]/.test(p)
  );
}

/**
 * Walks a resident through the local provider's pages as a browser would (cookies, redirects)
 * until the provider redirects to the client's callback; returns that callback URL.
 */
export async function authenticateAtProvider(
  authorizationUrl: string,
  holderId: string,
  choice: 'login' | 'abort' = 'login',
): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let response = await send(authorizationUrl);
  const issuer = new URL(authorizationUrl).origin;
  for (let hops = 0; hops < 10; hops++) {
    const location = response.headers.get('location');
    if (!location) throw new Error(`provider answered ${response.status} without a redirect`);
    const next = new URL(location, issuer);
    if (next.origin !== issuer) return next;
    if (/^\/interaction\/[\w-]+$/.test(next.pathname)) {
      await send(next.toString());
      response = await send(`${next.toString()}/${choice}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ holder: holderId }).toString(),
      });
    } else {
      response = await send(next.toString());
    }
  }
  throw new Error('too many redirects at the provider');
}

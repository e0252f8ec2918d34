/**
 * A managed-identity token endpoint on loopback, shaped like Azure App Service's (the one
 * @azure/identity's DefaultAzureCredential reaches through IDENTITY_ENDPOINT and IDENTITY_HEADER),
 * so that the tests obtain every token through the standard chain, as augc does on a Batch node.
 * It refuses a request without the identity header, and issues an unsigned JWT whose audience is
 * the resource asked for: Azurite (`--oauth basic`) and the fake Batch service check the audience.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

export const TEST_TENANT = '72f988bf-0000-4000-8000-00000000a06c';

export interface TokenServer {
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER, for this process (vi.stubEnv) or a child. */
  env: Record<string, string>;
  /** The resources tokens were issued for, in order. */
  issued: string[];
  stop(): Promise<void>;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned JWT with the claims Azure services read (Azurite's basic OAuth checks these). */
export function testJwt(audience: string, lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: audience,
    iss: `https://sts.windows.net/${TEST_TENANT}/`,
    iat: now - 60,
    nbf: now - 60,
    exp: now + lifetimeSeconds,
    tid: TEST_TENANT,
    oid: '00000000-0000-4000-8000-0000000a0bc1',
    appid: '00000000-0000-4000-8000-0000000a0bc2',
  };
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

/** The audience a JWT names (what the fake Batch service checks). */
export function audienceOf(token: string): string | undefined {
  const body = token.split('.')[1];
  if (body === undefined) return undefined;
  try {
    return (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { aud?: string }).aud;
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startTokenServer(): Promise<TokenServer> {
  const secret = randomBytes(12).toString('hex');
  const issued: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const resource = url.searchParams.get('resource');
    if (url.pathname !== '/msi/token' || req.method !== 'GET')
      return answer(res, 404, { error: 'not_found' });
    if (req.headers['x-identity-header'] !== secret)
      return answer(res, 401, {
        error: 'invalid_request',
        error_description: 'no identity header',
      });
    if (url.searchParams.get('api-version') !== '2019-08-01' || !resource)
      return answer(res, 400, { error: 'invalid_request', error_description: 'bad query' });
    issued.push(resource);
    const expires = Math.floor(Date.now() / 1000) + 3600;
    return answer(res, 200, {
      access_token: testJwt(resource),
      expires_on: String(expires),
      resource,
      token_type: 'Bearer',
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    env: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: secret },
    issued,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

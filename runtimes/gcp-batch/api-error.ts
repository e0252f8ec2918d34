/**
 * One error for every way the Batch API can fail: over gRPC a failure carries a gRPC status code
 * (5 NOT_FOUND), over REST the HTTP status (404) of a GaxiosError. augc acts on the kind, and
 * shows the service's message and both names, never the request or a credential.
 */
export type BatchApiErrorKind =
  'not-found' | 'already-exists' | 'invalid' | 'denied' | 'exhausted' | 'unavailable' | 'other';

export class BatchApiError extends Error {
  constructor(
    message: string,
    readonly kind: BatchApiErrorKind,
    /** The gRPC status name or HTTP status, as reported. */
    readonly status: string,
  ) {
    super(message);
    this.name = 'BatchApiError';
  }
}

const GRPC: Readonly<Record<number, [string, BatchApiErrorKind]>> = {
  3: ['INVALID_ARGUMENT', 'invalid'],
  4: ['DEADLINE_EXCEEDED', 'unavailable'],
  5: ['NOT_FOUND', 'not-found'],
  6: ['ALREADY_EXISTS', 'already-exists'],
  7: ['PERMISSION_DENIED', 'denied'],
  8: ['RESOURCE_EXHAUSTED', 'exhausted'],
  9: ['FAILED_PRECONDITION', 'invalid'],
  14: ['UNAVAILABLE', 'unavailable'],
  16: ['UNAUTHENTICATED', 'denied'],
};

const HTTP: Readonly<Record<number, BatchApiErrorKind>> = {
  400: 'invalid',
  401: 'denied',
  403: 'denied',
  404: 'not-found',
  409: 'already-exists',
  429: 'exhausted',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

interface ErrorShape {
  code?: unknown;
  details?: unknown;
  message?: unknown;
  response?: { status?: unknown };
}

function firstLine(text: unknown): string {
  return typeof text === 'string' ? (text.split('\n')[0] ?? '').trim() : '';
}

export function batchApiErrorOf(error: unknown, what: string): BatchApiError {
  if (error instanceof BatchApiError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const http = typeof e.response?.status === 'number' ? e.response.status : undefined;
  const code = typeof e.code === 'number' ? e.code : undefined;
  let kind: BatchApiErrorKind = 'other';
  let status = typeof e.code === 'string' ? e.code : 'error';
  if (http !== undefined || (code !== undefined && code >= 100)) {
    const n = http ?? code ?? 0;
    kind = HTTP[n] ?? (n >= 500 ? 'unavailable' : 'other');
    status = `HTTP ${n}`;
  } else if (code !== undefined) {
    const known = GRPC[code];
    kind = known?.[1] ?? 'other';
    status = known?.[0] ?? `gRPC ${code}`;
  } else if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET/.test(status)) kind = 'unavailable';
  const detail = firstLine(e.details) || firstLine(e.message);
  return new BatchApiError(
    `cannot ${what} (${status})${detail ? `: ${detail}` : ''}`,
    kind,
    status,
  );
}

/** A refused API call, with the server's code and message (already in the chosen language). */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

interface ResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/** The error of a failed response, from the API's `{ error: { code, message, details } }`. */
export async function errorOf(response: ResponseLike): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
  } | null;
  return new ApiError(
    response.status,
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? `HTTP ${response.status}`,
    body?.error?.details ?? [],
  );
}

/**
 * The JSON of a successful typed-client response, or an ApiError. The type comes from the
 * server's routes through `hc<StaffAppType>`: nothing here is written by hand.
 * @example const { forms } = await ok(api.api.forms.$get());
 */
export async function ok<R extends ResponseLike & { json(): Promise<unknown> }>(
  request: Promise<R>,
): Promise<Awaited<ReturnType<R['json']>>> {
  const response = await request;
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as Awaited<ReturnType<R['json']>>;
}

/** For calls that answer 204 without a body. */
export async function done(request: Promise<ResponseLike>): Promise<void> {
  const response = await request;
  if (!response.ok) throw await errorOf(response);
}

import { AuthenticationHandler, Client, ResponseType } from '@microsoft/microsoft-graph-client';
import { DriveError } from '../../core/ports/drive';
import type { GraphDoing } from './graph-doing';
import { failure } from '../../core/failures/failure-codes';
import type { GraphEndpoint } from './graph-endpoint';
import { transportFailure } from './graph-failure';
import { FetchMiddleware, GraphCallOptions, RefreshingAuthProvider, ThrottleRetryMiddleware, TokenRefreshMiddleware } from './graph-middleware';
import type { GraphTokenSource } from './graph-token-source';
import type { RetryBudget } from './retry-policy';

export type GraphMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface GraphCall {
  /** JSON-able object, a Blob of bytes, or nothing. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** May a dropped connection be retried blindly? Defaults to true for GET. */
  readonly idempotent?: boolean;
  /** What is being done, for messages: `liệt kê thư mục "a/b"`. */
  readonly doing: GraphDoing;
}

/**
 * The Microsoft Graph client, configured for PHU: its authentication handler
 * puts the token only on the API host (never on download or upload URLs,
 * which live elsewhere), throttled calls wait and retry, a 401 gets one
 * token refresh. Responses come back raw, whatever the status.
 */
export class GraphApi {
  private readonly client: Client;

  constructor(
    readonly endpoint: GraphEndpoint,
    tokens: GraphTokenSource,
    fetchImpl: typeof fetch,
  ) {
    const auth = new RefreshingAuthProvider(tokens);
    this.client = Client.initWithMiddleware({
      middleware: [new ThrottleRetryMiddleware(), new TokenRefreshMiddleware(auth), new AuthenticationHandler(auth), new FetchMiddleware(fetchImpl)],
      baseUrl: endpoint.host,
      defaultVersion: endpoint.version,
      ...(endpoint.customHost ? { customHosts: new Set([endpoint.customHost]) } : {}),
    });
  }

  /** Sends one request (with retries); throws a DriveError only when no response came. */
  async call(budget: RetryBudget, method: GraphMethod, path: string, call: GraphCall): Promise<Response> {
    const options = new GraphCallOptions(budget, call.idempotent ?? method === 'GET');
    let request = this.client.api(path).responseType(ResponseType.RAW).middlewareOptions([options]);
    if (call.headers) request = request.headers({ ...call.headers });
    try {
      switch (method) {
        case 'GET':
          return (await request.get()) as Response;
        case 'PUT':
          return (await request.put(call.body)) as Response;
        case 'POST':
          return (await request.post(call.body)) as Response;
        case 'DELETE':
          return (await request.delete()) as Response;
      }
    } catch (err) {
      throw transportFailure(options.failure ?? err, call.doing);
    }
  }
}

/** A response's JSON body; a body that is not JSON is the service's fault. */
export async function readJson(response: Response, doing: GraphDoing): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new DriveError('failed', failure('graph_unreadable_reply', { action: doing.action, path: doing.path }));
  }
}

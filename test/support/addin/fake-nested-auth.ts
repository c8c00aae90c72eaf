/**
 * Office's side of nested app authentication, for the browser test: the
 * object Office puts at `window.nestedAppAuthBridge`, through which MSAL's
 * nestable client asks the host for tokens. The test decides who is signed
 * in and which access token the host hands out; the pane's production code
 * runs unchanged (MSAL, the sign-in, the Graph drive), only the host is a
 * stand-in, as Excel itself is.
 */

/** Who the stand-in Office has signed in. */
export interface FakeSignedInUser {
  readonly accessToken: string;
  readonly username: string;
  readonly name?: string;
  readonly tenantId?: string;
}

type Listener = (response: { data: string }) => void;

interface BridgeRequest {
  readonly method: string;
  readonly requestId: string;
  readonly tokenParams?: { readonly clientId?: string; readonly scope?: string };
}

const TENANT = '00000000-0000-4000-8000-000000000070';
const OID = '00000000-0000-4000-8000-000000000001';

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned ID token with the claims MSAL reads (it trusts the host's, as with Office). */
function idToken(user: FakeSignedInUser, clientId: string, tenantId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: clientId, iss: `https://login.microsoftonline.com/${tenantId}/v2.0`, iat: now, nbf: now, exp: now + 3600, name: user.name ?? user.username, oid: OID, preferred_username: user.username, sub: OID, tid: tenantId, ver: '2.0' };
  return `${base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.`;
}

export class FakeNestedAppAuthBridge {
  /** Set by the test: the person Office has signed in, or nobody. */
  user: FakeSignedInUser | undefined;
  /** Methods asked, in order (`GetInitContext`, `GetToken`, `GetTokenPopup`). */
  readonly requests: string[] = [];
  private readonly listeners = new Set<Listener>();

  addEventListener(_event: string, listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_event: string, listener: Listener): void {
    this.listeners.delete(listener);
  }

  postMessage(message: string): void {
    const request = JSON.parse(message) as BridgeRequest;
    this.requests.push(request.method);
    const reply = (body: Record<string, unknown>): void => {
      const data = JSON.stringify({ messageType: 'NestedAppAuthResponse', requestId: request.requestId, ...body });
      setTimeout(() => {
        for (const l of this.listeners) l({ data });
      }, 0);
    };
    if (request.method === 'GetInitContext') {
      reply({ success: true, initContext: { sdkName: 'phu-fake-office', sdkVersion: '1.0.0', capabilities: { queryAccount: false } } });
      return;
    }
    if (request.method !== 'GetToken' && request.method !== 'GetTokenPopup') {
      reply({ success: false, error: { status: 'PERSISTENT_ERROR', code: 'unsupported_method' } });
      return;
    }
    const user = this.user;
    if (!user) {
      // Nobody signed in: silent calls need the person, and the "popup" is closed unanswered.
      reply({ success: false, error: { status: request.method === 'GetToken' ? 'USER_INTERACTION_REQUIRED' : 'USER_CANCEL' } });
      return;
    }
    const tenantId = user.tenantId ?? TENANT;
    const clientId = request.tokenParams?.clientId ?? '';
    reply({
      success: true,
      token: { access_token: user.accessToken, expires_in: 3600, id_token: idToken(user, clientId, tenantId), properties: null, scope: request.tokenParams?.scope ?? '' },
      account: { environment: 'login.microsoftonline.com', homeAccountId: `${OID}.${tenantId}`, localAccountId: OID, tenantId, username: user.username, name: user.name ?? user.username },
    });
  }
}

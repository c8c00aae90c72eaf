/**
 * Delegated permission the add-in asks for: the files the signed-in person
 * can already reach, SharePoint document libraries included
 * (`Files.ReadWrite` covers only their own OneDrive). Same as the CLI.
 */
export const ADDIN_GRAPH_SCOPES: readonly string[] = ['Files.ReadWrite.All'];

/** Where the add-in signs in: configuration, never code. */
export interface AddinAuthConfig {
  /** Application (client) id of the app registration (a GUID). */
  readonly clientId: string;
  /** Tenant id or domain (`contoso.onmicrosoft.com`), or `organizations`. */
  readonly tenant: string;
  /**
   * Redirect URI of the fallback popup: a page of the add-in that calls
   * `completeSignInRedirect()`, registered as a single-page-application
   * redirect. Not used by nested app authentication.
   */
  readonly redirectUri?: string;
  readonly scopes?: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|organizations|common|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;

/**
 * Reads the configuration from named values (the build's
 * `PHU_GRAPH_CLIENT_ID`, `PHU_GRAPH_TENANT`, `PHU_GRAPH_REDIRECT_URI`,
 * `PHU_GRAPH_SCOPES` space-separated, e.g. `Sites.Selected`).
 * Returns a Vietnamese reason instead when it is missing or malformed, so
 * the task pane can say why SharePoint is unavailable.
 */
export function addinAuthConfigFrom(values: Readonly<Record<string, string | undefined>>): AddinAuthConfig | { readonly problem: string } {
  const clientId = values['PHU_GRAPH_CLIENT_ID']?.trim() ?? '';
  const tenant = values['PHU_GRAPH_TENANT']?.trim() || 'organizations';
  const redirectUri = values['PHU_GRAPH_REDIRECT_URI']?.trim();
  if (clientId === '') return { problem: 'Chưa cấu hình mã ứng dụng (PHU_GRAPH_CLIENT_ID) nên chưa dùng được SharePoint/OneDrive.' };
  if (!GUID.test(clientId)) return { problem: `Mã ứng dụng "${clientId}" không hợp lệ (cần dạng GUID).` };
  if (!TENANT.test(tenant)) return { problem: `Tenant "${tenant}" không hợp lệ (cần GUID, tên miền hoặc organizations).` };
  if (redirectUri !== undefined && redirectUri !== '' && !/^https:\/\//i.test(redirectUri)) return { problem: 'Địa chỉ chuyển hướng đăng nhập phải dùng https.' };
  const scopes = (values['PHU_GRAPH_SCOPES'] ?? '').split(/[\s,]+/).filter((x) => x !== '');
  return { clientId, tenant, ...(redirectUri ? { redirectUri } : {}), ...(scopes.length > 0 ? { scopes } : {}) };
}

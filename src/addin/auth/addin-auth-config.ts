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

/** Why SharePoint cannot be used yet: nothing configured, or which value is wrong. */
export type ConfigProblem = 'missing' | 'clientId' | 'tenant' | 'redirectUri' | 'unreadable';

/**
 * Reads the configuration from named values (`PHU_GRAPH_CLIENT_ID`,
 * `PHU_GRAPH_TENANT`, `PHU_GRAPH_REDIRECT_URI`, `PHU_GRAPH_SCOPES`
 * space-separated, e.g. `Sites.Selected`). Returns which value is missing or
 * malformed instead, for the pane to word.
 */
export function addinAuthConfigFrom(values: Readonly<Record<string, string | undefined>>): AddinAuthConfig | { readonly problem: ConfigProblem } {
  const clientId = values['PHU_GRAPH_CLIENT_ID']?.trim() ?? '';
  const tenant = values['PHU_GRAPH_TENANT']?.trim() || 'organizations';
  const redirectUri = values['PHU_GRAPH_REDIRECT_URI']?.trim();
  if (clientId === '') return { problem: 'missing' };
  if (!GUID.test(clientId)) return { problem: 'clientId' };
  if (!TENANT.test(tenant)) return { problem: 'tenant' };
  if (redirectUri !== undefined && redirectUri !== '' && !/^https:\/\//i.test(redirectUri)) return { problem: 'redirectUri' };
  const scopes = (values['PHU_GRAPH_SCOPES'] ?? '').split(/[\s,]+/).filter((x) => x !== '');
  return { clientId, tenant, ...(redirectUri ? { redirectUri } : {}), ...(scopes.length > 0 ? { scopes } : {}) };
}

/** The add-in's configuration file (`phu-config.json` next to taskpane.html), as the IT officer writes it. */
export interface AddinConfigFile {
  readonly config: AddinAuthConfig | undefined;
  readonly problem: ConfigProblem | undefined;
  /** Who officials ask about SharePoint (a unit, an e-mail): shown in the pane. */
  readonly contact: string | undefined;
  /** The province's folder link, offered when a person first signs in. */
  readonly folderLink: string | undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * Reads `phu-config.json`: `{ "tenant", "clientId", "contact"?,
 * "folderLink"?, "redirectUri"?, "scopes"? }`. Anything that is not an
 * object is `unreadable`; wrong values are named, never guessed.
 */
export function addinConfigFromFile(json: unknown): AddinConfigFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { config: undefined, problem: 'unreadable', contact: undefined, folderLink: undefined };
  const o = json as Record<string, unknown>;
  const scopes = Array.isArray(o['scopes']) ? o['scopes'].filter((x): x is string => typeof x === 'string').join(' ') : text(o['scopes']);
  const parsed = addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: text(o['clientId']), PHU_GRAPH_TENANT: text(o['tenant']), PHU_GRAPH_REDIRECT_URI: text(o['redirectUri']), PHU_GRAPH_SCOPES: scopes });
  return {
    config: 'problem' in parsed ? undefined : parsed,
    problem: 'problem' in parsed ? parsed.problem : undefined,
    contact: text(o['contact']),
    folderLink: text(o['folderLink']),
  };
}

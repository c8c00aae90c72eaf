import { addinAuthConfigFrom, addinConfigFromFile } from '../auth/addin-auth-config';
import type { SharePointSetup } from './sharepoint-session';

/** The file an IT officer puts next to taskpane.html: one build serves every province. */
export const CONFIG_FILE = 'phu-config.json';

const SETTINGS_KEY = 'phu.graphConfig';

/** The part of Web Storage the setup uses (localStorage in the pane, a map in tests). */
export type SetupStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The configuration file's JSON; `undefined` when there is none (404), `unreadable` when it is not JSON. */
export type ConfigFileRead = () => Promise<unknown>;

function typedSetup(storage: SetupStorage | undefined): SharePointSetup | undefined {
  let saved: unknown;
  try {
    const raw = storage?.getItem(SETTINGS_KEY);
    if (raw === null || raw === undefined) return undefined;
    saved = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const o = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const parsed = addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: typeof o['clientId'] === 'string' ? o['clientId'] : undefined, PHU_GRAPH_TENANT: typeof o['tenant'] === 'string' ? o['tenant'] : undefined });
  return 'problem' in parsed ? undefined : { config: parsed, problem: undefined, contact: undefined, folderLink: undefined, source: 'settings' };
}

/**
 * SharePoint's setup at start-up: the configuration file next to the
 * add-in wins (the IT officer's, for the whole province); without one, the
 * values typed once in this pane; otherwise `missing`, for the pane to say
 * who to ask.
 */
export async function loadSharePointSetup(readFile: ConfigFileRead, storage: SetupStorage | undefined): Promise<SharePointSetup> {
  let json: unknown;
  try {
    json = await readFile();
  } catch {
    json = 'unreadable';
  }
  if (json !== undefined) return { ...addinConfigFromFile(json), source: 'file' };
  return typedSetup(storage) ?? { config: undefined, problem: 'missing', contact: undefined, folderLink: undefined, source: 'none' };
}

/**
 * Keeps the tenant and client id typed by the person (given by their IT
 * officer) in this computer's add-in storage; a wrong value is named and
 * nothing is kept.
 */
export function saveTypedSetup(storage: SetupStorage | undefined, values: { readonly tenant: string; readonly clientId: string }): SharePointSetup {
  const parsed = addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: values.clientId, PHU_GRAPH_TENANT: values.tenant.trim() === '' ? '-' : values.tenant });
  if ('problem' in parsed) return { config: undefined, problem: parsed.problem, contact: undefined, folderLink: undefined, source: 'none' };
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify({ tenant: parsed.tenant, clientId: parsed.clientId }));
  } catch {
    // Without storage the values hold for this session only.
  }
  return { config: parsed, problem: undefined, contact: undefined, folderLink: undefined, source: 'settings' };
}

/** Reads `phu-config.json` next to the page: its JSON, `undefined` for none, `unreadable` for anything else. */
export function configFileNextTo(pageUrl: string, fetchImpl: typeof fetch = (i, init) => fetch(i, init)): ConfigFileRead {
  return async () => {
    const response = await fetchImpl(new URL(CONFIG_FILE, pageUrl).href, { cache: 'no-store' });
    if (response.status === 404) return undefined;
    if (!response.ok) return 'unreadable';
    try {
      return (await response.json()) as unknown;
    } catch {
      return 'unreadable';
    }
  };
}

import { DriveError } from '../../core/ports/drive';

/** What the sign-in dialog page sends back with `Office.context.ui.messageParent` (JSON). */
export type DialogSignInMessage =
  | { readonly type: 'phu-sign-in'; readonly ok: true; readonly accessToken: string; readonly expiresOn: number; readonly account?: string }
  | { readonly type: 'phu-sign-in'; readonly ok: false; readonly code: string };

/** A token the dialog obtained; the pane keeps it only in memory. */
export interface DialogSignInResult {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresOn: number;
  readonly account?: string;
}

/** The part of `Office.context.ui` sign-in uses (the dialog API, DialogApi 1.1); tests pass a stand-in. */
export interface OfficeDialogApi {
  displayDialogAsync(url: string, options: { height: number; width: number; promptBeforeOpen: boolean }, callback: (result: DialogOpenResult) => void): void;
}

export interface DialogOpenResult {
  /** `Office.AsyncResultStatus`: `succeeded` or `failed`. */
  readonly status: string;
  readonly value?: OfficeDialogHandle;
  readonly error?: { readonly code: number };
}

export interface OfficeDialogHandle {
  addEventHandler(eventType: string, handler: (arg: { message?: string; origin?: string | undefined; error?: number }) => void): void;
  close(): void;
}

// Office.EventType's values, written out so this module runs without Office.js (tests).
const MESSAGE_RECEIVED = 'dialogMessageReceived';
const EVENT_RECEIVED = 'dialogEventReceived';

/** Office's dialog error codes (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events), in words a person can act on. */
function dialogFailure(code: number | undefined): DriveError {
  switch (code) {
    case 12006:
      return new DriveError('auth', 'Cửa sổ đăng nhập Microsoft 365 đã bị đóng trước khi đăng nhập xong. Hãy bấm lại để đăng nhập.');
    case 12007:
      return new DriveError('auth', 'Cửa sổ đăng nhập Microsoft 365 đang mở: hãy hoàn tất đăng nhập trong cửa sổ đó.');
    case 12009:
      return new DriveError('auth', 'Đã từ chối mở cửa sổ đăng nhập Microsoft 365. Hãy bấm lại và chọn cho phép.');
    case 12011:
      return new DriveError('auth', 'Trình duyệt đã chặn cửa sổ đăng nhập: hãy cho phép cửa sổ bật lên cho trang này rồi bấm lại.');
    default:
      return new DriveError('auth', `Không mở được cửa sổ đăng nhập Microsoft 365${code === undefined ? '' : ` (mã ${code})`}. Hãy thử lại.`);
  }
}

function parseMessage(text: string | undefined): DialogSignInMessage | undefined {
  try {
    const m = JSON.parse(text ?? '') as unknown;
    if (typeof m !== 'object' || m === null || !('type' in m) || m.type !== 'phu-sign-in' || !('ok' in m)) return undefined;
    if (m.ok === true && 'accessToken' in m && typeof m.accessToken === 'string' && 'expiresOn' in m && typeof m.expiresOn === 'number') {
      const account = 'account' in m && typeof m.account === 'string' ? m.account : undefined;
      return { type: 'phu-sign-in', ok: true, accessToken: m.accessToken, expiresOn: m.expiresOn, ...(account ? { account } : {}) };
    }
    if (m.ok === false) return { type: 'phu-sign-in', ok: false, code: 'code' in m && typeof m.code === 'string' ? m.code : '' };
  } catch {
    // Not ours: fall through.
  }
  return undefined;
}

/**
 * Signs in through the Office dialog API, for hosts without nested app
 * authentication: opens `url` (the add-in's sign-in page, which runs MSAL's
 * redirect flow and answers with `messageParent`) and resolves with the
 * token it sends. Closing the dialog, a refused or blocked dialog, and a
 * failed sign-in reject with a DriveError whose message a person can act on.
 * Call it from a click: Office on the web may block a dialog opened later.
 *
 * @example
 * const { accessToken } = await signInThroughDialog(Office.context.ui, 'https://addin.example.vn/auth-redirect.html?dialog=1');
 */
export function signInThroughDialog(ui: OfficeDialogApi, url: string, size: { height: number; width: number } = { height: 60, width: 30 }): Promise<DialogSignInResult> {
  const expectedOrigin = new URL(url).origin;
  return new Promise<DialogSignInResult>((resolve, reject) => {
    ui.displayDialogAsync(url, { ...size, promptBeforeOpen: false }, (opened) => {
      const dialog = opened.value;
      if (opened.status !== 'succeeded' || !dialog) {
        reject(dialogFailure(opened.error?.code));
        return;
      }
      let settled = false;
      const finish = (outcome: DialogSignInResult | DriveError): void => {
        if (settled) return;
        settled = true;
        dialog.close();
        if (outcome instanceof DriveError) reject(outcome);
        else resolve(outcome);
      };
      dialog.addEventHandler(MESSAGE_RECEIVED, (arg) => {
        // Only the add-in's own page may answer (Office passes the sender's origin where it knows it).
        if (arg.origin !== undefined && arg.origin !== expectedOrigin) return;
        const message = parseMessage(arg.message);
        if (!message) return;
        if (message.ok) finish({ accessToken: message.accessToken, expiresOn: message.expiresOn, ...(message.account ? { account: message.account } : {}) });
        else if (message.code === 'user_cancelled' || message.code === 'user_canceled' || message.code === 'access_denied') finish(new DriveError('auth', 'Đã hủy đăng nhập Microsoft 365.'));
        else finish(new DriveError('auth', `Không đăng nhập được Microsoft 365${/^[\w.-]{1,64}$/.test(message.code) ? ` (${message.code})` : ''}. Hãy thử lại.`));
      });
      dialog.addEventHandler(EVENT_RECEIVED, (arg) => {
        if (settled) return;
        settled = true;
        // 12006: the person closed it; the others (12002, 12003…) mean the page could not be shown, and the dialog is still open.
        if (arg.error !== 12006) dialog.close();
        reject(dialogFailure(arg.error));
      });
    });
  });
}

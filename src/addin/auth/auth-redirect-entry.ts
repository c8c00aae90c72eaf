/*
 * The script of auth-redirect.html, the fallback sign-in page. In the
 * Office dialog (hosts without nested app authentication) it runs MSAL's
 * redirect flow and answers the pane with messageParent; as the redirect
 * page of MSAL's popup (no Office dialog API) it hands the response back to
 * the pane that opened the popup. Nested app authentication uses neither.
 */
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { completeSignInRedirect } from './complete-sign-in-redirect';
import { runDialogSignInPage } from './dialog-sign-in-page';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Office.js, loaded only in the dialog (messageParent needs it; the popup does not). */
function loadOffice(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = OFFICE_JS;
    script.onload = () => void Office.onReady().then(() => resolve(), reject);
    script.onerror = () => reject(new Error('Office.js did not load'));
    document.head.append(script);
  });
}

async function main(): Promise<void> {
  let office: Promise<void> | undefined;
  const handled = await runDialogSignInPage({
    href: window.location.href,
    storage: window.sessionStorage,
    createStandard: createStandardPublicClientApplication,
    messageParent: (message) => void (office ??= loadOffice()).then(() => Office.context.ui.messageParent(message)),
  });
  if (!handled) await completeSignInRedirect();
}

void main();

/**
 * The body of the fallback popup's redirect page (the `redirectUri`): hands
 * the sign-in response back to the task pane that opened the popup. Only
 * the standard (non-nested) sign-in uses it. The page must not be served
 * with a Cross-Origin-Opener-Policy header, or the hand-back is cut.
 */
export async function completeSignInRedirect(): Promise<void> {
  // A package subpath the project's TypeScript resolution cannot type: the bundler resolves it.
  const bridge = require('@azure/msal-browser/redirect-bridge') as { broadcastResponseToMainFrame(): Promise<void> };
  await bridge.broadcastResponseToMainFrame();
}

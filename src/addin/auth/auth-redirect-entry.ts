/*
 * The script of auth-redirect.html, the fallback sign-in popup's redirect
 * page: it hands the sign-in response back to the task pane that opened the
 * popup, then the popup closes. Nested app authentication does not use it.
 */
import { completeSignInRedirect } from './complete-sign-in-redirect';

void completeSignInRedirect();

import { DriveError } from '../../core/ports/drive';
import { graphErrorBodySchema } from './graph-item';
import { RetriesExhausted } from './retry-policy';

/** What PHU tells a person whose sign-in did not work, after one silent refresh. */
export const SIGN_IN_MESSAGE = 'Chưa đăng nhập Microsoft 365 hoặc phiên đăng nhập đã hết hạn (đã thử làm mới một lần). Hãy đăng nhập lại rồi thử lại.';

/** The Graph error code of a failing response (`nameAlreadyExists`), when it sent one. */
export async function graphErrorCode(response: Response): Promise<string | undefined> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  try {
    const parsed = graphErrorBodySchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A failing response as a DriveError. The message names what was being done
 * and the status, never a URL (download and upload URLs carry credentials).
 */
export async function responseFailure(response: Response, doing: string): Promise<DriveError> {
  const status = response.status;
  const code = await graphErrorCode(response);
  const detail = code ? ` (HTTP ${status}, ${code})` : ` (HTTP ${status})`;
  switch (status) {
    case 401:
      return new DriveError('auth', SIGN_IN_MESSAGE, status);
    case 403:
      return new DriveError('auth', `Tài khoản đang đăng nhập không có quyền ${doing}${detail}. Hãy xin quyền truy cập thư viện tài liệu này.`, status);
    case 404:
    case 410:
      return new DriveError('not_found', `Không tìm thấy khi ${doing}${detail}.`, status);
    case 413:
    case 507:
      return new DriveError('too_large', `Tệp quá lớn hoặc thư viện đã hết dung lượng khi ${doing}${detail}.`, status);
    case 423:
      return new DriveError('failed', `Tệp đang bị khóa (có người đang mở hoặc đã check-out) khi ${doing}${detail}.`, status);
    case 429:
    case 503:
    case 504:
      return new DriveError('throttled', `Máy chủ đang quá tải khi ${doing}${detail}; hãy thử lại sau ít phút.`, status);
    default:
      return new DriveError('failed', `Không ${doing} được${detail}.`, status);
  }
}

/** A transport failure (dropped connection, timeout, retries used up) as a DriveError. */
export function transportFailure(err: unknown, doing: string): DriveError {
  if (err instanceof DriveError) return err;
  if (err instanceof RetriesExhausted) {
    if (err.reason === 'throttled') {
      const asked = err.askedWaitMs !== undefined ? ` Máy chủ yêu cầu chờ ${Math.ceil(err.askedWaitMs / 1000)} giây.` : '';
      return new DriveError('throttled', `Máy chủ đang quá tải khi ${doing} (HTTP ${err.lastStatus ?? '?'}); đã thử lại trong giới hạn thời gian nhưng chưa được.${asked} Hãy thử lại sau.`, err.lastStatus);
    }
    return new DriveError('network', `Mất kết nối khi ${doing}; đã thử lại nhiều lần nhưng chưa được. Hãy kiểm tra mạng rồi thử lại.`);
  }
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new DriveError('network', `Quá thời gian chờ khi ${doing}. Hãy kiểm tra mạng rồi thử lại.`);
  return new DriveError('network', `Mất kết nối khi ${doing}. Hãy kiểm tra mạng rồi thử lại.`);
}

import type { GraphDriveEvent } from './retry-policy';

/**
 * A GraphDriveEvent as one progress line in Vietnamese or English (no URL,
 * no token: events hold none).
 *
 * @example describeGraphDriveEvent({ kind: 'session_restart' }, 'en') // 'The upload session expired: ...'
 */
export function describeGraphDriveEvent(event: GraphDriveEvent, lang: 'vi' | 'en' = 'vi'): string {
  if (lang === 'en') return describeInEnglish(event);
  switch (event.kind) {
    case 'retry': {
      const seconds = (event.waitMs / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
      const why = event.reason === 'network' ? 'Mất kết nối' : `Máy chủ bận (HTTP ${event.status ?? '?'})`;
      return `${why}: chờ ${seconds} giây rồi thử lại (lần ${event.attempt + 1}).`;
    }
    case 'token_refresh':
      return 'Phiên đăng nhập bị từ chối: đang làm mới một lần.';
    case 'resume':
      return `Kết nối bị ngắt khi tải lên: tiếp tục từ byte ${event.offset.toLocaleString('vi-VN')}/${event.total.toLocaleString('vi-VN')}.`;
    case 'session_restart':
      return 'Phiên tải lên đã hết hạn: tạo phiên mới và tải lại.';
    case 'verify_after_drop':
      return event.landed ? 'Kết nối bị ngắt nhưng tệp đã lên đủ (đã kiểm tra nội dung).' : 'Kết nối bị ngắt trước khi tệp lên: gửi lại.';
  }
}

function describeInEnglish(event: GraphDriveEvent): string {
  switch (event.kind) {
    case 'retry': {
      const seconds = (event.waitMs / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 });
      const why = event.reason === 'network' ? 'Connection lost' : `The server is busy (HTTP ${event.status ?? '?'})`;
      return `${why}: waiting ${seconds} seconds, then trying again (attempt ${event.attempt + 1}).`;
    }
    case 'token_refresh':
      return 'The sign-in was refused: renewing it once.';
    case 'resume':
      return `The connection dropped during the upload: resuming from byte ${event.offset.toLocaleString('en-US')}/${event.total.toLocaleString('en-US')}.`;
    case 'session_restart':
      return 'The upload session expired: starting a new one and uploading again.';
    case 'verify_after_drop':
      return event.landed ? 'The connection dropped but the file arrived whole (its content was checked).' : 'The connection dropped before the file arrived: sending it again.';
  }
}

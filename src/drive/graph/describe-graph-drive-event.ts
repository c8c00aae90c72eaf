import type { GraphDriveEvent } from './retry-policy';

/** A GraphDriveEvent as one Vietnamese progress line (no URL, no token: events hold none). */
export function describeGraphDriveEvent(event: GraphDriveEvent): string {
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

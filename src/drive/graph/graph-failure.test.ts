import { errorText } from '../../core/failures/failure-text';
import type { GraphDoing } from './graph-doing';
import { responseFailure, transportFailure } from './graph-failure';
import { graphItemSchema, parseGraphBody } from './graph-item';
import { RetriesExhausted } from './retry-policy';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const listing: GraphDoing = { action: 'list', path: '"4PHU-2024/TK/688"' };

describe('Graph failures carry codes: Vietnamese message, English at the edge', () => {
  it.each([
    [403, 'auth', 'Tài khoản đang đăng nhập không có quyền liệt kê thư mục "4PHU-2024/TK/688" (HTTP 403). Hãy xin quyền truy cập thư viện tài liệu này.', 'The signed-in account has no permission for listing the folder "4PHU-2024/TK/688" (HTTP 403). Ask for access to this document library.'],
    [404, 'not_found', 'Không tìm thấy khi liệt kê thư mục "4PHU-2024/TK/688" (HTTP 404).', 'Not found when listing the folder "4PHU-2024/TK/688" (HTTP 404).'],
    [423, 'failed', 'Tệp đang bị khóa (có người đang mở hoặc đã check-out) khi liệt kê thư mục "4PHU-2024/TK/688" (HTTP 423).', 'The file is locked (someone has it open or checked out) when listing the folder "4PHU-2024/TK/688" (HTTP 423).'],
    [500, 'failed', 'Không liệt kê thư mục "4PHU-2024/TK/688" được (HTTP 500).', 'Failed listing the folder "4PHU-2024/TK/688" (HTTP 500).'],
  ])('HTTP %i', async (status, code, vi, en) => {
    const err = await responseFailure(new Response(null, { status }), listing);
    expect(err.code).toBe(code);
    expect(err.message).toBe(vi);
    expect(errorText(err, 'en')).toBe(en);
  });

  it('names a sign-in that failed, a timeout and retries used up in both languages', async () => {
    const signedOut = await responseFailure(new Response(null, { status: 401 }), listing);
    expect(errorText(signedOut, 'en')).toBe('Not signed in to Microsoft 365, or the sign-in has expired (a renewal was tried once). Sign in again, then try again.');
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
    const upload: GraphDoing = { action: 'upload', path: '"a.xlsx"' };
    expect(transportFailure(timeout, upload).message).toBe('Quá thời gian chờ khi tải lên "a.xlsx". Hãy kiểm tra mạng rồi thử lại.');
    expect(errorText(transportFailure(timeout, upload), 'en')).toBe('Timed out when uploading "a.xlsx". Check the network, then try again.');
    const busy = new RetriesExhausted('throttled', 429, 30_000, undefined);
    expect(transportFailure(busy, upload).message).toBe('Máy chủ đang quá tải khi tải lên "a.xlsx" (HTTP 429); đã thử lại trong giới hạn thời gian nhưng chưa được. Máy chủ yêu cầu chờ 30 giây. Hãy thử lại sau.');
    expect(errorText(transportFailure(busy, upload), 'en')).not.toMatch(VIETNAMESE);
    expect(errorText(transportFailure(new Error('x'), { action: 'open_link', path: '' }), 'en')).toBe('Connection lost when opening the folder of the link. Check the network, then try again.');
  });

  it('names a reply of the wrong shape by what it should have been, in each language', () => {
    let caught: unknown;
    try {
      parseGraphBody(graphItemSchema, { name: 'no id' }, 'file_info');
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).message).toBe('Máy chủ Graph trả về dữ liệu không đúng dạng (thông tin tệp).');
    expect(errorText(caught, 'en')).toBe('The Graph server returned data in the wrong shape (file information).');
  });
});

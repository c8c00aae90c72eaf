import { FORM_4PHU_2024 } from './form-4phu-2024';
import { defineForm, type FormDef } from './form-schema';

const RECORDS = 'Tổng số hồ sơ (bao gồm cả trực tiếp và trực tuyến)';
const PROCESSING = 'Tình hình xử lý hồ sơ trực tuyến';

/**
 * The 25 essential online public services (Quyết định 06/QĐ-TTg), numbered
 * and named as the Bình Long report's appendix 02 lists them. Three names
 * carry a typing slip in that report ("dấu nỗi", "mai tang phí", "chủ
 * thẻ"); the form spells them as the national list does. Rows are matched
 * by their number, so a retyped name never matters.
 */
const SERVICES: ReadonlyArray<readonly [string, string]> = [
  ['1', 'Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân'],
  ['2', 'Cấp lại, đổi thẻ căn cước công dân'],
  ['3', 'Đăng ký thường trú'],
  ['4', 'Đăng ký tạm trú'],
  ['5', 'Khai báo tạm vắng'],
  ['6', 'Thông báo lưu trú'],
  ['7', 'Đăng ký, cấp biển số mô tô, xe gắn máy'],
  ['8', 'Thu tiền nộp phạt xử lý vi phạm hành chính trong lĩnh vực giao thông đường bộ qua thiết bị ghi hình (phạt nguội)'],
  ['9', 'Đăng ký khai sinh'],
  ['10', 'Đăng ký khai tử'],
  ['11', 'Đăng ký kết hôn'],
  ['12', 'Cấp, cấp lại, sửa đổi, bổ sung hộ chiếu phổ thông'],
  ['13', 'Thủ tục làm con dấu mới và cấp Giấy chứng nhận đã đăng ký mẫu dấu'],
  ['14', 'Thủ tục làm con dấu thu nhỏ, dấu nổi, dấu xi và cấp Giấy chứng nhận đã đăng ký mẫu con dấu'],
  ['15', 'Liên thông đăng ký khai sinh - đăng ký thường trú - cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi'],
  ['16', 'Liên thông đăng ký khai tử - xóa đăng ký thường trú - trợ cấp mai táng phí'],
  ['17', 'Tích hợp tính giảm trừ mức đóng trong gia hạn thẻ bảo hiểm y tế theo hộ gia đình'],
  ['18', 'Đăng ký thuế lần đầu, đăng ký thay đổi thông tin đăng ký thuế đối với người nộp thuế là hộ gia đình, cá nhân'],
  [
    '19',
    'Đăng ký biến động về quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do thay đổi thông tin về người được cấp Giấy chứng nhận (đổi tên hoặc giấy tờ pháp nhân, giấy tờ nhân thân, địa chỉ)',
  ],
  ['20', 'Cấp đổi, cấp lại giấy phép lái xe'],
  ['21', 'Đăng ký dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học, cao đẳng'],
  ['22', 'Cấp phiếu lý lịch tư pháp'],
  ['23', 'Giải quyết hưởng trợ cấp thất nghiệp'],
  ['24', 'Cấp điện mới từ lưới điện hạ áp (220/380V) (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ cung cấp điện)'],
  ['25', 'Thay đổi chủ thể hợp đồng mua bán điện (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ cung cấp điện)'],
];

/**
 * Form DVC25-2023: how a unit stands on the 25 essential online public
 * services (appendix 02 of the Đề án 06 reports), as data only. One row per
 * service: whether it is connected to the national portal, records received
 * in total and online, the online rate (computed: online / total, none for
 * 0/0), online records processed on time and overdue, and difficulties.
 * Rules: online <= total, on time + overdue = online.
 */
export const FORM_DVC25_2023: FormDef = defineForm({
  id: 'DVC25-2023',
  version: '1',
  title: 'Tình hình triển khai 25 dịch vụ công trực tuyến thiết yếu',
  titleEn: '25 essential online public services',
  // ThongTin is the same contract as every PHU form's.
  info: FORM_4PHU_2024.info,
  mainTable: 'DVC25',
  tables: [
    {
      sheet: 'DVC25',
      rows: 'items',
      groupRow: 1,
      labelRow: 2,
      keyRow: 3,
      firstDataRow: 4,
      keyColumn: 'service_no',
      nameColumn: 'service_name',
      total: { code: 'TONG', name: 'Tổng cộng' },
      columns: [
        { key: 'service_no', label: 'STT', kind: 'code', width: 6 },
        { key: 'service_name', label: 'Dịch vụ công trực tuyến', kind: 'name', width: 60 },
        { key: 'connected', label: 'Kết nối với Cổng DVC quốc gia', kind: 'enum', values: ['Đã kết nối', 'Chưa kết nối'], width: 16 },
        { key: 'total', label: 'Tổng hồ sơ', group: RECORDS, kind: 'count', width: 12 },
        { key: 'online', label: 'Trực tuyến', group: RECORDS, kind: 'count', width: 12 },
        { key: 'on_time', label: 'Đúng hạn', group: PROCESSING, kind: 'count', width: 12 },
        { key: 'overdue', label: 'Quá hạn', group: PROCESSING, kind: 'count', width: 12 },
        { key: 'difficulties', label: 'Khó khăn, vướng mắc', kind: 'text', width: 30 },
      ],
      computed: [{ key: 'online_rate', label: 'Tỷ lệ trực tuyến', group: RECORDS, kind: 'computed', width: 10, numFmt: '0.00%' }],
      items: SERVICES.map(([code, name]) => ({ code, name })),
    },
  ],
  indicators: [
    {
      key: 'online',
      label: 'Hồ sơ trực tuyến',
      labelEn: 'Online records',
      table: 'DVC25',
      done: 'online',
      target: 'total',
      // Records are not a target: `online <= total` is the `lte` rule below, in this form's words.
      mayExceed: true,
      rateColumn: 'online_rate',
      narrative: {
        total: 'Tỷ lệ hồ sơ dịch vụ công trực tuyến trên tổng số hồ sơ tiếp nhận: {online}/{total} hồ sơ, đạt {online%}; xử lý đúng hạn {on_time} hồ sơ, quá hạn {overdue} hồ sơ.',
        high: 'Đơn vị có tỷ lệ hồ sơ trực tuyến cao: {units}.',
        low: 'Đơn vị có tỷ lệ hồ sơ trực tuyến thấp: {units}.',
      },
    },
  ],
  rules: [
    { kind: 'lte', table: 'DVC25', left: 'online', right: 'total' },
    { kind: 'sumEquals', table: 'DVC25', parts: ['on_time', 'overdue'], total: 'online' },
  ],
  periods: [
    { id: '6T', label: '6 tháng đầu năm 2023', from: '2023-01-01', to: '2023-06-30', due: '2023-07-10' },
    { id: '9T', label: '9 tháng đầu năm 2023', from: '2023-01-01', to: '2023-09-30', due: '2023-10-15' },
    { id: 'CN', label: 'Năm 2023', from: '2023-01-01', to: '2023-12-31', due: '2024-01-10' },
  ],
});

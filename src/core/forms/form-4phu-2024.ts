import { defineForm, type FormDef } from './form-schema';

const CCCD = 'Căn cước công dân';
const DDT = 'Định danh điện tử';
const PHONE = 'Điện thoại thông minh 4G';
const SIM = 'Sim chính chủ + chữ ký số';

const count = (key: string, label: string, group: string, target = false) => ({ key, label, group, kind: 'count' as const, width: 12, ...(target ? { target: true } : {}) });
const rate = (key: string, group: string) => ({ key, label: 'Tỷ lệ', group, kind: 'computed' as const, width: 10, numFmt: '0.00%' });
const rank = (key: string, group: string) => ({ key, label: 'Xếp hạng', group, kind: 'computed' as const, width: 9, numFmt: '0' });

/** The reasons behind "xử lý dữ liệu", in the order of the spec. */
const REASONS: ReadonlyArray<readonly [string, string]> = [
  ['R01', 'Vắng mặt không rõ nơi đến'],
  ['R02', 'Vắng mặt tại địa phương, rõ nơi đến'],
  ['R03', 'Đi nước ngoài'],
  ['R04', 'Chấp hành án, cai nghiện bắt buộc'],
  ['R05', 'Hủy số định danh cá nhân'],
  ['R06', 'Tâm thần'],
  ['R07', 'Bệnh nặng đang chữa trị tại bệnh viện'],
  ['R08', 'Xóa trùng dữ liệu'],
  ['R09', 'Chết'],
  ['R10', 'Xóa khẩu do vắng mặt tại địa phương quá 12 tháng'],
  ['R11', 'Chuyển khẩu đi tỉnh khác'],
  ['R12', 'Thông tin không đồng nhất'],
  ['R13', 'Xóa trùng sinh trắc học'],
  ['R14', 'Già yếu'],
  ['R15', 'Chưa có điện thoại thông minh, sim chính chủ'],
];

/**
 * Form 4PHU-2024, the "4 phủ" campaign report of 2024, exactly as
 * `shared/spec/form-4phu-2024.md` lays it out.
 */
export const FORM_4PHU_2024: FormDef = defineForm({
  id: '4PHU-2024',
  version: '1',
  title: 'Báo cáo kết quả thực hiện mục tiêu "4 phủ"',
  titleEn: '"4 phủ" campaign report',
  info: {
    sheet: 'ThongTin',
    keyColumn: 0,
    labelColumn: 1,
    valueColumn: 2,
    headerRow: 1,
    keys: [
      { key: 'form', label: 'Mẫu biểu', kind: 'text' },
      { key: 'form_version', label: 'Phiên bản mẫu', kind: 'text' },
      { key: 'level', label: 'Cấp báo cáo', kind: 'code' },
      { key: 'unit_code', label: 'Mã đơn vị', kind: 'code' },
      { key: 'unit_name', label: 'Tên đơn vị', kind: 'text' },
      { key: 'parent_code', label: 'Mã đơn vị cấp trên', kind: 'code' },
      { key: 'period', label: 'Kỳ báo cáo', kind: 'code' },
      { key: 'period_from', label: 'Từ ngày', kind: 'date' },
      { key: 'period_to', label: 'Đến ngày', kind: 'date' },
      { key: 'report_date', label: 'Ngày báo cáo', kind: 'date' },
      { key: 'preparer', label: 'Người lập biểu', kind: 'text', required: false },
      { key: 'phone', label: 'Điện thoại', kind: 'text', required: false },
      // Which administrative map the file was made on (2025-03-01, 2025-07-01); absent in older files: the period's dates decide.
      { key: 'map', label: 'Danh mục đơn vị hành chính', kind: 'text', required: false },
    ],
  },
  mainTable: 'SoLieu',
  tables: [
    {
      sheet: 'SoLieu',
      rows: 'units',
      groupRow: 1,
      labelRow: 2,
      keyRow: 3,
      firstDataRow: 4,
      keyColumn: 'unit_code',
      nameColumn: 'unit_name',
      total: { code: 'TONG', name: 'Tổng cộng' },
      columns: [
        { key: 'stt', label: 'STT', kind: 'index', width: 6 },
        { key: 'unit_code', label: 'Mã đơn vị', kind: 'code', width: 10 },
        { key: 'unit_name', label: 'Đơn vị', kind: 'name', width: 28 },
        count('cccd_target', 'Chỉ tiêu', CCCD, true),
        count('cccd_done', 'Đã thu nhận', CCCD),
        count('cccd_processed', 'Xử lý dữ liệu', CCCD),
        count('cccd_declined', 'Chưa có nhu cầu', CCCD),
        count('ddt_target', 'Chỉ tiêu', DDT, true),
        count('ddt_done', 'Đã kích hoạt', DDT),
        count('ddt_processed', 'Xử lý dữ liệu', DDT),
        count('ddt_declined', 'Chưa có nhu cầu', DDT),
        count('phone4g_target', 'Chỉ tiêu', PHONE, true),
        count('phone4g_done', 'Đã trang bị', PHONE),
        count('simcks_target', 'Chỉ tiêu', SIM, true),
        count('simcks_done', 'Đã thực hiện', SIM),
      ],
      computed: [rate('cccd_rate', CCCD), rank('cccd_rank', CCCD), rate('ddt_rate', DDT), rank('ddt_rank', DDT), rate('phone4g_rate', PHONE), rank('phone4g_rank', PHONE), rate('simcks_rate', SIM), rank('simcks_rank', SIM)],
    },
    {
      sheet: 'LyDo',
      rows: 'items',
      labelRow: 1,
      keyRow: 2,
      firstDataRow: 3,
      keyColumn: 'reason_code',
      nameColumn: 'reason_name',
      total: { code: 'TONG', name: 'Tổng cộng' },
      columns: [
        { key: 'reason_code', label: 'Mã lý do', kind: 'code', width: 10 },
        { key: 'reason_name', label: 'Lý do', kind: 'name', width: 48 },
        { key: 'cccd', label: 'Căn cước công dân', kind: 'count', width: 14 },
        { key: 'ddt', label: 'Định danh điện tử', kind: 'count', width: 14 },
      ],
      items: REASONS.map(([code, name]) => (code === 'R15' ? { code, name, only: ['ddt'] } : { code, name })),
    },
  ],
  indicators: [
    {
      key: 'cccd',
      label: CCCD,
      labelEn: 'Chip ID card',
      table: 'SoLieu',
      done: 'cccd_done',
      target: 'cccd_target',
      accountedBy: ['cccd_processed', 'cccd_declined'],
      mayExceed: false,
      rateColumn: 'cccd_rate',
      rankColumn: 'cccd_rank',
      narrative: {
        total: 'Kết quả cấp căn cước công dân: đã thu nhận hồ sơ cấp CCCD được {cccd_done}/{cccd_target} trường hợp (chiếm {cccd_done%}); xử lý dữ liệu với {cccd_processed}/{cccd_target} trường hợp (chiếm {cccd_processed%}) và {cccd_declined}/{cccd_target} trường hợp công dân chưa có nhu cầu cấp căn cước (chiếm {cccd_declined%}).',
        high: 'Địa phương thu nhận hồ sơ cấp CCCD cao (chỉ tính số đã thu nhận): {units}.',
        low: 'Địa phương có kết quả thu nhận hồ sơ cấp CCCD thấp: {units}.',
      },
    },
    {
      key: 'ddt',
      label: DDT,
      labelEn: 'eID account',
      table: 'SoLieu',
      done: 'ddt_done',
      target: 'ddt_target',
      accountedBy: ['ddt_processed', 'ddt_declined'],
      mayExceed: false,
      rateColumn: 'ddt_rate',
      rankColumn: 'ddt_rank',
      narrative: {
        total: 'Kết quả kích hoạt tài khoản định danh điện tử: đã hướng dẫn kích hoạt tài khoản được {ddt_done}/{ddt_target} trường hợp (chiếm {ddt_done%}); xử lý dữ liệu với {ddt_processed}/{ddt_target} trường hợp (chiếm {ddt_processed%}) và {ddt_declined}/{ddt_target} trường hợp công dân chưa có nhu cầu (chiếm {ddt_declined%}).',
        high: 'Địa phương có kết quả cao (chỉ tính số đã thực hiện được): {units}.',
        low: 'Địa phương có kết quả thấp: {units}.',
      },
    },
    {
      key: 'phone4g',
      label: PHONE,
      labelEn: '4G smartphone',
      table: 'SoLieu',
      done: 'phone4g_done',
      target: 'phone4g_target',
      mayExceed: true,
      plausibleMaxRate: 2,
      rateColumn: 'phone4g_rate',
      rankColumn: 'phone4g_rank',
      narrative: {
        total: 'Kết quả trang bị điện thoại thông minh 4G: đã trang bị {phone4g_done}/{phone4g_target} chỉ tiêu được giao, đạt {phone4g_done%}.',
        high: 'Địa phương thực hiện tốt: {units}.',
        low: 'Địa phương thực hiện chưa tốt: {units}.',
      },
    },
    {
      key: 'simcks',
      label: SIM,
      labelEn: 'Own SIM with digital signature',
      table: 'SoLieu',
      done: 'simcks_done',
      target: 'simcks_target',
      mayExceed: true,
      plausibleMaxRate: 2,
      rateColumn: 'simcks_rate',
      rankColumn: 'simcks_rank',
      narrative: {
        total: 'Kết quả thực hiện sim chính chủ kết hợp chữ ký số: đã thực hiện {simcks_done}/{simcks_target} chỉ tiêu được giao, đạt {simcks_done%}.',
        high: 'Địa phương thực hiện tốt: {units}.',
        low: 'Địa phương thực hiện chưa tốt: {units}.',
      },
    },
  ],
  rules: [
    { kind: 'crossTotal', table: 'LyDo', column: 'cccd', otherTable: 'SoLieu', otherColumn: 'cccd_processed' },
    { kind: 'crossTotal', table: 'LyDo', column: 'ddt', otherTable: 'SoLieu', otherColumn: 'ddt_processed' },
  ],
  periods: [
    { id: 'D1', label: 'Đợt 1', from: '2024-04-08', to: '2024-05-08', due: '2024-05-10' },
    { id: 'D2', label: 'Đợt 2', from: '2024-05-09', to: '2024-06-09', due: '2024-06-11' },
    { id: 'TK', label: 'Tổng kết', from: '2024-04-08', to: '2024-07-08', due: '2024-07-08' },
  ],
  statusColumn: { key: 'status', label: 'Tình trạng', kind: 'computed', width: 14, values: ['Đúng hạn', 'Trễ hạn', 'Chưa nộp', 'Không hợp lệ'] },
});

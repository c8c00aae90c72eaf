/*
 * The PHU.* custom functions. Their metadata (functions.json) is generated
 * from these JSDoc comments at build time, and the build registers each
 * function with Excel; nothing here registers them by hand. Each takes
 * ranges and returns a range of the same shape: one call per column is the
 * fast path in Excel.
 */
import { assessCells, fragmentCells, nhanXetCells, rankCells, rateCells, remainingCells, topCells } from './phu-functions';

/**
 * Tỷ lệ thực hiện = đã thực hiện / chỉ tiêu, từng ô; trả về vùng cùng kích thước, ô trống để trống. (Rate done/target, cell by cell.)
 * @customfunction TYLE
 * @helpurl https://localhost:3000/help.html#tyle
 * @param dat Số đã thực hiện: một ô hoặc một vùng (done).
 * @param chitieu Chỉ tiêu được giao: ô hoặc vùng cùng kích thước (target).
 * @returns Tỷ lệ (định dạng ô 0,00%); #DIV/0! khi chỉ tiêu bằng 0; #VALUE! khi ô là chữ hoặc số âm.
 * @example =PHU.TYLE(E4:E20, D4:D20)
 */
export function tyle(dat: unknown[][], chitieu: unknown[][]): unknown[][] {
  return rateCells(dat, chitieu);
}

/**
 * Số còn phải thực hiện để đạt chỉ tiêu = chỉ tiêu - đã thực hiện, không bao giờ âm. (Remaining to reach the target, never negative.)
 * @customfunction CONLAI
 * @helpurl https://localhost:3000/help.html#conlai
 * @param dat Số đã thực hiện: một ô hoặc một vùng (done).
 * @param chitieu Chỉ tiêu được giao: ô hoặc vùng cùng kích thước (target).
 * @returns Số còn lại (0 khi đã đạt hoặc vượt); #VALUE! khi ô là chữ hoặc số âm.
 * @example =PHU.CONLAI(E4:E20, D4:D20)
 */
export function conlai(dat: unknown[][], chitieu: unknown[][]): unknown[][] {
  return remainingCells(dat, chitieu);
}

/**
 * Xếp hạng theo kiểu thi đấu (1 là cao nhất, bằng nhau cùng hạng: 1, 2, 2, 4); bỏ qua ô trống, ô chữ và ô lỗi trong vùng. (Competition rank ignoring blanks and errors.)
 * @customfunction XEPHANG
 * @helpurl https://localhost:3000/help.html#xephang
 * @param giatri Giá trị cần xếp hạng: một ô hoặc một vùng (values to rank).
 * @param vung Vùng để so sánh, thường là cả cột tỷ lệ (the range to rank within).
 * @param [tangdan] TRUE để xếp thấp nhất hạng 1 (ascending); mặc định cao nhất hạng 1.
 * @returns Hạng của từng giá trị; #N/A khi giá trị không có trong vùng.
 * @example =PHU.XEPHANG(P4:P20, P4:P20)
 */
export function xephang(giatri: unknown[][], vung: unknown[][], tangdan?: unknown): unknown[][] {
  return rankCells(giatri, vung, tangdan);
}

/**
 * Đánh giá tỷ lệ so với chỉ tiêu: Vượt chỉ tiêu, Đạt hoặc Chưa đạt. (Above target / On target / Below target.)
 * @customfunction DANHGIA
 * @helpurl https://localhost:3000/help.html#danhgia
 * @param tyle Tỷ lệ đã tính (0,95 là 95%): một ô hoặc một vùng (rate).
 * @param [nguong] Mức được coi là đạt, mặc định 1 (100% chỉ tiêu) (threshold).
 * @returns Vượt chỉ tiêu / Đạt / Chưa đạt cho từng ô; ô trống để trống.
 * @example =PHU.DANHGIA(P4:P20, 0.9)
 */
export function danhgia(tyle: unknown[][], nguong?: unknown): unknown[][] {
  return assessCells(tyle, nguong);
}

/**
 * Chuỗi kết quả theo văn phong thông báo: Phước Long (579/837 đạt 69,18%). (A unit's result as the notice writes it.)
 * @customfunction CHUOI
 * @helpurl https://localhost:3000/help.html#chuoi
 * @param dat Số đã thực hiện: một ô hoặc một vùng (done).
 * @param chitieu Chỉ tiêu được giao: ô hoặc vùng cùng kích thước (target).
 * @param [ten] Tên đơn vị; bỏ "Huyện", "Thị xã", "Xã"... ở đầu (unit name).
 * @returns Chuỗi như "Phước Long (579/837 đạt 69,18%)"; #DIV/0! khi chỉ tiêu bằng 0.
 * @example =PHU.CHUOI(E4:E20, D4:D20, C4:C20)
 */
export function chuoi(dat: unknown[][], chitieu: unknown[][], ten?: unknown[][]): unknown[][] {
  return fragmentCells(dat, chitieu, ten);
}

/**
 * Câu nhận xét nêu các đơn vị có tỷ lệ cao nhất và thấp nhất, theo văn phong thông báo. (The notice's sentence naming the best and worst units.)
 * @customfunction NHANXET
 * @helpurl https://localhost:3000/help.html#nhanxet
 * @param ten Vùng tên đơn vị (unit names).
 * @param dat Vùng số đã thực hiện, cùng số ô (done).
 * @param chitieu Vùng chỉ tiêu, cùng số ô (target).
 * @param [so] Số đơn vị nêu tên ở mỗi nhóm, mặc định 2 (how many in each group).
 * @returns Một câu: "Đơn vị thực hiện tốt: ...; đơn vị thực hiện chưa tốt: ...".
 * @example =PHU.NHANXET(C4:C20, E4:E20, D4:D20, 2)
 */
export function nhanxet(ten: unknown[][], dat: unknown[][], chitieu: unknown[][], so?: unknown): unknown[][] {
  return nhanXetCells(ten, dat, chitieu, so);
}

/**
 * Tên các đơn vị có giá trị cao nhất (hoặc thấp nhất), mỗi tên một dòng, tràn xuống dưới. (The top or bottom n names, spilled.)
 * @customfunction TOP
 * @helpurl https://localhost:3000/help.html#top
 * @param ten Vùng tên đơn vị (unit names).
 * @param giatri Vùng giá trị, cùng số ô, thường là cột tỷ lệ (values).
 * @param [so] Số đơn vị, mặc định 3 (how many).
 * @param [thap] TRUE để lấy các đơn vị thấp nhất (bottom instead of top).
 * @returns Một cột tên, theo thứ hạng từ cao xuống thấp.
 * @example =PHU.TOP(C4:C20, P4:P20, 3)
 */
export function top(ten: unknown[][], giatri: unknown[][], so?: unknown, thap?: unknown): unknown[][] {
  return topCells(ten, giatri, so, thap);
}

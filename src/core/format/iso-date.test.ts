import { dateToExcelSerial, dateToIsoDate, excelSerialToIsoDate, formatDateVi, isoDateToDate, isValidYmd, parseDateTextVi } from './iso-date';

describe('iso-date', () => {
  it('converts yyyy-mm-dd to a UTC-midnight Date and back', () => {
    expect(isoDateToDate('2024-04-08')?.toISOString()).toBe('2024-04-08T00:00:00.000Z');
    expect(dateToIsoDate(new Date(Date.UTC(2024, 4, 8, 13, 30)))).toBe('2024-05-08');
    expect(isoDateToDate('2024-02-30')).toBeUndefined();
    expect(isoDateToDate('08/04/2024')).toBeUndefined();
    expect(dateToIsoDate(new Date(NaN))).toBeUndefined();
  });

  it('gives back the serial number behind a Date cell', () => {
    expect(dateToExcelSerial(new Date(Date.UTC(1969, 3, 17)))).toBe(25310);
    expect(dateToExcelSerial(new Date(Date.UTC(2024, 3, 8, 18)))).toBe(45390.75);
    expect(dateToExcelSerial(new Date(NaN))).toBeUndefined();
  });

  it('reads dates written as documents write them, and with a time', () => {
    expect(parseDateTextVi('Ngày 04 tháng 07 năm 2024')).toBe('2024-07-04');
    expect(parseDateTextVi('ngay 4 thang 7 nam 2024')).toBe('2024-07-04');
    expect(parseDateTextVi('ngày 04/07/2024')).toBe('2024-07-04');
    expect(parseDateTextVi('4/7/2024 10:30')).toBe('2024-07-04');
    expect(parseDateTextVi('Ngày 31 tháng 02 năm 2024')).toBeUndefined();
    expect(parseDateTextVi('04/07/24')).toBeUndefined();
  });

  it('reads Excel serial numbers', () => {
    expect(excelSerialToIsoDate(45390)).toBe('2024-04-08');
    expect(excelSerialToIsoDate(45420.75)).toBe('2024-05-08');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(0)).toBeUndefined();
    expect(excelSerialToIsoDate(-3)).toBeUndefined();
    expect(excelSerialToIsoDate(3e7)).toBeUndefined();
  });

  it('reads dates typed day first', () => {
    expect(parseDateTextVi('08/05/2024')).toBe('2024-05-08');
    expect(parseDateTextVi('8/5/2024')).toBe('2024-05-08');
    expect(parseDateTextVi(' 08-05-2024\u00a0')).toBe('2024-05-08');
    expect(parseDateTextVi('08.05.2024')).toBe('2024-05-08');
    expect(parseDateTextVi('2024-05-08')).toBe('2024-05-08');
    expect(parseDateTextVi('31/02/2024')).toBeUndefined();
    expect(parseDateTextVi('29/02/2023')).toBeUndefined();
    expect(parseDateTextVi('hôm qua')).toBeUndefined();
    expect(parseDateTextVi('05/2024')).toBeUndefined();
  });

  it('formats dd/mm/yyyy and checks calendar days', () => {
    expect(formatDateVi('2024-05-10')).toBe('10/05/2024');
    expect(formatDateVi('not a date')).toBe('not a date');
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(2024, 13, 1)).toBe(false);
  });
});

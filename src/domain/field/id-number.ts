/**
 * The personal identification number (số định danh cá nhân, the number on the citizen ID card):
 * 12 digits, of which the first 6 encode the person (Nghị định 137/2015/NĐ-CP, Điều 13 [FIELD-ND137-2015-A13]):
 *   digits 1-3  province of birth registration (Thông tư 07/2016/TT-BCA, Phụ lục 1, kept by
 *               Thông tư 59/2021/TT-BCA [FIELD-TT07-2016-BCA-PL1]);
 *   digit 4     century of birth and sex: 20th century male 0, female 1; 21st century male 2, female 3
 *               (Thông tư 59/2021/TT-BCA, Điều 4 [FIELD-TT59-2021-A4]);
 *   digits 5-6  last two digits of the year of birth.
 * Not checked (not read): codes of births registered abroad (prefixes above 096 are accepted), and
 * century codes after 2099 — no one alive today has those centuries, so a fourth digit above 3 is an
 * entry error.
 */
import type { Sex } from './draft';

/** Province (before 1/7/2025) of birth registration by code: 63 codes from 001 to 096. */
export const BIRTH_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export interface IdNumberParts {
  provinceCode: string;
  /** First year of the century of birth: 1900 or 2000. */
  century: 1900 | 2000;
  sex: Sex;
  /** Last two digits of the year of birth. */
  yearOfCentury: number;
}

/** Problems of the number alone (no person needed), in Vietnamese; the parts when it is well formed. */
export function parseIdNumber(id: string): { parts: IdNumberParts | null; problems: string[] } {
  if (!/^\d{12}$/.test(id))
    return {
      parts: null,
      problems: [`Số định danh cá nhân "${id}" phải gồm đúng 12 chữ số (hiện có ${id.length} ký tự).`],
    };
  const problems: string[] = [];
  const provinceCode = id.slice(0, 3);
  // 001-096 is the range of the provinces; a higher prefix may be the country of a birth registered
  // abroad (those codes were not read), so only a gap inside the provinces' range is an error.
  if (provinceCode <= '096' && !(provinceCode in BIRTH_PROVINCE_CODES))
    problems.push(
      `Ba chữ số đầu "${provinceCode}" không phải mã tỉnh nơi đăng ký khai sinh (001 Hà Nội … 096 Cà Mau): kiểm tra lại số định danh.`,
    );
  const d4 = Number(id[3]);
  if (d4 > 3)
    problems.push(
      `Chữ số thứ 4 là ${d4}: với người sinh từ năm 1900 đến 2099 chữ số này chỉ là 0, 1 (thế kỷ 20) hoặc 2, 3 (thế kỷ 21).`,
    );
  const parts: IdNumberParts | null =
    d4 <= 3
      ? {
          provinceCode,
          century: d4 < 2 ? 1900 : 2000,
          sex: d4 % 2 === 0 ? 'male' : 'female',
          yearOfCentury: Number(id.slice(4, 6)),
        }
      : null;
  return { parts, problems };
}

const SEX_VI: Record<Sex, string> = { male: 'nam', female: 'nữ' };

/** The number against the person's birth date (YYYY-MM-DD) and sex, when known. */
export function idNumberMismatches(id: string, birthDate: string | null, sex: Sex | null): string[] {
  const { parts, problems } = parseIdNumber(id);
  if (!parts) return problems;
  const out = [...problems];
  if (sex && parts.sex !== sex)
    out.push(
      `Chữ số thứ 4 của số định danh (${id[3]}) là mã của người ${SEX_VI[parts.sex]}, nhưng giới tính ghi là ${SEX_VI[sex]}.`,
    );
  if (birthDate) {
    const year = Number(birthDate.slice(0, 4));
    const century = year < 2000 ? 1900 : 2000;
    if (parts.century !== century)
      out.push(
        `Chữ số thứ 4 của số định danh (${id[3]}) là mã của người sinh thế kỷ ${parts.century === 1900 ? 20 : 21}, nhưng năm sinh ghi là ${year}.`,
      );
    if (parts.yearOfCentury !== year % 100)
      out.push(
        `Chữ số thứ 5 và 6 của số định danh (${id.slice(4, 6)}) phải là hai số cuối của năm sinh ${year} (${String(year % 100).padStart(2, '0')}).`,
      );
  }
  return out;
}

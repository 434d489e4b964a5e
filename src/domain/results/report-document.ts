/**
 * What an M&E report says about itself when printed as an official document (Decree 30/2020/NĐ-CP
 * layout): the People's Committee of the reporting unit issues it, from the province's place name, on
 * the day it was submitted (the period's last day while still a draft). One definition for the print
 * view and the PDF.
 */
export interface ReportHeadingInput {
  unitName: string;
  provinceName: string;
  formNameVi: string;
  submittedOn: string | null;
  periodEndsOn: string;
}

export interface ReportHeading {
  issuingBody: string;
  /** the number is given by the unit's clerical office; the form leaves it blank */
  numberSuffix: string;
  place: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  signatureAuthority: string;
  signerTitle: string;
  recipients: string[];
}

/**
 * The fixed words of an official document (Decree 30/2020/NĐ-CP, Appendix I), Vietnamese in every interface
 * language because the document is: the national name and motto, the number line, recipients, signature hint.
 */
export const OFFICIAL_DOCUMENT_WORDS = {
  nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  number: 'Số:',
  recipients: 'Nơi nhận:',
  signatureHint: '(Ký, ghi rõ họ tên, đóng dấu)',
  /** the figures' table of a report: number, indicator, unit of measure, figure */
  columns: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu'],
} as const;

/** The date line as the print view writes it: "Hà Nội, ngày 05 tháng 03 năm 2026" (day and month as given). */
export const placeDateLine = (place: string, isoDate: string) => {
  const [y, m, d] = isoDate.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
};

/** "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Lào Cai" → "Lào Cai" (the place name of the date line). */
export const placeName = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/, '');

export function reportHeading(r: ReportHeadingInput): ReportHeading {
  return {
    issuingBody: `Ủy ban nhân dân ${r.unitName}`,
    numberSuffix: '/BC-UBND',
    place: placeName(r.provinceName || r.unitName),
    date: r.submittedOn ?? r.periodEndsOn,
    title: `Báo cáo ${r.formNameVi}`,
    signatureAuthority: 'TM. Ủy ban nhân dân',
    signerTitle: 'Chủ tịch',
    recipients: ['Cấp trên theo tuyến báo cáo', 'Lưu: VT'],
  };
}

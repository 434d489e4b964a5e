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

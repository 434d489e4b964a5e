/**
 * An official document (văn bản hành chính) as data, laid out after the form of Decree 30/2020/NĐ-CP
 * on clerical work: national heading, issuing body and number on the left, place and date under the
 * motto on the right, title, body, signature block and recipients. Any module builds one of these
 * and renders it with renderDocumentPdf().
 */
import { OFFICIAL_DOCUMENT_WORDS } from '../../domain/results/report-document';

export interface DocumentTable {
  kind: 'table';
  headers: string[];
  rows: (string | number)[][];
  /** relative widths, '*' or numbers (points) */
  widths?: (number | '*' | 'auto')[];
  /** per column: numbers are right-aligned by default */
  align?: ('left' | 'center' | 'right')[];
  /** the last row is a total row (bold) */
  totalRow?: boolean;
}
export interface DocumentParagraph {
  kind: 'paragraph';
  text: string;
  italic?: boolean;
  bold?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
}
export type DocumentBlock = DocumentTable | DocumentParagraph;

export interface OfficialDocument {
  /** e.g. "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" (the body above the issuer), optional */
  parentBody?: string;
  issuingBody: string;
  /** "Số: 12/QĐ-BLĐTBXH" is written as number "12/QĐ-BLĐTBXH"; null while a draft ("Số: …") */
  number: string | null;
  place: string;
  /** YYYY-MM-DD */
  date: string;
  /** e.g. "Mẫu số 01", top right */
  formNumber?: string;
  title: string;
  subtitle?: string;
  body: DocumentBlock[];
  signature: { authority: string; signerTitle?: string; name?: string };
  recipients?: string[];
  landscape?: boolean;
}

export const NATIONAL_NAME = OFFICIAL_DOCUMENT_WORDS.nationalName;
export const NATIONAL_MOTTO = OFFICIAL_DOCUMENT_WORDS.motto;

/** "Hà Nội, ngày 05 tháng 3 năm 2026": days and months 1-2 written with a leading zero (Decree 30/2020, Appendix I). */
export function placeAndDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const two = (n: number) => (n < 3 ? String(n).padStart(2, '0') : String(n));
  const day = d < 10 ? String(d).padStart(2, '0') : String(d);
  return `${place}, ngày ${day} tháng ${two(m)} năm ${y}`;
}

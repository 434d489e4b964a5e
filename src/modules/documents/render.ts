/**
 * Renders an OfficialDocument to PDF with pdfmake, Be Vietnam Pro embedded (full Vietnamese glyphs;
 * SIL Open Font License 1.1, notice in reference/licenses/OFL-BeVietnamPro.txt).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { OFFICIAL_DOCUMENT_WORDS } from '../../domain/results/report-document';
import { NATIONAL_MOTTO, NATIONAL_NAME, placeAndDate, type DocumentBlock, type OfficialDocument } from './document';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
const font = (dir: string) => path.join(FONT_DIR, dir, `BeVietnamPro_${dir}.ttf`);

let pdfmake: PdfMake | null = null;
function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const p = require('pdfmake') as PdfMake;
  p.setFonts({
    BeVietnamPro: {
      normal: font('400Regular'),
      bold: font('700Bold'),
      italics: font('400Regular_Italic'),
      bolditalics: font('700Bold_Italic'),
    },
  });
  p.setUrlAccessPolicy(() => false); // documents never fetch anything
  p.setLocalAccessPolicy((f) => path.resolve(f).startsWith(FONT_DIR));
  return (pdfmake = p);
}

function block(b: DocumentBlock): unknown {
  if (b.kind === 'paragraph')
    return { text: b.text, italics: b.italic, bold: b.bold, alignment: b.align ?? 'justify', margin: [0, 0, 0, 6] };
  const align = (i: number, v: unknown) => b.align?.[i] ?? (typeof v === 'number' ? 'right' : 'left');
  const fmt = (v: string | number) =>
    typeof v === 'number' ? new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(v) : v;
  return {
    table: {
      headerRows: 1,
      widths: b.widths ?? b.headers.map(() => '*'),
      body: [
        b.headers.map((h) => ({ text: h, bold: true, alignment: 'center' })),
        ...b.rows.map((r, ri) =>
          r.map((v, i) => ({ text: fmt(v), alignment: align(i, v), bold: b.totalRow && ri === b.rows.length - 1 })),
        ),
      ],
    },
    fontSize: 11,
    margin: [0, 4, 0, 10],
  };
}

/** The PDF bytes of an official document. */
export async function renderDocumentPdf(doc: OfficialDocument): Promise<Buffer> {
  const heading = {
    columns: [
      {
        width: '42%',
        stack: [
          ...(doc.parentBody ? [{ text: doc.parentBody.toUpperCase(), alignment: 'center', fontSize: 12 }] : []),
          { text: doc.issuingBody.toUpperCase(), bold: true, alignment: 'center', fontSize: 12 },
          { canvas: [{ type: 'line', x1: 60, y1: 2, x2: 140, y2: 2, lineWidth: 0.5 }], margin: [0, 0, 0, 4] },
          { text: `Số: ${doc.number ?? '      '}`, alignment: 'center', fontSize: 12 },
        ],
      },
      {
        width: '58%',
        stack: [
          { text: NATIONAL_NAME, bold: true, alignment: 'center', fontSize: 12 },
          { text: NATIONAL_MOTTO, bold: true, alignment: 'center', fontSize: 13 },
          { canvas: [{ type: 'line', x1: 75, y1: 2, x2: 215, y2: 2, lineWidth: 0.5 }], margin: [0, 0, 0, 4] },
          { text: placeAndDate(doc.place, doc.date), italics: true, alignment: 'center', fontSize: 13 },
        ],
      },
    ],
  };
  const definition = {
    pageSize: 'A4',
    pageOrientation: doc.landscape ? 'landscape' : 'portrait',
    // Decree 30/2020: top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm
    pageMargins: [85, 57, 57, 57],
    defaultStyle: { font: 'BeVietnamPro', fontSize: 13 },
    info: { title: doc.title, creator: 'giamngheo' },
    content: [
      ...(doc.formNumber
        ? [{ text: doc.formNumber, alignment: 'right', bold: true, fontSize: 11, margin: [0, 0, 0, 4] }]
        : []),
      heading,
      { text: doc.title.toUpperCase(), bold: true, alignment: 'center', fontSize: 14, margin: [0, 24, 0, 2] },
      ...(doc.subtitle
        ? [{ text: doc.subtitle, bold: true, alignment: 'center', margin: [0, 0, 0, 12] }]
        : [{ text: '', margin: [0, 0, 0, 12] }]),
      ...doc.body.map(block),
      {
        columns: [
          {
            width: '45%',
            stack: doc.recipients?.length
              ? [
                  { text: OFFICIAL_DOCUMENT_WORDS.recipients, bold: true, italics: true, fontSize: 12 },
                  ...doc.recipients.map((r) => ({ text: `- ${r};`, fontSize: 11 })),
                ]
              : [],
          },
          {
            width: '55%',
            stack: [
              { text: doc.signature.authority.toUpperCase(), bold: true, alignment: 'center' },
              ...(doc.signature.signerTitle
                ? [{ text: doc.signature.signerTitle.toUpperCase(), bold: true, alignment: 'center' }]
                : []),
              { text: '\n\n\n' },
              ...(doc.signature.name ? [{ text: doc.signature.name, bold: true, alignment: 'center' }] : []),
            ],
          },
        ],
        margin: [0, 16, 0, 0],
        unbreakable: true,
      },
    ],
  };
  return engine().createPdf(definition).getBuffer();
}

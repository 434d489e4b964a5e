/**
 * The text of a PDF, for tests (no pdftotext on these machines): inflates the streams, reads each
 * font's ToUnicode map and decodes the hex strings of Tj/TJ in the page content streams.
 * Enough for documents written by pdfkit (pdfmake); not a general PDF parser.
 */
import zlib from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2];
    const s = body.indexOf('stream');
    if (s < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    let start = s + 'stream'.length;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const end = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(start, end), 'latin1');
    if (/FlateDecode/.test(dict)) raw = zlib.inflateSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    out.set(Number(m[1]), { dict, stream: raw });
  }
  return out;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), hex(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(lo + i, hex(d[1])));
      else {
        const base = parseInt(m[3].slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + c - lo));
      }
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  // resource name → map (pdfkit names fonts uniquely per document)
  const fontMaps = new Map<string, Map<number, string>>();
  for (const o of objs.values()) {
    const fonts = o.dict.match(/\/Font\s*<<([\s\S]*?)>>/);
    if (!fonts) continue;
    for (const f of fonts[1].matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(f[2]));
      const tu = font?.dict.match(/\/ToUnicode\s+(\d+) 0 R/);
      const cmap = tu && objs.get(Number(tu[1]))?.stream;
      if (cmap) fontMaps.set(f[1], toUnicodeMap(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const o of objs.values()) {
    if (
      !o.stream ||
      !/BT[\s\S]*ET/.test(o.stream.toString('latin1')) ||
      /\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType)|Length1/.test(o.dict)
    )
      continue;
    const content = o.stream.toString('latin1');
    let font: Map<number, string> | undefined;
    let line = '';
    for (const t of content.matchAll(
      /\/(\w+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g,
    )) {
      if (t[1]) font = fontMaps.get(t[1]);
      else if (t[0] === 'ET') {
        if (line) lines.push(line);
        line = '';
      } else {
        const hexes = t[2] !== undefined ? [...t[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]) : [t[3]];
        for (const h of hexes) for (const code of h.match(/.{4}/g) ?? []) line += font?.get(parseInt(code, 16)) ?? '';
      }
    }
  }
  return lines.join(' ').replace(/ +/g, ' ');
}

/** commander's own error messages, in Vietnamese (commander has no translations). */
const RULES: [RegExp, (...m: string[]) => string][] = [
  [
    /option '([^' ]+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/,
    (o, v, c) => `giá trị "${v}" của ${o} không hợp lệ; chọn một trong: ${c}.`,
  ],
  [/option '[^']*' argument '[^']*' is invalid\. (.*)$/, (why) => why],
  [/required option '([^' ]+)[^']*' not specified/, (o) => `thiếu tùy chọn bắt buộc ${o}.`],
  [/option '([^' ]+)[^']*' argument missing/, (o) => `tùy chọn ${o} cần một giá trị.`],
  [/unknown option '([^']*)'/, (o) => `không có tùy chọn ${o}.`],
  [/unknown command '([^']*)'/, (c) => `không có lệnh "${c}"; xem "giamngheo --help".`],
  [/missing required argument '([^']*)'/, (a) => `thiếu tham số ${a}.`],
  [/too many arguments(?: for '([^']*)')?/, (c) => `thừa tham số${c ? ` cho lệnh ${c}` : ''}.`],
];

export function commanderMessageVi(message: string): string {
  const text = message
    .replace(/^error: /, '')
    .trim()
    .split('\n')[0];
  for (const [re, say] of RULES) {
    const m = text.match(re);
    if (m) return say(...m.slice(1));
  }
  return text;
}

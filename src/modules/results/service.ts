/** Use cases of the results area (one import point for routes and CLI). */
import type { Db } from '../../db/client';
import { toCsv } from '../../domain/tabular';
import { todayInVietnam } from '../../domain/text';
import { publishedSeries } from '../poverty/repo-summary';
import type { FigureRow, NationalOverview, PublicResults } from './contracts';
import { legalSources } from './load';
import { areaGroupViews } from './service-areas';
import { otherTargets, targetSeries } from './service-indicators';
import { reportingSummary } from './service-reports';

export * from './service-indicators';
export * from './service-targets';
export * from './service-areas';
export * from './service-reports';
export * from './service-exchange';

/** The last year shown: this year (values of years not yet published stay null). */
export const currentYear = () => Number(todayInVietnam().slice(0, 4));

/** National and regional published figures (aggregated only: no unit below the region). */
export async function publicFigures(db: Db): Promise<FigureRow[]> {
  const rows = (await publishedSeries(db)) as {
    year: number | null;
    scope: string;
    areaCode: string;
    areaName: string;
    indicator: string;
    ratePct: number | null;
    households: number | null;
    status: string;
    decision: string | null;
    sourceUrl: string | null;
  }[];
  return rows
    .filter((r) => r.year !== null && (r.scope === 'national' || r.scope === 'region'))
    .map((r) => ({
      year: r.year!,
      areaCode: r.areaCode,
      areaName: r.areaName,
      indicator: r.indicator,
      ratePct: r.ratePct,
      households: r.households,
      status: r.status,
      source: [r.decision, r.sourceUrl].filter(Boolean).join(' — ') || null,
    }));
}

/** The public figures file (CSV, UTF-8 with BOM): the published figures, then the national target series. */
export async function publicFiguresCsv(db: Db): Promise<string> {
  const figures = (await publicFigures(db)).map((f) => ({
    Năm: f.year,
    'Mã vùng': f.areaCode,
    'Địa bàn': f.areaName,
    'Chỉ tiêu': f.indicator,
    'Tỷ lệ (%)': f.ratePct,
    'Số hộ': f.households,
    'Tình trạng': f.status,
    Nguồn: f.source,
  }));
  const targets = (await targetSeries(db, currentYear())).flatMap((t) =>
    t.series.map((s) => ({
      Năm: s.year,
      'Mã vùng': 'VN',
      'Địa bàn': 'Toàn quốc',
      'Chỉ tiêu': t.indicator,
      'Tỷ lệ (%)': s.value,
      'Số hộ': null,
      'Tình trạng': s.official ? 'published' : '',
      Nguồn: `${t.code}: ${t.labelVi}; mục tiêu ${s.target ?? ''}; đạt: ${s.onTrack === null ? 'chưa đánh giá' : s.onTrack ? 'có' : 'không'}`,
    })),
  );
  return toCsv([...figures, ...targets], undefined, { bom: true });
}

/** Everything the public page shows: targets and their series, figures, poor areas and exits, sources. */
export async function publicResults(db: Db, year = currentYear()): Promise<PublicResults> {
  return {
    targets: await targetSeries(db, year),
    otherTargets: otherTargets(),
    figures: await publicFigures(db),
    areas: await areaGroupViews(db, year),
    sources: legalSources(),
  };
}

/** The owner's and committee's national overview: each target, value, trend, on track; reports missing. */
export async function nationalOverview(db: Db, year = currentYear()): Promise<NationalOverview> {
  return {
    year,
    targets: await targetSeries(db, year),
    otherTargets: otherTargets(),
    reporting: await reportingSummary(db),
  };
}

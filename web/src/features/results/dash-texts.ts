/**
 * Texts of the dashboards (drill-down, trends, officers' home panels), Vietnamese and English together, registered
 * on import.
 */
import { defineTexts, type Translation } from '../../app/texts';
import { NO_RESIDENT_HOUSEHOLDS_VI } from '../../../../src/domain/poverty/resident';

const vi = {
  dash: {
    drillTitle: 'Tỷ lệ hộ nghèo, cận nghèo theo địa bàn: {{where}}, năm {{year}}',
    drillNote:
      'Kết quả rà soát trong hệ thống, tính trên tổng số hộ dân cư của các xã đã báo cáo số hộ dân cư. Bấm vào một vùng hoặc một tỉnh (dòng hoặc cột) để xem cấp dưới.',
    breadcrumb: 'Cấp đang xem',
    nation: 'Toàn quốc',
    indicator: 'Chỉ tiêu',
    noReport: 'chưa có báo cáo',
    noResident: NO_RESIDENT_HOUSEHOLDS_VI,
    residentHouseholds: 'Tổng số hộ dân cư',
    dataStatus: 'Số liệu',
    official: 'chính thức',
    provisional: 'tạm thời (chưa công nhận hết)',
    levels: { region: 'Vùng', province: 'Tỉnh, thành phố', commune: 'Xã, phường, đặc khu' },
    chartAria: '{{indicator}} — {{where}}, năm {{year}}',
    trendsTitle: 'Diễn biến từng mục tiêu theo năm',
    trendAria: '{{target}}: giá trị theo năm và mức cần đạt',
    trendValue: 'Giá trị',
    trendTarget: 'Cần đạt',
    noTrend: 'Chưa có giá trị theo năm.',
    myTasks: 'Nhiệm vụ được giao',
    noTasks: 'Không có nhiệm vụ nào được giao cho đơn vị.',
    deadline: 'Hạn',
    status: 'Trạng thái',
    overdue: 'quá hạn',
    reviewTitle: 'Rà soát hộ nghèo, cận nghèo năm {{year}}',
    nextStep: 'Bước tiếp theo',
    reviewDone: 'đã xong',
    residentPresent: 'Tổng số hộ dân cư: {{count}}',
    residentMissing: 'Chưa nhập tổng số hộ dân cư',
    openReview: 'Mở trang rà soát',
    openPlan: 'Mở trang kế hoạch',
    progressTitle: 'Tiến độ rà soát của các xã năm {{year}}',
    communes: 'Số xã',
    missingResident: 'Xã chưa nhập tổng số hộ dân cư: {{count}}',
    overdueTasks: 'Nhiệm vụ quá hạn',
    noOverdue: 'Không có nhiệm vụ quá hạn.',
  },
};

const en: Translation<typeof vi> = {
  dash: {
    drillTitle: 'Poverty and near-poverty rates by area: {{where}}, {{year}}',
    drillNote:
      'Review results in the system, over the resident households of the communes that reported them. Click a region or a province (row or bar) to see the level below.',
    breadcrumb: 'Level shown',
    nation: 'Whole country',
    indicator: 'Indicator',
    noReport: 'not reported yet',
    noResident: 'no resident household count',
    residentHouseholds: 'Resident households',
    dataStatus: 'Figures',
    official: 'official',
    provisional: 'provisional (not all recognised)',
    levels: { region: 'Region', province: 'Province, city', commune: 'Commune, ward, special zone' },
    chartAria: '{{indicator}} — {{where}}, {{year}}',
    trendsTitle: 'Each target by year',
    trendAria: '{{target}}: value by year and the level to reach',
    trendValue: 'Value',
    trendTarget: 'To reach',
    noTrend: 'No yearly values yet.',
    myTasks: 'Tasks assigned',
    noTasks: 'No task is assigned to the unit.',
    deadline: 'Deadline',
    status: 'Status',
    overdue: 'overdue',
    reviewTitle: 'Poor and near-poor household review {{year}}',
    nextStep: 'Next step',
    reviewDone: 'done',
    residentPresent: 'Resident households: {{count}}',
    residentMissing: 'Resident household count not entered',
    openReview: 'Open the review page',
    openPlan: 'Open the plan page',
    progressTitle: "Communes' review progress {{year}}",
    communes: 'Communes',
    missingResident: 'Communes without a resident household count: {{count}}',
    overdueTasks: 'Overdue tasks',
    noOverdue: 'No overdue task.',
  },
};

export const texts = defineTexts(vi, en);

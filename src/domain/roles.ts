/** Roles of the program (vai trò). A grant gives a role on an agency and/or a unit. */
export const ROLES = [
  'admin', //            quản trị hệ thống
  'program_owner', //    cơ quan chủ quản chương trình (central)
  'ministry_lead', //    bộ, ngành chủ trì dự án / tiểu dự án (scoped to its agency)
  'steering_member', //  thành viên Ban Chỉ đạo: reads everything non-personal, comments
  'province_officer', // cán bộ cấp tỉnh (scoped to a province)
  'commune_officer', //  cán bộ cấp xã (scoped to a commune)
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_VI: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  program_owner: 'Cơ quan chủ quản chương trình',
  ministry_lead: 'Bộ, ngành chủ trì dự án',
  steering_member: 'Thành viên Ban Chỉ đạo',
  province_officer: 'Cán bộ cấp tỉnh',
  commune_officer: 'Cán bộ cấp xã',
};

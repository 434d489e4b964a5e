-- Mẫu số 04 (QĐ 24/2021/QĐ-TTg, Điều 5 khoản 1) also serves a request to be recognised as having escaped
-- poverty or near-poverty: the kind of request, its outcomes, and the form's personal fields the sources show
-- (sex, date of birth, ethnicity, ID number with its date and issuer, residence). Requests recorded before
-- were all review requests (only their outcomes existed).
ALTER TABLE poverty_application ADD COLUMN kind text NOT NULL DEFAULT 'review' CHECK (kind IN ('review', 'exit'));
ALTER TABLE poverty_application ADD COLUMN applicant_sex text CHECK (applicant_sex IN ('male', 'female'));
ALTER TABLE poverty_application ADD COLUMN applicant_birth_date date;         -- personal data
ALTER TABLE poverty_application ADD COLUMN applicant_ethnicity text;
ALTER TABLE poverty_application ADD COLUMN applicant_id_number text;          -- personal data
ALTER TABLE poverty_application ADD COLUMN applicant_id_issued_on date;
ALTER TABLE poverty_application ADD COLUMN applicant_id_issuer text;
ALTER TABLE poverty_application ADD COLUMN applicant_residence text;          -- personal data
ALTER TABLE poverty_application DROP CONSTRAINT poverty_application_outcome_check;
ALTER TABLE poverty_application ADD CONSTRAINT poverty_application_outcome_check CHECK (
  outcome IS NULL
  OR (kind = 'review' AND outcome IN ('poor', 'near_poor', 'rejected'))
  OR (kind = 'exit' AND outcome IN ('exited_poor', 'exited_near_poor', 'rejected'))
);

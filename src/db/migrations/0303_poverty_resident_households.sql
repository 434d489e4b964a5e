-- Resident households (tổng số hộ dân cư) of a commune in a review year: the denominator of the
-- poverty rates (the official rate divides by all resident households of the area, not by the
-- households surveyed in the review). Reported data with its source (the commune's report, Biểu
-- tổng hợp); the splits by area and by ethnic-minority status are null when not reported.
CREATE TABLE poverty_resident_households (
  year            int NOT NULL,
  commune_id      text NOT NULL REFERENCES admin_unit (id),
  total           int NOT NULL CHECK (total > 0),
  urban           int CHECK (urban >= 0),          -- thành thị (from 2027: khu vực đô thị)
  rural           int CHECK (rural >= 0),          -- nông thôn
  ethnic_minority int CHECK (ethnic_minority >= 0), -- hộ dân tộc thiểu số
  source          text,                            -- null: not given (the CLI's --source is optional)
  recorded_by     text NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, commune_id),
  CHECK ((urban IS NULL) = (rural IS NULL) AND (urban IS NULL OR urban + rural = total)),
  CHECK (ethnic_minority IS NULL OR ethnic_minority <= total)
);

-- Every version ever recorded (append-only): who, when, the values; the previous row is the old value.
CREATE TABLE poverty_resident_households_history (
  id              bigserial PRIMARY KEY,
  year            int NOT NULL,
  commune_id      text NOT NULL REFERENCES admin_unit (id),
  total           int NOT NULL,
  urban           int,
  rural           int,
  ethnic_minority int,
  source          text,
  recorded_by     text NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX poverty_resident_households_history_idx ON poverty_resident_households_history (year, commune_id, id);

-- A household's occupation (QĐ 24/2021/QĐ-TTg, Art. 2: the average-living-standard determination is
-- for farm, forestry, fishery and salt households) and its labour capacity, per review year.
-- Null = not reported (older workbooks without these columns), never a default.
ALTER TABLE poverty_result ADD COLUMN occupation text CHECK (occupation IN ('farm', 'forestry', 'fishery', 'salt', 'other'));
ALTER TABLE poverty_result ADD COLUMN no_labour_capacity boolean;

-- Poor / near-poor households without labour capacity, and those whose capacity is not reported.
ALTER TABLE poverty_aggregate ADD COLUMN poor_no_labour int NOT NULL DEFAULT 0;
ALTER TABLE poverty_aggregate ADD COLUMN near_poor_no_labour int NOT NULL DEFAULT 0;
ALTER TABLE poverty_aggregate ADD COLUMN labour_unknown int NOT NULL DEFAULT 0;
-- Rows written before the labour field existed: every poor / near-poor household's capacity is unknown.
UPDATE poverty_aggregate SET labour_unknown = poor + near_poor;

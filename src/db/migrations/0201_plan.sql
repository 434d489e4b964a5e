-- Implementation plan: program structure, legal instruments, plans, tasks fanned out per agency,
-- progress with evidence, coordination, steering committees, supervision, notifications.
--
-- Citus-ready on paper: the large tables (task and everything under it) are co-located on task_id,
-- which is in every primary key and unique constraint; notifications are distributed on user_id.
-- Small code tables (program_*, legal_instrument, plan, steering_*) would be reference tables.
-- Facts that come from outside carry fact_status (VERIFIED / PARTIAL / UNVERIFIED) and source.

CREATE TABLE program_phase (
  id          text PRIMARY KEY,              -- e.g. 'GNBV-2021-2025'
  name        text NOT NULL,
  start_year  int NOT NULL,
  end_year    int NOT NULL,
  legal_basis text,                           -- investment policy and approval, e.g. 'NQ 24/2021/QH15; QĐ 90/QĐ-TTg'
  objective   text,
  fact_status text NOT NULL DEFAULT 'UNVERIFIED',
  source      text
);

CREATE TABLE program_target (
  phase_id    text NOT NULL REFERENCES program_phase (id),
  code        text NOT NULL,                  -- 'T1' …
  name        text NOT NULL,
  value_text  text NOT NULL,                  -- as written: '−1 đến −1,5 điểm %/năm'
  legal_basis text,
  fact_status text NOT NULL,
  source      text,
  PRIMARY KEY (phase_id, code)
);

-- Projects (Dự án) and sub-projects (Tiểu dự án): 'DA1', 'DA1.TDA2'.
CREATE TABLE program_project (
  phase_id       text NOT NULL REFERENCES program_phase (id),
  code           text NOT NULL,
  parent_code    text,
  name           text,                        -- Vietnamese name (NULL when not retrieved)
  name_en        text,
  lead_agency_id text REFERENCES agency (id),
  lead_note      text,
  fact_status    text NOT NULL,
  source         text,
  PRIMARY KEY (phase_id, code)
);

CREATE TABLE program_budget (
  phase_id     text NOT NULL REFERENCES program_phase (id),
  funding      text NOT NULL CHECK (funding IN ('central', 'local', 'other', 'total')),
  capital_type text NOT NULL CHECK (capital_type IN ('investment', 'recurrent', 'all')),
  amount_bn_vnd numeric NOT NULL,
  fact_status  text NOT NULL,
  source       text,
  PRIMARY KEY (phase_id, funding, capital_type)
);

-- Register of legal instruments (văn bản): planned and issued, with amendments and replacements.
CREATE TABLE legal_instrument (
  id             bigserial PRIMARY KEY,
  kind           text NOT NULL,              -- 'Nghị quyết', 'Nghị định', 'Quyết định', 'Thông tư', 'Kế hoạch', 'Báo cáo' …
  number         text,                       -- '90/QĐ-TTg'; NULL while drafting
  title          text NOT NULL,
  issuer         text,                       -- 'Thủ tướng Chính phủ'
  issuer_agency_id text REFERENCES agency (id),
  drafting_agency_id text REFERENCES agency (id),
  signer         text,
  issued_on      date,
  effective_on   date,
  status         text NOT NULL DEFAULT 'issued' CHECK (status IN ('drafting', 'submitted', 'issued', 'amended', 'replaced', 'expired')),
  amends_id      bigint REFERENCES legal_instrument (id),
  replaces_id    bigint REFERENCES legal_instrument (id),
  note           text,
  fact_status    text NOT NULL DEFAULT 'UNVERIFIED',
  source         text,
  version        int NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX legal_instrument_number_idx ON legal_instrument (number) WHERE number IS NOT NULL;

-- A plan (kế hoạch) that holds tasks.
CREATE TABLE plan (
  id              bigserial PRIMARY KEY,
  code            text NOT NULL UNIQUE,       -- '1705/QĐ-TTg'
  title           text NOT NULL,
  phase_id        text REFERENCES program_phase (id),
  instrument_id   bigint REFERENCES legal_instrument (id),   -- the decision that issued the plan
  issuer_agency_id text REFERENCES agency (id),
  issued_on       date,
  purpose         text,
  fact_status     text NOT NULL DEFAULT 'UNVERIFIED',
  source          text
);

-- A task (nhiệm vụ / nội dung công việc). Responsibility is agency × territory: either one lead agency,
-- or a fan-out ('provinces', 'ministries', 'all') into one assignment per agency.
CREATE TABLE task (
  id              bigserial PRIMARY KEY,
  plan_id         bigint NOT NULL REFERENCES plan (id),
  parent_id       bigint REFERENCES task (id),
  position        text NOT NULL,               -- '3.1': order inside the plan (STT)
  title           text NOT NULL,
  lead_agency_id  text REFERENCES agency (id),
  fan_out         text NOT NULL DEFAULT 'none' CHECK (fan_out IN ('none', 'provinces', 'ministries', 'all')),
  deadline_text   text,                        -- as written: 'quý IV/2021'
  deadline_kind   text CHECK (deadline_kind IN ('date', 'period', 'recurring', 'relative')),
  due_on          date,                        -- last day allowed (a period resolves to its last day)
  deadline_status text NOT NULL DEFAULT 'VERIFIED',
  start_on        date,
  deliverable_kind text,                       -- 'Quyết định của Thủ tướng Chính phủ', 'Kế hoạch', 'Báo cáo' …
  deliverable     text,
  status          text NOT NULL DEFAULT 'not_started'
                  CHECK (status IN ('not_started', 'in_progress', 'submitted', 'completed', 'paused', 'cancelled')),
  percent         numeric NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  completed_on    date,
  note            text,
  fact_status     text NOT NULL DEFAULT 'UNVERIFIED',
  source          text,
  version         int NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_plan_idx ON task (plan_id, position);
CREATE INDEX task_lead_idx ON task (lead_agency_id);
CREATE INDEX task_due_idx ON task (due_on) WHERE status NOT IN ('completed', 'cancelled');

CREATE TABLE task_coordinator (
  task_id   bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  agency_id text NOT NULL REFERENCES agency (id),
  PRIMARY KEY (task_id, agency_id)
);
CREATE INDEX task_coordinator_agency_idx ON task_coordinator (agency_id);

-- The instruments that fulfil a task (planned vs actual dates come from here).
CREATE TABLE task_instrument (
  task_id       bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  instrument_id bigint NOT NULL REFERENCES legal_instrument (id),
  PRIMARY KEY (task_id, instrument_id)
);

CREATE TABLE task_dependency (
  task_id            bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  depends_on_task_id bigint NOT NULL REFERENCES task (id),
  PRIMARY KEY (task_id, depends_on_task_id),
  CHECK (task_id <> depends_on_task_id)
);

-- One tracked assignment per responsible agency. A hand-over (reorganisation) closes the assignment
-- (valid_to, handed_over_to) and opens a new one for the successor; history stays.
CREATE TABLE task_assignment (
  task_id        bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  id             bigserial,
  agency_id      text NOT NULL REFERENCES agency (id),
  unit_id        text REFERENCES admin_unit (id),     -- territory of a People's Committee
  status         text NOT NULL DEFAULT 'not_started'
                 CHECK (status IN ('not_started', 'in_progress', 'submitted', 'completed', 'paused', 'cancelled')),
  percent        numeric NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  due_on         date,                        -- NULL: the task's
  completed_on   date,
  instrument_id  bigint REFERENCES legal_instrument (id),
  note           text,
  valid_from     date NOT NULL,
  valid_to       date,                        -- set when handed over
  handed_over_from bigint,                    -- assignment id of the predecessor (same task)
  version        int NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, id)
);
CREATE UNIQUE INDEX task_assignment_active_idx ON task_assignment (task_id, agency_id) WHERE valid_to IS NULL;
CREATE INDEX task_assignment_agency_idx ON task_assignment (agency_id, status);

CREATE TABLE task_status_change (
  task_id       bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  id            bigserial,
  assignment_id bigint,
  from_status   text NOT NULL,
  to_status     text NOT NULL,
  note          text,
  by_user_id    bigint,
  by_name       text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, id)
);

CREATE TABLE progress_update (
  task_id       bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  id            bigserial,
  assignment_id bigint,
  reported_on   date NOT NULL,
  percent       numeric NOT NULL CHECK (percent BETWEEN 0 AND 100),
  narrative     text NOT NULL,
  by_user_id    bigint,
  by_name       text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, id)
);
CREATE INDEX progress_update_assignment_idx ON progress_update (task_id, assignment_id, reported_on);

-- Evidence files: content kept with its sha256 (integrity and de-duplication).
CREATE TABLE evidence_file (
  task_id       bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  id            bigserial,
  progress_id   bigint,
  file_name     text NOT NULL,
  content_type  text NOT NULL,
  size_bytes    int NOT NULL,
  sha256        text NOT NULL,
  content       bytea NOT NULL,
  by_user_id    bigint,
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, id)
);

-- Comments and requests between agencies, kept on the task.
CREATE TABLE task_comment (
  task_id        bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  id             bigserial,
  assignment_id  bigint,
  kind           text NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'request', 'reply')),
  from_agency_id text REFERENCES agency (id),
  to_agency_id   text REFERENCES agency (id),
  body           text NOT NULL,
  by_user_id     bigint,
  by_name        text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, id)
);

-- Steering committees (Ban Chỉ đạo) and their members over time: every re-issue is a new version.
CREATE TABLE steering_committee (
  id              text PRIMARY KEY,            -- 'BCD-TW-1945-2021'
  level           text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
  unit_id         text REFERENCES admin_unit (id),
  name            text NOT NULL,
  programs        text NOT NULL,               -- 'Các chương trình mục tiêu quốc gia giai đoạn 2021-2025'
  instrument_id   bigint REFERENCES legal_instrument (id),
  standing_agency_id text REFERENCES agency (id),
  valid_from      date NOT NULL,
  valid_to        date,
  fact_status     text NOT NULL,
  source          text
);

CREATE TABLE committee_member (
  id            bigserial PRIMARY KEY,
  committee_id  text NOT NULL REFERENCES steering_committee (id),
  role          text NOT NULL CHECK (role IN ('head', 'deputy_head', 'standing_member', 'member', 'invited')),
  person_name   text,                          -- NULL when the decision names only the position
  position      text NOT NULL,
  agency_id     text REFERENCES agency (id),
  valid_from    date NOT NULL,
  valid_to      date,
  instrument_id bigint REFERENCES legal_instrument (id),
  fact_status   text NOT NULL,
  source        text
);
CREATE INDEX committee_member_committee_idx ON committee_member (committee_id);

CREATE TABLE committee_meeting (
  id           bigserial PRIMARY KEY,
  committee_id text NOT NULL REFERENCES steering_committee (id),
  held_on      date NOT NULL,
  title        text NOT NULL,
  minutes_ref  text
);

-- A conclusion of a meeting becomes a task.
CREATE TABLE meeting_conclusion (
  id         bigserial PRIMARY KEY,
  meeting_id bigint NOT NULL REFERENCES committee_meeting (id),
  body       text NOT NULL,
  task_id    bigint REFERENCES task (id)
);

-- Inspection and supervision (kiểm tra, giám sát): plans, visits, findings, recommendations to closure.
CREATE TABLE supervision_plan (
  id           bigserial PRIMARY KEY,
  committee_id text REFERENCES steering_committee (id),
  agency_id    text REFERENCES agency (id),
  kind         text NOT NULL CHECK (kind IN ('supervision', 'inspection')),
  title        text NOT NULL,
  year         int NOT NULL,
  legal_basis  text,
  planned_from date,
  planned_to   date
);

CREATE TABLE supervision_visit (
  id          bigserial PRIMARY KEY,
  plan_id     bigint NOT NULL REFERENCES supervision_plan (id),
  unit_id     text REFERENCES admin_unit (id),
  agency_id   text REFERENCES agency (id),
  visited_on  date NOT NULL,
  team        text
);

CREATE TABLE supervision_finding (
  id        bigserial PRIMARY KEY,
  visit_id  bigint NOT NULL REFERENCES supervision_visit (id),
  body      text NOT NULL,
  severity  text NOT NULL DEFAULT 'normal' CHECK (severity IN ('normal', 'serious'))
);

CREATE TABLE supervision_recommendation (
  id                 bigserial PRIMARY KEY,
  finding_id         bigint NOT NULL REFERENCES supervision_finding (id),
  body               text NOT NULL,
  addressee_agency_id text REFERENCES agency (id),
  deadline_text      text,
  due_on             date,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
  closed_on          date,
  follow_up          text,
  version            int NOT NULL DEFAULT 1
);

-- In-app notifications and the e-mail outbox (sent by SMTP when configured).
CREATE TABLE notification (
  user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  id         bigserial,
  kind       text NOT NULL,                   -- 'digest', 'status', 'comment', 'handover'
  task_id    bigint,
  title      text NOT NULL,
  body       text NOT NULL,
  digest_on  date,                            -- one digest per user and day
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz,
  PRIMARY KEY (user_id, id)
);
CREATE UNIQUE INDEX notification_digest_idx ON notification (user_id, digest_on) WHERE kind = 'digest';

CREATE TABLE email_outbox (
  user_id    bigint NOT NULL,
  id         bigserial,
  to_address text NOT NULL,
  subject    text NOT NULL,
  body       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz,
  attempts   int NOT NULL DEFAULT 0,
  last_error text,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX email_outbox_pending_idx ON email_outbox (created_at) WHERE sent_at IS NULL;

-- Accounts that can be managed: lock (app_user.active = false, with when and by whom),
-- a password to change at the next sign-in (generated or reset by an administrator),
-- the last sign-in, and grants that hold between two dates.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;
ALTER TABLE app_user ADD COLUMN last_login_at timestamptz;
ALTER TABLE app_user ADD COLUMN locked_at timestamptz;
ALTER TABLE app_user ADD COLUMN locked_by text;

-- Both inclusive, Vietnam calendar days; NULL = open-ended.
ALTER TABLE user_grant ADD COLUMN valid_from date;
ALTER TABLE user_grant ADD COLUMN valid_to date;
ALTER TABLE user_grant ADD CONSTRAINT user_grant_dates CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from);

-- Failed sign-ins, counted per account ('u:<username>') and per client address ('a:<address>'),
-- in the database so that every process serving the installation shares them and a restart
-- keeps them. A key is forgotten after a quiet period (see src/domain/auth/throttle.ts).
CREATE TABLE login_throttle (
  key             text PRIMARY KEY,
  failures        integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until   timestamptz
);

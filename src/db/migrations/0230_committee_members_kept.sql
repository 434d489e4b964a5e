-- Members of a steering committee are edited by officials (added, changed, ended). Once a committee's
-- members have been edited, reloading the seed must not overwrite them: the loader leaves that committee's
-- members alone. Rows entered or changed by a person say who, in entered_by.
ALTER TABLE steering_committee ADD COLUMN members_edited boolean NOT NULL DEFAULT false;
ALTER TABLE committee_member ADD COLUMN entered_by text;

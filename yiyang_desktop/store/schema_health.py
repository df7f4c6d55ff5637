"""Migration: health files (dated versions, never overwritten), yearly health checks with their scanned reports, and
each resident's 长护险 (long-term-care insurance) levels with their validity (history kept when a level changes).

Written to be run again harmlessly (IF NOT EXISTS): a file marked one step behind that already has the tables
migrates cleanly. Dates are ISO text; ``valid_to`` of a level is its last day (inclusive, as a certificate writes it). Two levels of
one resident may not overlap (the service says so first; the trigger is the safety net).
"""
from __future__ import annotations

import sqlite_utils

from .schema_accounts import install_audit_triggers

PROVIDER_KINDS_SQL = "'合作医疗机构','内设医疗机构','其他'"
LEVEL_OVERLAP = "同一位老人的两个长护险等级有效期重叠"


def m_health(db: sqlite_utils.Database) -> None:
    db.executescript(f"""
CREATE TABLE IF NOT EXISTS health_files (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  recorded_on TEXT NOT NULL,                 -- the day this version of the file was written down
  past_illnesses TEXT, chronic_conditions TEXT, allergies TEXT, contraindicated_drugs TEXT, diet_restrictions TEXT,
  family_doctor TEXT, family_doctor_since TEXT,
  partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT,   -- the attending partner institution
  note TEXT, created_at TEXT, created_by TEXT
);
CREATE INDEX IF NOT EXISTS health_files_resident ON health_files(resident_id, recorded_on);
CREATE TABLE IF NOT EXISTS health_checks (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  check_date TEXT NOT NULL,
  provider_kind TEXT NOT NULL CHECK (provider_kind IN ({PROVIDER_KINDS_SQL})),
  partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT,
  provider_name TEXT, doctor TEXT,
  findings TEXT NOT NULL, advice TEXT,
  feedback_date TEXT, feedback_to TEXT, feedback_note TEXT,   -- when and to whom the result and advice were given
  created_at TEXT, updated_at TEXT,
  CHECK (feedback_date IS NULL OR feedback_date >= check_date),
  CHECK (provider_kind != '合作医疗机构' OR partner_id IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS health_checks_resident ON health_checks(resident_id, check_date);
CREATE INDEX IF NOT EXISTS health_checks_date ON health_checks(check_date);
CREATE TABLE IF NOT EXISTS health_check_files (
  id INTEGER PRIMARY KEY, check_id INTEGER NOT NULL REFERENCES health_checks(id) ON DELETE CASCADE,
  original_name TEXT NOT NULL, stored_name TEXT NOT NULL,   -- stored_name: relative to the data folder
  sha256 TEXT NOT NULL, size INTEGER NOT NULL, added_at TEXT
);
CREATE INDEX IF NOT EXISTS health_check_files_check ON health_check_files(check_id);
CREATE TABLE IF NOT EXISTS ltc_levels (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  insured_place TEXT NOT NULL, level TEXT NOT NULL, certificate_no TEXT,
  valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,          -- valid_to: the last day (inclusive)
  note TEXT, created_at TEXT,
  CHECK (valid_to >= valid_from)
);
CREATE INDEX IF NOT EXISTS ltc_levels_resident ON ltc_levels(resident_id, valid_from);
CREATE INDEX IF NOT EXISTS ltc_levels_valid_to ON ltc_levels(valid_to);
CREATE TRIGGER IF NOT EXISTS ltc_levels_no_overlap_ins BEFORE INSERT ON ltc_levels
WHEN EXISTS (SELECT 1 FROM ltc_levels x WHERE x.resident_id = NEW.resident_id
             AND x.valid_from <= NEW.valid_to AND NEW.valid_from <= x.valid_to)
BEGIN SELECT RAISE(ABORT, '{LEVEL_OVERLAP}'); END;
CREATE TRIGGER IF NOT EXISTS ltc_levels_no_overlap_upd BEFORE UPDATE ON ltc_levels
WHEN EXISTS (SELECT 1 FROM ltc_levels x WHERE x.id != NEW.id AND x.resident_id = NEW.resident_id
             AND x.valid_from <= NEW.valid_to AND NEW.valid_from <= x.valid_to)
BEGIN SELECT RAISE(ABORT, '{LEVEL_OVERLAP}'); END;
""")
    install_audit_triggers(db)

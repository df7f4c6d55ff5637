"""Migration: ability assessments and care-risk events (A.2.14)."""
from __future__ import annotations

import sqlite_utils


def m002_assessments(db: sqlite_utils.Database) -> None:
    db.executescript("""
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  instrument_id TEXT NOT NULL, instrument_version TEXT NOT NULL,
  assessed_on TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('首次评估','常规评估','即时评估','复评')),
  status TEXT NOT NULL CHECK (status IN ('草稿','完成')),
  assessor1 TEXT, assessor2 TEXT, informant_name TEXT, informant_relation TEXT,
  coma INTEGER NOT NULL DEFAULT 0,
  diagnoses TEXT NOT NULL DEFAULT '[]',      -- [{"code": "F01", "psychiatric": false}]
  risk_events TEXT NOT NULL DEFAULT '{}',    -- {"跌倒": 1, ...} for the 30 days before the assessment
  answers TEXT NOT NULL DEFAULT '{}',        -- {"B.1.1": 4, ...}: the source of truth
  result TEXT,                               -- the engine's JSON for a completed assessment
  total INTEGER, initial_grade INTEGER, final_grade INTEGER, final_grade_name TEXT,
  note TEXT, created_at TEXT, updated_at TEXT,
  CHECK (status = '草稿' OR (result IS NOT NULL AND final_grade IS NOT NULL))
);
CREATE INDEX assessments_resident ON assessments(resident_id, assessed_on);
CREATE INDEX assessments_done ON assessments(status, assessed_on);
CREATE TABLE care_events (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  event_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('跌倒','走失','噎食','自杀/自伤','其他')),
  note TEXT
);
CREATE INDEX care_events_resident ON care_events(resident_id, event_date);
""")

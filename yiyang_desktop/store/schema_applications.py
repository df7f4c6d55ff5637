"""Subsidy applications: the user's own policy profiles, applications as made, construction grants per bed,
and the institution fields the forms need."""
from __future__ import annotations

import sqlite_utils


def m_applications(db: sqlite_utils.Database) -> None:
    db.executescript("""
ALTER TABLE institution ADD COLUMN legal_cert_no TEXT;      -- 法人登记证书号（民非登记证书/事业单位法人证书）
ALTER TABLE institution ADD COLUMN approved_beds INTEGER;   -- 核准床位数
ALTER TABLE institution ADD COLUMN established_date TEXT;   -- 设立时间
ALTER TABLE institution ADD COLUMN postcode TEXT;
CREATE TABLE policy_profiles (
  id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE subsidy_applications (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('construction','operating','insurance')),
  profile_id TEXT, profile_version INTEGER, period TEXT,
  amount_fen INTEGER, summary TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT '已生成' CHECK (status IN ('已生成','已批准','未通过')),
  approved_amount_fen INTEGER, decided_on TEXT, note TEXT,
  created_at TEXT NOT NULL, created_by TEXT
);
CREATE TABLE construction_grants (
  bed_id INTEGER PRIMARY KEY REFERENCES beds(id),
  application_id INTEGER NOT NULL REFERENCES subsidy_applications(id),
  amount_fen INTEGER NOT NULL, granted_on TEXT NOT NULL
);
CREATE INDEX construction_grants_app ON construction_grants(application_id);
""")

"""Migration: partner medical institutions, cooperation agreements, visits and the two-way referral log.

A partner is referred to by agreements, visits and referrals with ON DELETE RESTRICT: a partner with records
cannot disappear (the service refuses first with a plain message; the foreign key is the safety net).
"""
from __future__ import annotations

import sqlite_utils

PARTNER_KINDS_SQL = ("'综合医院','中医医院','专科医院','康复医院','护理院','安宁疗护中心','社区卫生服务中心(站)',"
                     "'乡镇卫生院','村卫生室','其他'")
REFERRAL_STATES_SQL = "'待接收','已接收','未接收','住院','门诊处理','已回转','已结束'"


def m_medical(db: sqlite_utils.Database) -> None:
    db.executescript(f"""
CREATE TABLE partners (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  uscc TEXT,
  kind TEXT NOT NULL CHECK (kind IN ({PARTNER_KINDS_SQL})),
  level TEXT NOT NULL DEFAULT '未定级' CHECK (level IN ('一级','二级','三级','未定级')),
  insurance_designated INTEGER NOT NULL DEFAULT 0,
  address TEXT, phone TEXT,
  distance_km TEXT,                 -- decimal as text, e.g. '4.5'
  travel_minutes INTEGER CHECK (travel_minutes IS NULL OR travel_minutes >= 0),
  note TEXT, created_at TEXT
);
CREATE TABLE partner_contacts (
  id INTEGER PRIMARY KEY, partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  name TEXT NOT NULL, role TEXT, phone TEXT, sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX partner_contacts_partner ON partner_contacts(partner_id);
CREATE TABLE agreements (
  id INTEGER PRIMARY KEY,
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,
  number TEXT,
  signed_date TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,
  our_duties TEXT, partner_duties TEXT, note TEXT,
  terminated_on TEXT, termination_reason TEXT,
  renews_id INTEGER UNIQUE REFERENCES agreements(id) ON DELETE RESTRICT,   -- the agreement this one renews
  created_at TEXT,
  CHECK (valid_to >= valid_from),
  CHECK ((terminated_on IS NULL) = (termination_reason IS NULL))
);
CREATE INDEX agreements_partner ON agreements(partner_id, valid_from);
CREATE TABLE agreement_services (
  id INTEGER PRIMARY KEY, agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  service TEXT NOT NULL, detail TEXT,
  frequency TEXT,                   -- 上门巡诊: 每周 / 每两周 / 每月 / 每季度
  times INTEGER,                    -- 上门巡诊: visits per period
  response_minutes INTEGER,         -- 急诊急救应急通道: promised response time
  sort INTEGER NOT NULL DEFAULT 0,
  UNIQUE (agreement_id, service)
);
CREATE TABLE agreement_fees (
  id INTEGER PRIMARY KEY, agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  item TEXT NOT NULL, payer TEXT NOT NULL, basis TEXT NOT NULL,
  amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0), note TEXT, sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE agreement_files (
  id INTEGER PRIMARY KEY, agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  original_name TEXT NOT NULL, stored_name TEXT NOT NULL,   -- stored_name: relative to the data folder
  sha256 TEXT NOT NULL, size INTEGER NOT NULL, added_at TEXT
);
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,
  agreement_id INTEGER REFERENCES agreements(id) ON DELETE RESTRICT,     -- the agreement in force that day
  visit_date TEXT NOT NULL, doctor TEXT NOT NULL, notes TEXT, created_at TEXT
);
CREATE INDEX visits_date ON visits(visit_date);
CREATE TABLE visit_residents (
  visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  PRIMARY KEY (visit_id, resident_id)
);
CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  stay_id INTEGER NOT NULL REFERENCES stays(id),
  direction TEXT NOT NULL CHECK (direction IN ('上转','下转')),
  referred_at TEXT NOT NULL,        -- 'YYYY-MM-DDTHH:MM'
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,
  department TEXT, receiving_doctor TEXT, referring_doctor TEXT, referring_phone TEXT,
  impression TEXT, present_illness TEXT, past_history TEXT, treatment TEXT,
  indications TEXT NOT NULL DEFAULT '[]', indication_note TEXT,
  urgency TEXT NOT NULL DEFAULT '普通' CHECK (urgency IN ('急诊','普通')),
  transport TEXT, escort TEXT, note TEXT,
  state TEXT NOT NULL DEFAULT '待接收' CHECK (state IN ({REFERRAL_STATES_SQL})),
  state_date TEXT NOT NULL,
  referral_admission INTEGER NOT NULL DEFAULT 0,   -- 1: an inpatient admission that followed this up-referral
  admitted_on TEXT,
  leave_id INTEGER REFERENCES leaves(id) ON DELETE SET NULL,
  returned_on TEXT, return_diagnosis TEXT, hospital_record_no TEXT, return_findings TEXT,
  return_advice TEXT, return_doctor TEXT, return_phone TEXT, return_receiver TEXT,
  reassessment_due_from TEXT,
  closed_reason TEXT,
  created_at TEXT, updated_at TEXT,
  CHECK (returned_on IS NULL OR returned_on >= substr(referred_at, 1, 10))
);
CREATE INDEX referrals_date ON referrals(referred_at);
CREATE INDEX referrals_resident ON referrals(resident_id);
CREATE TABLE referral_events (
  id INTEGER PRIMARY KEY, referral_id INTEGER NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ({REFERRAL_STATES_SQL})),
  event_date TEXT NOT NULL, reason TEXT, note TEXT, user TEXT, created_at TEXT
);
CREATE INDEX referral_events_referral ON referral_events(referral_id, event_date);
""")

"""Numbered schema migrations. Each step is a function of the open database; never edit a released step."""
from __future__ import annotations

import sqlite_utils

from ..domain.text import QT_TRANSLATE_NOOP as N_

# The refusals the triggers below raise (listed here so the translation files carry them).
TRIGGER_MESSAGES = (N_("msg", "同一位老人的两次入住时间重叠"), N_("msg", "该床位在这段时间已有老人入住"),
                    N_("msg", "同一次入住不能同时占用两张床位"), N_("msg", "同一位老人的两个长护险等级有效期重叠"))

BED_TYPES_SQL = "'养老床位','护理型床位','医疗床位','家庭养老床位'"


def _overlap_trigger(table: str, key: str, start: str, end: str, message: str) -> str:
    """Triggers refusing two half-open periods [start, end) of the same ``key`` that overlap."""
    cond = (f"x.{key} = NEW.{key} AND x.{start} < COALESCE(NEW.{end}, '9999-12-31') "
            f"AND NEW.{start} < COALESCE(x.{end}, '9999-12-31')")
    return f"""
CREATE TRIGGER {table}_{key}_no_overlap_ins BEFORE INSERT ON {table}
WHEN EXISTS (SELECT 1 FROM {table} x WHERE {cond})
BEGIN SELECT RAISE(ABORT, '{message}'); END;
CREATE TRIGGER {table}_{key}_no_overlap_upd BEFORE UPDATE ON {table}
WHEN EXISTS (SELECT 1 FROM {table} x WHERE x.id != NEW.id AND {cond})
BEGIN SELECT RAISE(ABORT, '{message}'); END;
"""


def _period_trigger(table: str, key: str, start: str, end: str, message: str) -> str:
    """Triggers refusing two half-open periods [start, end) of the same ``key`` that overlap; a period that is
    empty (start = end: admitted and discharged, or moved in and out, on the same day) holds no end of any day and
    overlaps nothing — the end-of-day census's reading, and what the server's exclusion constraints do."""
    cond = (f"x.{key} = NEW.{key} AND x.{start} < COALESCE(NEW.{end}, '9999-12-31') "
            f"AND NEW.{start} < COALESCE(x.{end}, '9999-12-31') "
            f"AND x.{start} < COALESCE(x.{end}, '9999-12-31') AND NEW.{start} < COALESCE(NEW.{end}, '9999-12-31')")
    return f"""
DROP TRIGGER IF EXISTS {table}_{key}_no_overlap_ins;
DROP TRIGGER IF EXISTS {table}_{key}_no_overlap_upd;
CREATE TRIGGER {table}_{key}_no_overlap_ins BEFORE INSERT ON {table}
WHEN EXISTS (SELECT 1 FROM {table} x WHERE {cond})
BEGIN SELECT RAISE(ABORT, '{message}'); END;
CREATE TRIGGER {table}_{key}_no_overlap_upd BEFORE UPDATE ON {table}
WHEN EXISTS (SELECT 1 FROM {table} x WHERE x.id != NEW.id AND {cond})
BEGIN SELECT RAISE(ABORT, '{message}'); END;
"""


def m_empty_periods(db: sqlite_utils.Database) -> None:
    """One reading of overlapping periods on both engines: an empty period overlaps nothing (see
    ``_period_trigger``). The server's exclusion constraints (``store.pg_ddl``) already read it so."""
    if getattr(db, "engine", "sqlite") == "postgresql":
        return
    from .pg_ddl import split_statements
    script = (_period_trigger("stays", "resident_id", "admission_date", "discharge_date", "同一位老人的两次入住时间重叠")
              + _period_trigger("bed_assignments", "bed_id", "start_date", "end_date", "该床位在这段时间已有老人入住")
              + _period_trigger("bed_assignments", "stay_id", "start_date", "end_date", "同一次入住不能同时占用两张床位"))
    for statement in split_statements(script):  # one by one, inside the step's transaction
        db.execute(statement)


def m001_records_core(db: sqlite_utils.Database) -> None:
    db.executescript(f"""
CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE institution (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL DEFAULT '', uscc TEXT, legal_rep TEXT, contact_person TEXT, contact_phone TEXT,
  address TEXT, region_code TEXT, region_name TEXT, ownership TEXT, profit_type TEXT, kind TEXT,
  license_no TEXT, medical_facility TEXT, medical_license_no TEXT, medical_license_date TEXT,
  operation_start_date TEXT, building_area TEXT, bank_name TEXT, bank_account TEXT, updated_at TEXT
);
CREATE TABLE beds (
  id INTEGER PRIMARY KEY,
  building TEXT NOT NULL DEFAULT '', floor TEXT NOT NULL DEFAULT '', room TEXT NOT NULL, number TEXT NOT NULL,
  provision TEXT NOT NULL DEFAULT '新建' CHECK (provision IN ('新建','改扩建','租赁')),
  lease_end_date TEXT, service_date TEXT NOT NULL, note TEXT,
  UNIQUE (building, floor, room, number)
);
CREATE TABLE bed_type_changes (
  id INTEGER PRIMARY KEY, bed_id INTEGER NOT NULL REFERENCES beds(id) ON DELETE CASCADE,
  effective_date TEXT NOT NULL, bed_type TEXT NOT NULL CHECK (bed_type IN ({BED_TYPES_SQL})),
  sub_type TEXT CHECK (sub_type IS NULL OR sub_type IN ('康复','护理','安宁疗护')), note TEXT,
  UNIQUE (bed_id, effective_date)
);
CREATE TABLE bed_status_changes (
  id INTEGER PRIMARY KEY, bed_id INTEGER NOT NULL REFERENCES beds(id) ON DELETE CASCADE,
  effective_date TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('可用','预留','维修','停用')), note TEXT,
  UNIQUE (bed_id, effective_date)
);
CREATE TABLE residents (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_initials TEXT NOT NULL DEFAULT '',
  name_pinyin TEXT NOT NULL DEFAULT '', sex TEXT NOT NULL CHECK (sex IN ('男','女')),
  id_number TEXT NOT NULL UNIQUE, birth_date TEXT NOT NULL, hukou_local INTEGER NOT NULL DEFAULT 1,
  hukou_address TEXT, categories TEXT NOT NULL DEFAULT '[]', medical_insurance TEXT,
  ltc_insurance INTEGER NOT NULL DEFAULT 0, phone TEXT, note TEXT, created_at TEXT
);
CREATE TABLE resident_contacts (
  id INTEGER PRIMARY KEY, resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
  name TEXT NOT NULL, relation TEXT, phone TEXT, sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE stays (
  id INTEGER PRIMARY KEY, resident_id INTEGER NOT NULL REFERENCES residents(id),
  admission_date TEXT NOT NULL, discharge_date TEXT,
  discharge_reason TEXT CHECK (discharge_reason IS NULL OR discharge_reason IN ('回家','转院','死亡','其他')),
  discharge_note TEXT,
  CHECK (discharge_date IS NULL OR discharge_date >= admission_date),
  CHECK ((discharge_date IS NULL) = (discharge_reason IS NULL))
);
CREATE INDEX stays_dates ON stays(admission_date, discharge_date);
CREATE INDEX stays_resident ON stays(resident_id);
CREATE TABLE bed_assignments (
  id INTEGER PRIMARY KEY, stay_id INTEGER NOT NULL REFERENCES stays(id) ON DELETE CASCADE,
  bed_id INTEGER NOT NULL REFERENCES beds(id), start_date TEXT NOT NULL, end_date TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX bed_assignments_bed ON bed_assignments(bed_id, start_date);
CREATE INDEX bed_assignments_stay ON bed_assignments(stay_id);
CREATE INDEX bed_assignments_dates ON bed_assignments(start_date, end_date);
CREATE TABLE leaves (
  id INTEGER PRIMARY KEY, stay_id INTEGER NOT NULL REFERENCES stays(id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT '请假外出' CHECK (kind IN ('请假外出','住院')),
  start_date TEXT NOT NULL, end_date TEXT, destination TEXT, note TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX leaves_stay ON leaves(stay_id);
CREATE TABLE staff (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, id_number TEXT, sex TEXT,
  role TEXT NOT NULL CHECK (role IN ('执业医师','执业助理医师','注册护士','护理员','康复治疗师','管理人员','其他')),
  title TEXT, practice_cert_no TEXT, qualification_cert_no TEXT, other_certs TEXT,
  first_registration INTEGER NOT NULL DEFAULT 0, employment TEXT NOT NULL DEFAULT '全职'
    CHECK (employment IN ('全职','兼职')),
  start_date TEXT NOT NULL, end_date TEXT, phone TEXT, note TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
{_overlap_trigger('stays', 'resident_id', 'admission_date', 'discharge_date', '同一位老人的两次入住时间重叠')}
{_overlap_trigger('bed_assignments', 'bed_id', 'start_date', 'end_date', '该床位在这段时间已有老人入住')}
{_overlap_trigger('bed_assignments', 'stay_id', 'start_date', 'end_date', '同一次入住不能同时占用两张床位')}
""")


from .schema_assessments import m002_assessments  # noqa: E402
from .schema_medical import m_medical  # noqa: E402
from .schema_applications import m_applications  # noqa: E402
from .schema_returns import m_returns  # noqa: E402
from .schema_accounts import m_accounts_audit, m_audit_actor_time, m_audit_user_index  # noqa: E402
from .schema_identity import m_file_identity  # noqa: E402
from .schema_health import m_health  # noqa: E402
from .schema_names import m_surname_pinyin  # noqa: E402
from .schema_audit_keyed import m_audit_keyed  # noqa: E402

# The audit step stays last while features are added: it puts audit triggers on every table that exists then.
MIGRATIONS = [m001_records_core, m002_assessments, m_medical, m_applications, m_returns, m_accounts_audit,
              m_audit_user_index, m_audit_actor_time, m_file_identity, m_health, m_surname_pinyin, m_audit_keyed,
              m_empty_periods]
SCHEMA_VERSION = len(MIGRATIONS)

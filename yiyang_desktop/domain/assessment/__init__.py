"""Ability and disability assessment instruments as data files, scored by one general engine (no Qt, no SQL).

    inst = load_instrument("gbt42195-2022")          # or list_instruments(); DEFAULT_INSTRUMENT_ID
    validate_answers(inst, draft)                    # problems of a possibly incomplete answer set
    result = score(inst, answers, coma=False, diagnoses=["F01"], care_risk_events_30d=2)
    result.final_grade, result.final_grade_name, result.to_json()
"""
from .engine import AnswerError, answer_problems, diagnosis_in, icd_category, score
from .loader import (DEFAULT_INSTRUMENT_ID, InstrumentError, english_names, instruments_dir, list_instruments, load_file,
                     load_instrument)
from .model import Indicator, Instrument, Item, Option, ScoreResult


def validate_answers(inst: Instrument, answers, *, complete: bool = False) -> list[str]:
    """Problems of an answer set in Chinese: unknown items and disallowed values, and with ``complete=True`` also
    missing items. An empty list means a draft is fine (or, with ``complete``, that ``score`` will accept it)."""
    return answer_problems(inst, answers, complete=complete)


__all__ = ["AnswerError", "DEFAULT_INSTRUMENT_ID", "Indicator", "Instrument", "InstrumentError", "Item", "Option",
           "ScoreResult", "answer_problems", "english_names", "diagnosis_in", "icd_category", "instruments_dir", "list_instruments",
           "load_file", "load_instrument", "score", "validate_answers"]

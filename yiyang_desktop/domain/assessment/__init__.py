"""Ability and disability assessment instruments as data, scored by one general engine (no Qt, no SQL)."""
from .engine import AnswerError, answer_problems, diagnosis_in, score
from .loader import DEFAULT_INSTRUMENT_ID, InstrumentError, instruments_dir, list_instruments, load_file, load_instrument
from .model import Indicator, Instrument, Item, Option, ScoreResult


def validate_answers(inst: Instrument, answers) -> list[str]:
    """Problems of a possibly incomplete answer set (for drafts): unknown items and disallowed values only."""
    return answer_problems(inst, answers, complete=False)


__all__ = ["AnswerError", "DEFAULT_INSTRUMENT_ID", "Indicator", "Instrument", "InstrumentError", "Item", "Option",
           "ScoreResult", "answer_problems", "diagnosis_in", "instruments_dir", "list_instruments", "load_file",
           "load_instrument", "score", "validate_answers"]

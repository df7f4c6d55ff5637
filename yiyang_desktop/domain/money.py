"""Money as integer fen (分): display as yuan and in RMB capitals (大写) for forms."""
from __future__ import annotations

from decimal import Decimal


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def yuan_text(fen: int) -> str:
    """12345678 → "123,456.78"."""
    return f"{fen_to_yuan(fen):,.2f}"


def capital(fen: int) -> str:
    """RMB capitals as written on Chinese financial forms: 49595000 → 肆拾玖万伍仟玖佰伍拾元整."""
    import cn2an  # loaded on first use
    if fen < 0:
        return "负" + capital(-fen)
    return cn2an.an2cn(str(fen_to_yuan(fen)), "rmb")

"""Search keys of a person's name: pinyin initials and full pinyin, with the surname read as a surname.

"zsf" finds 曾素芬: 曾 as a surname is zēng (not céng, pypinyin's reading of the character). pypinyin has no surname
mode and no surname table, so the surname readings of the polyphonic characters are a data file
(resources/names/surnames.toml, from the dictionary's 姓 entries); the rest of the name is read by pypinyin. Sorting
by pinyin uses the same keys. Pure: no Qt, no database.
"""
from __future__ import annotations

import functools
import tomllib

from ..assets import resource_path


@functools.cache
def surname_readings() -> tuple[dict[str, str], tuple[str, ...]]:
    """(single-character surname → its reading, compound surnames read as a whole) from the data file."""
    data = tomllib.loads(resource_path("names", "surnames.toml").read_text(encoding="utf-8"))
    single = {k: str(v) for k, v in data.get("single", {}).items()}
    return single, tuple(data.get("compound", {}).get("names", ()))


@functools.lru_cache(maxsize=4096)  # names repeat (an import of thousands of rows builds each once)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) for search and sorting: 张三 → ("zs", "zhangsan"), 曾素芬 → ("zsf", "zengsufen").

    pypinyin is imported here, not at module top: loading it costs ≈ 0.3 s and every screen imports the residents'
    services."""
    from pypinyin import Style, lazy_pinyin
    name = (name or "").strip()
    single, compound = surname_readings()
    if name[:1] in single and not any(name.startswith(c) for c in compound):
        syllables = [single[name[0]]] + lazy_pinyin(name[1:], style=Style.NORMAL, errors="ignore")
    else:
        syllables = lazy_pinyin(name, style=Style.NORMAL, errors="ignore")
    return "".join(s[0] for s in syllables if s), "".join(syllables)

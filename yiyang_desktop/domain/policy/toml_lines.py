"""Where each key of a TOML text is written (tomllib gives values, not lines), so that a problem in a profile
file can name its line: ``key_lines(text)["operating.rates[2].yuan"] == 57``. Rows of an array (of tables or of
inline tables) are numbered from 1, as in the checker's paths. The text is assumed to be valid TOML (tomllib has
read it first); this reader only follows keys, tables, arrays and strings well enough to count lines."""
from __future__ import annotations


class _Scanner:
    def __init__(self, text: str):
        self.s = text
        self.i = 0
        self.line = 1
        self.found: dict[str, int] = {}

    # --- characters
    def peek(self, n: int = 1) -> str:
        return self.s[self.i:self.i + n]

    def step(self, n: int = 1) -> None:
        self.line += self.s.count("\n", self.i, self.i + n)
        self.i += n

    def skip_blank(self, newlines: bool) -> None:
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.step()
            elif c == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.i += 1
            else:
                return

    def note(self, path: str, line: int) -> None:
        self.found.setdefault(path, line)

    # --- pieces
    def string(self) -> str:
        for q in ('"""', "'''"):
            if self.peek(3) == q:
                end = self.s.find(q, self.i + 3)
                while end != -1 and self.s[end + 3:end + 4] == q[0]:  # up to two quotes may end the content
                    end += 1
                end = len(self.s) if end == -1 else end
                value = self.s[self.i + 3:end]
                self.step(end + 3 - self.i)
                return value
        q = self.s[self.i]
        j = self.i + 1
        out = []
        while j < len(self.s) and self.s[j] != q and self.s[j] != "\n":
            if q == '"' and self.s[j] == "\\":
                out.append(self.s[j:j + 2])
                j += 2
                continue
            out.append(self.s[j])
            j += 1
        self.step(j + 1 - self.i)
        return "".join(out)

    def key(self) -> list[str]:
        parts = []
        while True:
            self.skip_blank(False)
            if self.peek() in ('"', "'"):
                parts.append(self.string())
            else:
                j = self.i
                while j < len(self.s) and (self.s[j].isalnum() or self.s[j] in "_-"):
                    j += 1
                parts.append(self.s[self.i:j])
                self.step(j - self.i)
            self.skip_blank(False)
            if self.peek() == ".":
                self.step()
                continue
            return parts

    def value(self, path: str) -> None:
        self.skip_blank(False)
        c = self.peek()
        if c in ('"', "'"):
            self.string()
        elif c == "[":
            self.step()
            n = 0
            while True:
                self.skip_blank(True)
                if self.peek() in ("]", ""):
                    self.step()
                    return
                n += 1
                self.note(f"{path}[{n}]", self.line)
                self.value(f"{path}[{n}]")
                self.skip_blank(True)
                if self.peek() == ",":
                    self.step()
        elif c == "{":
            self.step()
            while True:
                self.skip_blank(True)
                if self.peek() in ("}", ""):
                    self.step()
                    return
                line = self.line
                sub = path + "." + ".".join(self.key())
                self.note(sub, line)
                self.step()  # "="
                self.value(sub)
                self.skip_blank(True)
                if self.peek() == ",":
                    self.step()
        else:
            while self.i < len(self.s) and self.s[self.i] not in ",]}\n#":
                self.i += 1

    def document(self) -> dict[str, int]:
        table = ""
        counts: dict[str, int] = {}
        while True:
            self.skip_blank(True)
            if self.i >= len(self.s):
                return self.found
            line = self.line
            if self.peek(2) == "[[":
                self.step(2)
                name = ".".join(self.key())
                self.step(2)
                counts[name] = counts.get(name, 0) + 1
                table = f"{name}[{counts[name]}]"
                self.note(table, line)
            elif self.peek() == "[":
                self.step()
                table = ".".join(self.key())
                self.step()
                self.note(table, line)
            else:
                path = ".".join(([table] if table else []) + self.key())
                self.note(path, line)
                self.step()  # "="
                self.value(path)


def key_lines(text: str) -> dict[str, int]:
    """{key path: line number} for every key, table and array element written in ``text``."""
    return _Scanner(text).document()


def line_of(lines: dict[str, int], path: str) -> int | None:
    """The line of ``path``, or of the nearest enclosing key that is written (a missing key: its table)."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None

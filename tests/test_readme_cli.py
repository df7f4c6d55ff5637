"""Every example of the README's 命令行 section runs as printed, in order, on a fresh demo file, with the environment
variables the section documents (``export …`` and ``NAME=value`` before a command): the README cannot drift from the
program. The two inputs the section names as the user's own files (答案.json, 我的配置.toml) are made first."""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def documented_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### 命令行\n"):]
    block = section[section.index("```bash\n") + len("```bash\n"):]
    block = block[:block.index("```")]
    lines = []
    for line in block.splitlines():
        line = line.split("  #")[0].strip()  # the comment after a command
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def split(line: str) -> tuple[dict[str, str], list[str], bool]:
    """(environment assignments, command words, whether it is an ``export``)."""
    words = shlex.split(line)
    exported = words[0] == "export"
    if exported:
        words = words[1:]
    env = {}
    while words and "=" in words[0] and not words[0].startswith("-"):
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    return env, words, exported


def answers() -> dict:
    from yiyang_desktop.domain.assessment import load_instrument
    inst = load_instrument("gbt42195-2022")
    return {"answers": {i.code: i.options[1].points for i in inst.items}, "coma": False, "diagnoses": ["I10"],
            "care_risk_events_30d": 0}


def test_every_documented_command_runs_on_a_fresh_demo(tmp_path):
    commands = documented_commands()
    assert len(commands) >= 15 and commands[1].startswith("yiyang demo")
    (tmp_path / "答案.json").write_text(json.dumps(answers(), ensure_ascii=False), encoding="utf-8")
    shutil.copy(ROOT / "resources" / "policies" / "blank.toml", tmp_path / "我的配置.toml")
    env = {k: v for k, v in os.environ.items() if not k.startswith("YIYANG_")}
    env["YIYANG_DATA_DIR"] = str(tmp_path / "data")
    env["YIYANG_CONFIG_DIR"] = str(tmp_path / "config")  # the audit keys: never the real config folder or keyring
    env["YIYANG_KEYRING"] = "file"
    env["PYTHONPATH"] = str(ROOT)
    ran = []
    for line in commands:
        assigned, words, exported = split(line)
        if exported:
            env.update(assigned)
            continue
        assert words[0] == "yiyang", line
        out = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *words[1:]], cwd=tmp_path,
                             env=env | assigned, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
        assert out.returncode == 0, f"{line}\n{out.stderr[-2000:]}"
        ran.append(words[1:3])
    assert ["demo", "--out"] in ran and ["--db", "数据.db"] in ran
    assert (tmp_path / "月报").is_dir() and any((tmp_path / "申报").iterdir()) and (tmp_path / "审计.xlsx").exists()

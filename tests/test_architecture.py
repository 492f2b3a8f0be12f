"""The layers are enforced, not promised: import contracts, module size, cell names in ui/."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "visualrnn"


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_import_contracts_hold():
    """ui → session → engine; engine and CLI without Qt; ui features independent."""
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    done = subprocess.run(
        [str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_session_imports_only_qtcore():
    """The session holds state and signals; it draws nothing."""
    for path in (PACKAGE / "session").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                assert node.module == "PySide6.QtCore", f"{path.name} imports {node.module}"


def test_no_module_is_too_long_to_read():
    long = {p.relative_to(ROOT).as_posix(): n for p in _modules() if (n := _lines(p)) > 450}
    assert not long, f"split these along their seams: {long}"


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_views_do_not_compare_cell_names():
    """What differs between cells lives in visualrnn/engine/cellspec.py: no view names one."""
    names = re.compile(r"""["'](rnn|lstm|gru|lstm_nofg)["']""")
    hits = [
        f"{p.relative_to(ROOT).as_posix()}:{k}: {line.strip()}"
        for p in (PACKAGE / "ui").rglob("*.py")
        for k, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if names.search(line)
    ]
    assert not hits, "\n".join(hits)


def test_nothing_points_outside_the_repository():
    """A clone is complete: no references to design notes or issues that live elsewhere."""
    pattern = re.compile(r"shared/|DESIGN\.md|issue \d|\(issue", re.IGNORECASE)
    files = [*_modules(), ROOT / "README.md", ROOT / "pyproject.toml", *ROOT.glob("docs/*.md")]
    hits = [
        f"{p.relative_to(ROOT).as_posix()}:{k}"
        for p in files
        for k, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not hits, hits

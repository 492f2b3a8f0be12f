"""The Chinese interface is complete and is what ``--lang zh_CN`` (or a Chinese system) shows.

- lupdate on the current sources (and the presets) against a copy of the ``.ts`` leaves no
  string without a finished translation, so new strings cannot slip in untranslated;
- no string is hidden from lupdate behind a wrapper (``_tr("…")``, ``parent.tr("…")``);
- every translation keeps its source's placeholders, HTML tags and menu accelerator;
- the committed ``.qm`` is the compiled ``.ts`` (a fresh install needs no build step);
- the window built by the app's own start-up code has Chinese menus and Qt's own strings
  with ``--lang zh_CN`` or a Chinese system locale, and English ones with ``--lang en``.

To fix a failure: ``python tools/translations.py update``, translate the entries it lists
(``unfinished``), then ``python tools/translations.py release`` and commit both files.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_tools():
    spec = importlib.util.spec_from_file_location(
        "visualrnn_translation_tools", ROOT / "tools" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tools = _load_tools()
TS = tools.DEFAULT_TS
QM = TS.with_suffix(".qm")


def _messages(ts: Path = TS):
    """(context, source, comment, translation) of every live entry of ``ts``."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            if node.get("type") in ("vanished", "obsolete"):
                continue
            yield (
                name,
                message.findtext("source") or "",
                message.findtext("comment"),
                node.text or "",
            )


def test_lupdate_finds_no_string_without_a_chinese_translation(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    tools.run_lupdate(copy)
    missing = tools.untranslated(copy)
    listing = "\n".join(f"  [{context}] {source!r}" for context, source in missing)
    assert not missing, (
        f"{len(missing)} string(s) have no finished zh_CN translation; run "
        f"`python tools/translations.py update`, translate them, then `... release`:\n{listing}"
    )
    assert tools.count_messages(copy) > 200


#: A literal passed to a one-argument wrapper (``_tr("…")``, a local ``tr("…")``) or to another
#: object's ``tr`` (``parent.tr("…")``): lupdate misses it or files it under the wrong context.
_HIDDEN = re.compile(r"""(?<![\w.])_?tr\(\s*[rRuU]?["']|(?<![\w.])(?!self\.)\w+\.tr\(""")


def test_no_translatable_literal_is_hidden_from_lupdate():
    hidden = []
    for path in tools.source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _HIDDEN.search(line.split("#")[0]):
                hidden.append(f"  {path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not hidden, (
        "lupdate cannot see these strings; call QCoreApplication.translate('Context', '…') "
        "or self.tr('…') with the literal, or mark it QT_TRANSLATE_NOOP('Context', '…'):\n"
        + "\n".join(hidden)
    )


_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%\d+|%L\d+")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_ACCELERATOR = re.compile(r"&([A-Za-z0-9])")
#: Placeholders a Chinese pattern may use although its English source does not: the
#: textbook term of a quantity (cell_text.py formats with name=, symbol= and zh=).
_EXTRA_ALLOWED = {"{zh}"}


def test_translations_keep_placeholders_tags_and_accelerators():
    problems = []
    for context, source, _comment, text in _messages():
        extra = set(_PLACEHOLDER.findall(text)) - set(_PLACEHOLDER.findall(source))
        if extra - _EXTRA_ALLOWED:
            problems.append(f"[{context}] {source!r}: unknown placeholders {sorted(extra)}")
        dropped = set(_PLACEHOLDER.findall(source)) - set(_PLACEHOLDER.findall(text))
        if dropped and "{zh}" not in text:
            problems.append(f"[{context}] {source!r}: drops {sorted(dropped)}")
        if sorted(_TAG.findall(source)) != sorted(_TAG.findall(text)):
            problems.append(f"[{context}] {source!r}: HTML tags differ")
        keys = [k.upper() for k in _ACCELERATOR.findall(source.replace("&&", ""))]
        if keys and f"(&{keys[0]})" not in text and f"&{keys[0]}" not in text.upper():
            problems.append(f"[{context}] {source!r}: accelerator &{keys[0]} missing")
    assert not problems, "\n".join(problems)


def test_committed_qm_is_the_compiled_ts_and_translates_every_context():
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} does not load"
    stale = [
        f"  [{context}] {source!r}"
        for context, source, comment, text in _messages()
        if text and translator.translate(context, source, comment) != text
    ]
    assert not stale, (
        "the .qm is older than the .ts; run `python tools/translations.py release`:\n"
        + "\n".join(stale[:20])
    )
    known = {
        ("MainWindow", "&File"): "文件(&F)",
        ("TransportBar", "Play"): "播放",
        ("GradientLabControls", "Truncated BPTT: cut the gradient every k steps"): "截断",
        ("ModelToolbar", "Spectral radius ρ"): "谱半径 ρ",
        ("presets", "Vanishing gradients (RNN)"): "梯度消失",
        ("presets", "Exploding gradients (RNN)"): "梯度爆炸",
        ("NetworkPanels", "Inside the cell"): "循环体",
    }
    for (context, source), expected in known.items():
        assert expected in (translator.translate(context, source) or ""), (context, source)


_PROBE = """
import json, sys
from PySide6.QtCore import QCoreApplication
from visualrnn.app import _create_window, _parser
from visualrnn.session.presets import load_presets

presets, errors = load_presets()
args = _parser(presets).parse_args(sys.argv[1:])
app, window = _create_window(presets, args.preset, errors, args.lang)
print(json.dumps({
    "menus": [action.text() for action in window.menuBar().actions()],
    "title": window.windowTitle(),
    "qt": QCoreApplication.translate("QPlatformTheme", "Cancel"),
}, ensure_ascii=False))
window.close()
"""


def _probe(*args: str, locale: str = "C") -> dict:
    """Build the window through the app's own start-up code in a fresh process (the
    translators it installs would otherwise stay in this test process)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": locale, "LANG": locale}
    env.pop("LANGUAGE", None)
    # fresh settings: a language another test chose (View → Language) must not carry over
    env["VISUALRNN_SETTINGS"] = os.path.join(tempfile.mkdtemp(), "probe.ini")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "--preset", "vanishing", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("args", "locale"), [(("--lang", "zh_CN"), "C"), ((), "zh_CN.UTF-8")], ids=["flag", "system"]
)
def test_chinese_menus_from_the_flag_or_the_system_locale(args, locale):
    shown = _probe(*args, locale=locale)
    assert shown["menus"][:3] == ["文件(&F)", "示例(&L)", "视图(&V)"], shown["menus"]
    assert "梯度消失" in shown["title"]
    assert shown["qt"] == "取消"  # Qt's own qtbase_zh_CN.qm


def test_lang_en_overrides_a_chinese_system():
    shown = _probe("--lang", "en", locale="zh_CN.UTF-8")
    assert shown["menus"][:3] == ["&File", "&Lesson", "&View"], shown["menus"]
    assert "Vanishing gradients" in shown["title"]
    assert shown["qt"] == "Cancel"

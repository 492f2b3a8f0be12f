"""Keep the Qt Linguist files in ``resources/translations/`` up to date — no manual steps.

    python tools/translations.py update        # lupdate: sources + presets -> .ts
    python tools/translations.py unfinished    # list what still needs a translation
    python tools/translations.py unfinished --json todo.json   # ... as {context: {key: ""}}
    python tools/translations.py apply todo.json                # write translations back
    python tools/translations.py release       # lrelease: .ts -> .qm (commit both)
    python tools/translations.py all           # update, then release

``update`` runs ``pyside6-lupdate`` over every ``visualrnn/**/*.py`` plus the titles and
descriptions of ``resources/presets/*.json``, which the UI looks up under the context
``presets`` (``QCoreApplication.translate("presets", preset.title)``): they are written to a
throw-away Python file of ``QT_TRANSLATE_NOOP("presets", …)`` lines that lupdate reads with
the sources, and their locations in the ``.ts`` then point at the JSON files. lupdate keeps
every finished translation whose source is unchanged; new or changed strings come in as
``type="unfinished"``. The ``.ts`` itself is the source of truth for the translations: edit
it in Qt Linguist, or export the unfinished entries to JSON, fill them in and ``apply``.

``tests/test_translations.py`` uses :func:`run_lupdate` and :func:`untranslated` on a copy
of the ``.ts`` and fails while any string has no finished translation.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "visualrnn"
PRESETS = ROOT / "resources" / "presets"
TRANSLATIONS = ROOT / "resources" / "translations"
DEFAULT_TS = TRANSLATIONS / "visualrnn_zh_CN.ts"
PRESET_CONTEXT = "presets"
_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease``: next to this Python, else on PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin"):
        candidate = folder / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (pip install PySide6)")
    return found


def source_files(root: Path = SOURCES) -> list[Path]:
    """Every Python file of the package (tracked or not: new files count too)."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def preset_strings(folder: Path = PRESETS) -> list[tuple[str, str]]:
    """(file name, text) of every preset title and description, in file order."""
    strings = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("title", "description", "notice"):
            text = str(data.get(key, ""))
            if text:
                strings.append((path.name, text))
    return strings


def _preset_module(strings: list[tuple[str, str]]) -> str:
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for name, text in strings:
        lines.append(f"QT_TRANSLATE_NOOP({PRESET_CONTEXT!r}, {text!r})  # {name}")
    return "\n".join(lines) + "\n"


def run_lupdate(ts: Path = DEFAULT_TS, *, no_obsolete: bool = False) -> str:
    """Merge the current sources and presets into ``ts``; returns lupdate's report.

    Strings no longer in the sources stay as ``type="vanished"`` (with their translation,
    revived if the string comes back) unless ``no_obsolete``."""
    ts = Path(ts).resolve()
    strings = preset_strings()
    with tempfile.TemporaryDirectory() as tmp:
        module = Path(tmp) / "preset_strings.py"
        module.write_text(_preset_module(strings), encoding="utf-8")
        command = [qt_tool("pyside6-lupdate"), *map(str, source_files()), str(module)]
        if no_obsolete:
            command.append("-no-obsolete")
        done = subprocess.run(
            [*command, "-ts", str(ts)], capture_output=True, text=True, cwd=ROOT, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"lupdate failed:\n{done.stdout}\n{done.stderr}")
    _point_presets_at_json(ts, strings)
    return done.stdout + done.stderr


def _point_presets_at_json(ts: Path, strings: list[tuple[str, str]]) -> None:
    """The preset entries' locations: the JSON files, not the throw-away module."""
    files = {}
    for name, text in strings:
        files.setdefault(text, name)
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        if context.findtext("name") != PRESET_CONTEXT:
            continue
        for message in context.iter("message"):
            name = files.get(message.findtext("source") or "")
            for location in message.findall("location"):
                message.remove(location)
            if name:
                location = ET.Element("location", filename=f"../presets/{name}")
                message.insert(0, location)
    write_ts(tree, ts)


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    """Write a TS file the way lupdate does (header, DOCTYPE, 4-space indent)."""
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    Path(ts).write_text(_HEADER + body + "\n", encoding="utf-8")


def _live_messages(ts: Path):
    """(context, message element) of every entry that is not vanished or obsolete."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            kind = message.find("translation").get("type", "")
            if kind not in ("vanished", "obsolete"):
                yield name, message


def message_key(message) -> str:
    """The source text; with a disambiguating comment, ``"source ## comment"``."""
    source = message.findtext("source") or ""
    comment = message.findtext("comment")
    return f"{source} ## {comment}" if comment else source


def _translation_text(message) -> str:
    node = message.find("translation")
    forms = node.findall("numerusform")
    if forms:
        return "" if any(not (f.text or "").strip() for f in forms) else forms[0].text
    return (node.text or "").strip()


def untranslated(ts: Path = DEFAULT_TS) -> list[tuple[str, str]]:
    """(context, source) of every live entry that is unfinished or has no translation."""
    missing = []
    for context, message in _live_messages(ts):
        node = message.find("translation")
        if node.get("type") == "unfinished" or not _translation_text(message):
            missing.append((context, message_key(message)))
    return missing


def count_messages(ts: Path = DEFAULT_TS) -> int:
    return sum(1 for _ in _live_messages(ts))


def apply(ts: Path, translations: dict[str, dict[str, str]]) -> int:
    """Fill in ``{context: {key: translation}}`` (:func:`message_key`); returns how many
    entries it finished. An empty translation is skipped (the entry stays unfinished)."""
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        table = translations.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            text = table.get(message_key(message))
            node = message.find("translation")
            if not text or node.get("type") in ("vanished", "obsolete"):
                continue
            node.text = text
            node.attrib.pop("type", None)
            done += 1
    write_ts(tree, ts)
    return done


def release(ts: Path = DEFAULT_TS) -> Path:
    """Compile ``ts`` to the ``.qm`` next to it."""
    qm = Path(ts).with_suffix(".qm")
    done = subprocess.run(
        [qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not qm.exists():
        raise RuntimeError(f"lrelease failed:\n{done.stdout}\n{done.stderr}")
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ts", type=Path, default=DEFAULT_TS, help="the .ts file")
    commands = parser.add_subparsers(dest="command", required=True)
    update = commands.add_parser("update", help="lupdate the sources and presets into the .ts")
    update.add_argument("--no-obsolete", action="store_true", help="drop vanished strings")
    todo = commands.add_parser("unfinished", help="list the entries without a translation")
    todo.add_argument("--json", type=Path, help="write them as {context: {source: ''}}")
    filled = commands.add_parser("apply", help="write translations from a JSON file")
    filled.add_argument("json", type=Path)
    commands.add_parser("release", help="lrelease the .ts into the .qm next to it")
    commands.add_parser("all", help="update, then release")
    args = parser.parse_args(argv)

    if args.command in ("update", "all"):
        print(run_lupdate(args.ts, no_obsolete=getattr(args, "no_obsolete", False)).strip())
    if args.command == "unfinished":
        missing = untranslated(args.ts)
        if args.json:
            table: dict[str, dict[str, str]] = {}
            for context, source in missing:
                table.setdefault(context, {})[source] = ""
            args.json.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n")
        for context, source in missing:
            print(f"{context}\t{source!r}")
        print(f"{len(missing)} of {count_messages(args.ts)} entries untranslated")
        return 1 if missing else 0
    if args.command == "apply":
        table = json.loads(args.json.read_text(encoding="utf-8"))
        print(f"finished {apply(args.ts, table)} entries")
    if args.command in ("release", "all"):
        missing = untranslated(args.ts)
        if missing:
            print(f"warning: {len(missing)} entries untranslated (English is shown for them)")
        print(f"wrote {release(args.ts).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

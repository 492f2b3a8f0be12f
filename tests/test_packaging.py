"""The wheel and the sdist carry every bundled file: students install a wheel, not a clone.

Both are built once (about 10 s) from a copy of the checkout, so a stale ``build/`` folder
cannot hide a missing file. Deselect with ``-m "not packaging"``. Shipped on purpose: every
file under ``resources/`` (README.md files too: the font's licence note travels with it);
left out on purpose: only Python caches.
"""

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import visualrnn.resources

from visualrnn import __version__
from visualrnn import resource_paths as rp
from visualrnn.app import main as app_main

ROOT = Path(__file__).resolve().parents[1]
SKIPPED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".*_cache", "shots"
)

pytestmark = pytest.mark.packaging


def _files(folder: Path) -> set[str]:
    """Every file under ``folder`` (relative, POSIX), Python caches excluded."""
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, set[str]]:
    tmp = tmp_path_factory.mktemp("packaging")
    src, out = tmp / "src", tmp / "dist"
    shutil.copytree(ROOT, src, ignore=SKIPPED)
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*pip, "-w", str(out), str(src)], check=True, timeout=300)
    sdist = "import sys; from setuptools import build_meta as b; b.build_sdist(sys.argv[1])"
    subprocess.run([sys.executable, "-c", sdist, str(out)], cwd=src, check=True, timeout=300)
    (wheel,) = out.glob("visualrnn-*.whl")
    (tarball,) = out.glob("visualrnn-*.tar.gz")
    with zipfile.ZipFile(wheel) as zf:
        wheel_names = set(zf.namelist())
    with tarfile.open(tarball) as tf:
        top = tarball.name.removesuffix(".tar.gz") + "/"
        sdist_names = {n.removeprefix(top) for n in tf.getnames()}
    return {"wheel": wheel_names, "sdist": sdist_names}


def test_wheel_carries_every_resource(built):
    expected = {f"visualrnn/resources/{name}" for name in _files(ROOT / "resources")}
    assert expected - built["wheel"] == set()
    assert {"visualrnn/resources/__init__.py", "visualrnn/resources/icons/visualrnn.svg"} <= (
        built["wheel"]
    )
    assert not any(n.startswith("resources/") for n in built["wheel"])  # no top-level package


def test_wheel_carries_every_module(built):
    """A sub-package without __init__.py would be left out silently by find_packages."""
    expected = {f"visualrnn/{name}" for name in _files(ROOT / "visualrnn")}
    assert expected - built["wheel"] == set()


def test_sdist_carries_every_resource(built):
    expected = {f"resources/{name}" for name in _files(ROOT / "resources")}
    assert expected - built["sdist"] == set()
    assert {"setup.py", "pyproject.toml", "README.md"} <= built["sdist"]


# --- without building: the accessors and --version --------------------------------------


def test_resources_are_found_through_the_package():
    root = Path(visualrnn.resources.__file__).parent
    assert rp.preset_files() == sorted((root / "presets").glob("*.json")) != []
    assert rp.font_files() == [rp.font_file("DroidSansFallbackFull.ttf")]
    assert rp.icon_file().read_text(encoding="utf-8").startswith("<svg")
    assert rp.translations_dir() == root / "translations"
    with pytest.raises(FileNotFoundError, match="fonts/nope.ttf"):
        rp.font_file("nope.ttf")
    with pytest.raises(ValueError):
        rp.translation_file("../presets/01_textbook.json")


def test_version_option(capsys):
    with pytest.raises(SystemExit) as info:
        app_main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"visualrnn {__version__}"
    assert __version__[0].isdigit()

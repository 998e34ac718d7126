"""The release artefacts: ``python -m build`` makes an sdist and a wheel, and the wheel carries every
surface: the service (Flask and waitress as requirements), the data files, the notebook's front end
and the browser extension's files (without its tests and tools). .ci/run installs this wheel into a
fresh environment and runs ``quotelens demo`` and a ``quotelens serve`` smoke test."""
from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import quotelens

ROOT = Path(__file__).resolve().parents[1]
EXTENSION_DEV_ONLY = ("test/", "tools/", "jsconfig.json")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    pytest.importorskip("build", reason="the `build` package comes with the test extra")
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: the backend (setuptools, wheel) comes from the test extra, so this runs offline
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return out


def wheel_names(dist: Path) -> set[str]:
    (wheel,) = dist.glob("quotelens-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_build_makes_one_wheel_and_one_sdist_of_this_version(dist):
    version = quotelens.__version__
    assert [p.name for p in dist.glob("*.whl")] == [f"quotelens-{version}-py3-none-any.whl"]
    assert [p.name for p in dist.glob("*.tar.gz")] == [f"quotelens-{version}.tar.gz"]


def test_the_wheel_carries_the_extension_without_its_tests_and_tools(dist):
    names = wheel_names(dist)
    wanted = {f"quotelens/extension/{p.relative_to(ROOT / 'extension').as_posix()}"
              for p in (ROOT / "extension").rglob("*") if p.is_file()
              and not p.relative_to(ROOT / "extension").as_posix().startswith(EXTENSION_DEV_ONLY)}
    assert "quotelens/extension/manifest.json" in wanted
    assert wanted <= names, sorted(wanted - names)
    shipped = {n for n in names if n.startswith("quotelens/extension/")}
    assert shipped == wanted, sorted(shipped - wanted)


def test_the_wheel_carries_every_surface_and_data_file(dist):
    names = wheel_names(dist)
    for needed in ("quotelens/cli.py", "quotelens/browser.py", "quotelens/server/__init__.py",
                   "quotelens/server/openapi.json", "quotelens/data/contract-v1.schema.json",
                   "quotelens/data/given_names.txt", "quotelens/data/demo/alarabiya-syria-chemical-2016.html",
                   "quotelens/notebook/static/widget.js"):
        assert needed in names, needed
    assert not any(n.startswith(("toolkit/", "server/", "tests/")) for n in names)


def test_the_service_is_a_core_requirement_and_the_notebook_an_extra(dist):
    (wheel,) = dist.glob("quotelens-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(meta_name).decode("utf-8"))
    requires = meta.get_all("Requires-Dist")
    core = {re.split(r"[<>=!; \[]", r, maxsplit=1)[0].lower() for r in requires if "extra ==" not in r}
    assert {"flask", "waitress", "spacy", "trafilatura"} <= core
    assert {"notebook", "widget"} <= set(meta.get_all("Provides-Extra"))
    notebook = {re.split(r"[<>=!; ]", r, maxsplit=1)[0].lower() for r in requires if "extra == \"notebook\"" in r}
    assert {"pandas", "matplotlib", "anywidget"} <= notebook


def test_the_sdist_carries_the_changelog_and_the_extension(dist):
    (sdist,) = dist.glob("quotelens-*.tar.gz")
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    assert {"README.md", "CHANGELOG.md", "setup.cfg", "extension/manifest.json", "toolkit/version.py"} <= names
    assert not any(n.startswith(("extension/test/", "extension/tools/")) for n in names)

"""The extension folder passes `web-ext lint` (Mozilla's linter), so it loads in Firefox as well."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WEB_EXT = ROOT / "node_modules" / "web-ext" / "bin" / "web-ext.js"


@pytest.mark.skipif(shutil.which("node") is None or not WEB_EXT.exists(),
                    reason="web-ext is not installed (run `npm ci` at the repository root; .ci/run does)")
def test_web_ext_lint_has_no_errors():
    run = subprocess.run(["node", str(WEB_EXT), "lint", "--source-dir", "extension", "--output", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    report = json.loads(run.stdout[run.stdout.index("{"):])
    assert report["summary"]["errors"] == 0, report["errors"]
    assert run.returncode == 0

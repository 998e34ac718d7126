"""Every notebook in notebooks/ runs top to bottom, offline, with no error (nbclient, real kernel).

The model-free checks keep the notebooks clean for review: valid nbformat, no stored outputs, and every
bundled file they read present.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
IDS = [p.name for p in PATHS]


def test_there_are_notebooks():
    assert {"01-quickstart.ipynb", "02-corpus.ipynb"} <= set(IDS)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_is_valid_and_stored_without_outputs(path):
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "clear outputs before committing"


def test_corpus_files_are_bundled_and_credited():
    manifest = NOTEBOOKS / "data" / "wcxb" / "pages.jsonl"
    pages = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert 3 <= len(pages) <= 5
    for page in pages:
        html = (manifest.parent / page["file"]).read_text(encoding="utf-8")
        assert "<html" in html.lower()
    readme = (NOTEBOOKS / "data" / "README.md").read_text(encoding="utf-8")
    assert "WCXB" in readme and "Foley 2026" in readme and "CC-BY-4.0" in readme


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_runs_top_to_bottom(path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel", reason="executing notebooks needs ipykernel")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    errors = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
              if out.output_type == "error"]
    assert not errors
    if path.name == "01-quickstart.ipynb":
        # the widget cell rendered a widget view, and the table has one row per quote
        mimes = {key for cell in nb.cells for out in cell.get("outputs", []) for key in out.get("data", {})}
        assert "application/vnd.jupyter.widget-view+json" in mimes

"""glibc allocator tuning (quotelens/malloc.py): the service's arena cap, a Dask worker's mmap threshold."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from quotelens.malloc import _libc, keep_large_blocks_on_heap, limit_arenas

glibc_only = pytest.mark.skipif(_libc() is None, reason="the tuning is glibc's mallopt; this libc has none")

# Page faults while a program allocates and frees 512 KB blocks, as a parse does with its arrays:
# with the mmap threshold pinned at 128 KB every block is mapped and faulted in anew.
FAULTS = """
import json, resource, sys
from quotelens.malloc import keep_large_blocks_on_heap

def faults():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(200):
        block = b"x" * (512 * 1024)
        del block
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

pinned = faults()
changed = keep_large_blocks_on_heap()
print(json.dumps({"pinned": pinned, "changed": changed, "after": faults()}))
"""


def run_faults(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    out = subprocess.run([sys.executable, "-c", FAULTS], env={**clean, **env}, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def test_arena_cap_defers_to_an_explicit_environment(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_arenas(2) is False  # glibc already read the person's own setting


@glibc_only
def test_a_pinned_trim_threshold_no_longer_maps_every_large_block():
    figures = run_faults(MALLOC_TRIM_THRESHOLD_="65536")  # what a Dask nanny sets for its worker
    assert figures["changed"] is True
    assert figures["pinned"] > 20_000  # 200 blocks of 128 pages, each faulted in anew
    assert figures["after"] < figures["pinned"] / 10


@glibc_only
@pytest.mark.parametrize("env", [{}, {"MALLOC_TRIM_THRESHOLD_": "65536", "MALLOC_MMAP_THRESHOLD_": "131072"}],
                         ids=["glibc's own sliding threshold", "a threshold set on purpose"])
def test_the_threshold_is_left_alone_unless_an_environment_pinned_it(env):
    assert run_faults(**env)["changed"] is False


def test_without_a_pinned_threshold_nothing_changes_in_this_process(monkeypatch):
    for name in ("MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_"):
        monkeypatch.delenv(name, raising=False)
    assert keep_large_blocks_on_heap() is False

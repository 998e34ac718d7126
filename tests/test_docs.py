"""The user docs against the code and CI: the README's test command is what .ci/run runs, user docs
hold no dated progress notes, commit hashes or developer paths (those belong in docs/quality.md),
every link resolves, every command shown exists, and every dependency is listed with its purpose."""
from __future__ import annotations

import configparser
import re
from pathlib import Path

import pytest

from quotelens.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# docs/quality.md is the one page for figures by date, with their commits
USER_DOCS = [README, *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "quality.md")]
# Written on other branches in parallel; the README already points to them.
PENDING_DOCS: set[str] = set()

ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
COMMIT = re.compile(r"(?<![\w#/.-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?![\w-])")
DEV_PATHS = re.compile(r"/work/|\.\./shared|this session|session 1")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def readme_commands() -> tuple[str, str]:
    """The two commands of the README's 'Two commands' block: lines after '# 1.' and '# 2.'."""
    text = README.read_text(encoding="utf-8")
    one = re.search(r"^# 1\..*\n(.+)$", text, re.M)
    two = re.search(r"^# 2\..*\n(.+)$", text, re.M)
    assert one and two, "the README lost its two numbered commands"
    return one.group(1).strip(), two.group(1).strip()


def test_ci_runs_the_readme_test_command_word_for_word():
    _, test_command = readme_commands()
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert test_command in ci_lines


def test_command_one_installs_and_runs_the_demo():
    install, _ = readme_commands()
    assert "pip install" in install and install.endswith("quotelens demo")


@pytest.mark.parametrize("doc", USER_DOCS, ids=lambda p: p.name)
def test_user_docs_hold_no_dates_hashes_or_developer_paths(doc):
    text = doc.read_text(encoding="utf-8")
    # an article's publication date in a JSON example is data, not a progress note
    dates = [d for d in ISO_DATE.findall(text) if f'"published": "{d}"' not in text]
    assert not dates, f"{doc.name}: dated notes belong in docs/quality.md: {dates}"
    assert not COMMIT.findall(text), f"{doc.name}: commit hashes belong in docs/quality.md: {COMMIT.findall(text)}"
    assert not DEV_PATHS.findall(text), f"{doc.name}: {DEV_PATHS.findall(text)}"


def test_the_checks_above_can_fail():
    assert ISO_DATE.search("measured on 2026-12-02") and COMMIT.search("on 61d04ad, the") and COMMIT.search("(9141c61:")
    assert not COMMIT.search("#E69F00") and not COMMIT.search("decade") and not COMMIT.search("1000000")
    assert DEV_PATHS.search("/work/venv/bin/python")


@pytest.mark.parametrize("doc", [*USER_DOCS, ROOT / "docs" / "quality.md", ROOT / "DEVELOPERS.md",
                                 ROOT / "CHANGELOG.md"], ids=lambda p: p.name)
def test_every_relative_link_resolves(doc):
    missing = []
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not checked offline
        path = (doc.parent / target).resolve()
        if not path.exists() and path.relative_to(ROOT).as_posix() not in PENDING_DOCS:
            missing.append(target)
    assert not missing, f"{doc.name} links to missing files: {missing}"


def test_every_command_the_readme_shows_exists():
    commands = set(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001 - argparse has no public list
    shown = set(re.findall(r"^\s*(?:#.*\n\s*)?quotelens ([a-z]+)", README.read_text(encoding="utf-8"), re.M))
    shown |= set(re.findall(r"`quotelens ([a-z]+)", README.read_text(encoding="utf-8")))
    assert shown and shown <= commands, shown - commands
    assert commands <= shown, f"commands the README never shows: {commands - shown}"


def test_every_dependency_is_in_the_readme_table():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")

    def names(value: str) -> set[str]:
        return {re.split(r"[<>=!~\[ ;]", line.strip(), maxsplit=1)[0].lower()
                for line in value.splitlines() if line.strip() and not line.strip().startswith("#")}

    wanted = names(cfg["options"]["install_requires"]) | names(cfg["options.extras_require"]["notebook"])
    table = README.read_text(encoding="utf-8").split("## Dependencies", 1)[1].lower()
    table = table.replace("_", "-")
    missing = sorted(n for n in wanted if n.replace("_", "-") not in table)
    assert not missing, f"add these to the README's dependency table, with what each is for: {missing}"

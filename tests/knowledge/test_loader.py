"""The loader reports every problem at once, naming file, entry and field; each broken fixture shows one kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBaseError
from bot.knowledge.__main__ import main as cli
from bot.knowledge.loader import load_knowledge_base

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = sorted(p.name for p in (FIXTURES / "broken").iterdir() if p.is_dir())


def _knowledge_dir(tmp_path: Path, broken_case: str | None = None) -> Path:
    """The valid fixture, with a broken case's files laid over it."""
    target = tmp_path / "knowledge"
    shutil.copytree(FIXTURES / "valid", target)
    if broken_case:
        for path in (FIXTURES / "broken" / broken_case).glob("*.yml"):
            shutil.copy(path, target / path.name)
    return target


def test_the_valid_fixture_loads(tmp_path):
    kb = load_knowledge_base(_knowledge_dir(tmp_path))
    assert [a.id for a in kb.activities] == ["a-panel"]
    assert [s.id for s in kb.stages] == ["understand", "plan", "do", "review"]


@pytest.mark.parametrize("case", BROKEN)
def test_each_broken_fixture_gives_its_exact_report(tmp_path, case):
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(_knowledge_dir(tmp_path, case))
    expected = (FIXTURES / "broken" / case / "expected.txt").read_text(encoding="utf-8").rstrip("\n")
    assert raised.value.report() == expected


def test_all_problems_are_reported_together(tmp_path):
    folder = _knowledge_dir(tmp_path, "unknown_values")
    shutil.copy(FIXTURES / "broken" / "bad_yaml" / "activities.yml", folder / "more.yml")
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(folder)
    files = {p.file for p in raised.value.problems}
    assert files == {"activities.yml", "more.yml"}
    assert len(raised.value.problems) == 4


def test_a_missing_stage_is_reported(tmp_path):
    folder = _knowledge_dir(tmp_path)
    text = (folder / "base.yml").read_text().replace("- {id: review", "- {id: reviewing")
    (folder / "base.yml").write_text(text)
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(folder)
    assert "no entry under 'stages' for 'review'" in raised.value.report()


def test_check_command_passes_on_the_real_data(capsys):
    assert cli(["check"]) == 0
    assert capsys.readouterr().out.startswith("OK:")


def test_check_command_fails_with_the_report_on_a_broken_folder(tmp_path, capsys):
    assert cli(["check", str(_knowledge_dir(tmp_path, "missing_field"))]) == 1
    assert "field 'description': is missing" in capsys.readouterr().err

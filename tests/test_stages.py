"""The stage contract: the declared table is sound, stages share results only through the state,
and the package keeps one job per module."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from pipeline.stages import STAGES, Stage, check_stages, describe_stages
from pipeline.state import INPUTS, ArticleState

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
#: Hard limit on the length of a module (the aim is about 400 lines).
MAX_MODULE_LINES = 500


def test_the_stage_table_is_sound():
    assert check_stages() == []


def test_every_stage_reads_only_inputs_and_earlier_results():
    written = set(INPUTS)
    for stage in STAGES:
        assert set(stage.reads) <= written, stage.name
        written |= set(stage.writes)
    assert {"dateline", "dates", "places", "organisations", "people", "officials", "quotes", "event"} <= written


def _reads_nothing(doc):
    return None


def test_a_stage_reading_what_no_earlier_stage_writes_is_reported():
    def late(doc, *, quotes):
        return []

    table = (Stage("late", late, reads=("doc", "quotes"), writes=("warnings",)), *STAGES)
    assert check_stages(table) == ["late reads 'quotes', which no earlier stage writes"]


def test_a_function_that_does_not_take_what_its_stage_declares_is_reported():
    table = (Stage("odd", _reads_nothing, reads=("doc", "published"), writes=("warnings",)),)
    assert check_stages(table) == ["odd: _reads_nothing('doc',) does not take ('doc', 'published')"]


def test_the_table_is_described_for_people():
    lines = describe_stages().splitlines()
    assert lines[0].split() == ["stage", "reads", "->", "writes"]
    assert "people         doc, dateline, places, organisations, entities -> people" in lines


def test_warnings_are_added_to_and_other_fields_replaced(nlp):
    from pipeline.nlp import make_doc
    from pipeline.record import RecordWarning

    first = RecordWarning(code="a", message="first")
    second = RecordWarning(code="b", message="second")
    state = ArticleState(doc=make_doc(nlp, "Teks."), published=dt.date(2025, 1, 2), warnings=(first,))
    later = state.with_results({"warnings": [second], "quotes": []})
    assert (later.warnings, later.published, state.warnings) == ((first, second), dt.date(2025, 1, 2), (first,))


def _stage_modules() -> dict[str, list[Path]]:
    """Stage name -> its modules (a module, or the modules of a package)."""
    stages: dict[str, list[Path]] = {}
    for path in sorted((PACKAGE / "stages").iterdir()):
        if path.name == "__init__.py" or path.name.startswith("_"):
            continue
        if path.is_dir():
            stages[path.name] = sorted(path.glob("*.py"))
        elif path.suffix == ".py":
            stages[path.stem] = [path]
    return stages


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(("stage", "modules"), sorted(_stage_modules().items()))
def test_no_stage_imports_another(stage, modules):
    others = [
        (path.name, module)
        for path in modules
        for module in _imported_modules(path)
        if module.startswith("pipeline.stages") and module.split(".")[2:3] != [stage]
    ]
    assert others == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_is_too_long(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES


def test_stages_read_language_data_only_through_the_vocabulary():
    readers = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "stages").rglob("*.py")
        if "pipeline.lexicons" in _imported_modules(path)
    ]
    assert readers == []

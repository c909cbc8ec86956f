"""Every bad-input case of benchmarks/bad_input.py: a clear message or a harmless result,
never a crash, a hang or a lost message."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.robust.conftest import load_bad_input

pytestmark = pytest.mark.slow  # each case runs the command line in a subprocess

CASES = load_bad_input().CASES


def test_the_table_has_at_least_40_cases_with_unique_ids() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) >= 40 and len(set(ids)) == len(ids)


@pytest.mark.timeout(180)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Any, bad_input: ModuleType, shared_kb_dir: Path, tmp_path: Path) -> None:
    ctx = bad_input.Ctx(tmp=tmp_path, kb_dir=shared_kb_dir)
    result = bad_input.run_case(case, ctx)
    assert result.outcome in bad_input.GOOD, result.detail
    assert result.outcome == case.expect, result.detail

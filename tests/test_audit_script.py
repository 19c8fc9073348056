"""`make audit` must never report "no vulnerabilities" when nothing could be checked."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "audit_dependencies", Path(__file__).parent.parent / "scripts" / "audit_dependencies.py"
)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

OK = {"name": "django", "version": "5.2.19", "vulns": []}
BAD = {
    "name": "pillow",
    "version": "1.0",
    "vulns": [{"id": "PYSEC-1", "fix_versions": ["1.1"]}],
}
SKIPPED = {"name": "nh3", "skip_reason": "Dependency not found on PyPI and could not be audited"}


def test_all_checked_and_clean_is_ok():
    code, lines = audit.verdict("pypi", [OK], [OK])
    assert code == 0
    assert lines[-1].startswith("OK: all 1")


def test_nothing_checked_says_so_and_fails():
    code, lines = audit.verdict("pypi", [], [SKIPPED])
    assert code == 2
    assert any(line.startswith("NOT CHECKED: 1 of 1") for line in lines)
    assert not any(line.startswith("OK") for line in lines)


def test_partly_checked_is_not_ok():
    code, lines = audit.verdict("pypi", [OK], [OK, SKIPPED])
    assert code == 2
    assert "The other 1 have no known vulnerabilities." in lines


def test_a_vulnerability_is_named_with_its_fix():
    code, lines = audit.verdict("pypi", [OK, BAD], [OK, BAD])
    assert code == 1
    assert "VULNERABLE: pillow 1.0: PYSEC-1 (fixed in 1.1)" in lines

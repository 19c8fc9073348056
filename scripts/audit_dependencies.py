"""`make audit`: check the pinned dependencies for known vulnerabilities with pip-audit.

pip-audit quietly skips every package whose advisory data it cannot fetch and still exits 0,
so "no vulnerabilities" could mean "nothing was checked". This script reads its JSON report and
says plainly which of the three it is:

  exit 0  every pinned package was checked; none has a known vulnerability
  exit 1  at least one package has a known vulnerability (listed, with the fixed versions)
  exit 2  some or all packages could not be checked (no vulnerability data reachable); the
          release checklist in docs/operations.md says not to release until it has run elsewhere
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements" / "constraints.txt"
SERVICES = ["pypi", "osv"]


def run(service: str) -> tuple[dict | None, str]:
    cmd = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        str(REQUIREMENTS),
        "--no-deps",
        "--disable-pip",
        "--progress-spinner",
        "off",
        "--vulnerability-service",
        service,
        "--format",
        "json",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)  # noqa: S603
    try:
        return json.loads(proc.stdout), ""
    except json.JSONDecodeError:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return None, last[:300]


def main() -> int:
    report = None
    for service in SERVICES:
        data, error = run(service)
        if data is None:
            print(f"pip-audit via {service}: could not run ({error})")
            continue
        deps = data.get("dependencies", [])
        checked = [d for d in deps if "skip_reason" not in d]
        print(f"pip-audit via {service}: {len(checked)} of {len(deps)} pinned packages checked")
        if report is None or len(checked) > len(report[1]):
            report = (service, checked, deps)
        if len(checked) == len(deps):
            break
    if report is None:
        print(
            "NOT CHECKED: no vulnerability service could be reached. Run `make audit` on a "
            "machine with internet access before a release."
        )
        return 2
    service, checked, deps = report
    code, lines = verdict(service, checked, deps)
    print("\n".join(lines))
    return code


def verdict(service: str, checked: list[dict], deps: list[dict]) -> tuple[int, list[str]]:
    """The exit code and the lines to print for one pip-audit JSON report."""
    lines = []
    vulnerable = [d for d in checked if d.get("vulns")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            lines.append(
                f"VULNERABLE: {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})"
            )
    skipped = [d for d in deps if "skip_reason" in d]
    if vulnerable:
        lines.append(f"{len(vulnerable)} package(s) with known vulnerabilities.")
        return 1, lines
    if skipped:
        lines.append(
            f"NOT CHECKED: {len(skipped)} of {len(deps)} packages could not be checked, e.g. "
            f"{skipped[0]['skip_reason']}"
        )
        if checked:
            lines.append(f"The other {len(checked)} have no known vulnerabilities.")
        lines.append("Run `make audit` on a machine with internet access before a release.")
        return 2, lines
    lines.append(
        f"OK: all {len(deps)} pinned packages checked via {service}; none has a known "
        "vulnerability."
    )
    return 0, lines


if __name__ == "__main__":
    sys.exit(main())

"""Applying safe fixes: each replaces only its own span, and fixing fixed text changes nothing."""

from __future__ import annotations

from workbench.model import Finding

MAX_ROUNDS = 8  # a fix may reveal another (a space removed, then a quote turned); stop at a fixpoint


def safe_fixes(findings) -> list[Finding]:
    """Findings with a one-click fix (``Finding.fix``), without overlaps (the earlier, then longer, span wins)."""
    chosen: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start), f.check)):
        if finding.fix is None:
            continue
        if any(finding.start < c.end and c.start < finding.end or
               (finding.start == finding.end == c.start) for c in chosen):
            continue
        chosen.append(finding)
    return chosen


def apply_fixes(text: str, findings) -> str:
    """The text with every chosen fix applied, right to left so earlier offsets stay valid."""
    for finding in sorted(safe_fixes(findings), key=lambda f: f.start, reverse=True):
        if text[finding.start:finding.end] != finding.text:
            continue  # the finding is for another version of the text
        text = text[:finding.start] + finding.fix + text[finding.end:]
    return text


def fix_targets(checker, segments, length_ratio: float) -> list[str]:
    """Targets of ``segments`` after applying safe fixes until none is left (or MAX_ROUNDS)."""
    from dataclasses import replace

    current = list(segments)
    for _ in range(MAX_ROUNDS):
        reports = checker.check(current, length_ratio)
        changed = False
        updated = []
        for segment, report in zip(current, reports):
            fixed = apply_fixes(segment.target, report.findings)
            changed |= fixed != segment.target
            updated.append(replace(segment, target=fixed))
        current = updated
        if not changed:
            break
    return [s.target for s in current]

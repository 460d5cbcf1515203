"""Check results for people (coloured text) and for programs (the documented JSON)."""

from __future__ import annotations

from collections import Counter

SEVERITY_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, DIM, BOLD = "\033[0m", "\033[2m", "\033[1m"


def summary(reports, engine: str) -> dict:
    findings = [f for r in reports for f in r.findings]
    return {
        "segments": len(reports),
        "segments_with_findings": sum(1 for r in reports if r.findings),
        "findings": len(findings),
        "by_category": dict(sorted(Counter(f.category for f in findings).items())),
        "by_severity": dict(sorted(Counter(f.severity for f in findings).items())),
        "engine": engine,
    }


def render_json(reports, engine: str, signature: dict | None = None) -> dict:
    """``signature`` (RunSignature.to_dict()) says which checks, settings, engine, glossary and aligner
    the findings come from."""
    return {
        "segments": [{"index": r.pair.index, "paragraph": r.pair.paragraph, "source": r.pair.source, "target": r.pair.target,
                      "findings": [f.to_json() for f in r.findings]} for r in reports],
        "summary": summary(reports, engine),
        **({"signature": signature} if signature is not None else {}),
    }


def render_text(reports, color: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    lines = []
    for report in reports:
        if not report.findings:
            continue
        lines.append(paint(f"[{report.pair.index + 1}] ¶{report.pair.paragraph + 1}", BOLD) + f" {report.pair.source}")
        lines.append(f"    {report.pair.target}" if report.pair.target else "    (no English)")
        for finding in report.findings:
            label = paint(f"{finding.severity:7}", SEVERITY_COLOURS.get(finding.severity, ""))
            where = f"{finding.start}-{finding.end}"
            fix = (f"  → {finding.fix!r}" if finding.fix is not None
                   else f"  (suggestion: {finding.suggestions[0]!r})" if finding.suggestions else "")
            lines.append(f"    {label} {finding.category}/{finding.check} @{where} {finding.text!r}: "
                         f"{finding.message}{fix}")
        lines.append("")
    counts = summary(reports, "")
    lines.append(paint(f"{counts['findings']} finding(s) in {counts['segments_with_findings']} of "
                       f"{counts['segments']} segment(s)", DIM))
    return "\n".join(lines) + "\n"

"""Sentences joined by a comma: the Chinese comma (，) between clauses carried into English.

Chinese strings whole clauses together with commas; a machine draft keeps them, and English readers (and
professional raters, docs/checks.md) read "The investment is mixed, the risk level is three" as two
sentences spliced by a comma. Only the plain case is flagged: a clause with a finite verb, a comma, then a
short subject and a finite verb of its own, with no conjunction or subordinator that would make the
comma right ("When demand is weak, the price is low", "It is red, and the sky is blue").
"""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check

_FINITE = r"(?:is|are|was|were|will|has|have|had|can|cannot|must|should|would)"
# ", the risk level is", ", one is", ", it will": a subject of at most three words, then a finite verb
_SECOND_CLAUSE = re.compile(r",\s+(?P<subject>(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir|[Oo]ne|[Ii]t|[Tt]hey|[Ww]e|[Hh]e|[Ss]he)"
                            r"(?:\s+[a-z][\w-]*){0,3}?)\s+(?P<verb>" + _FINITE + r")\b")
# in the first clause these make the comma right: a subordinate clause, a reporting frame, a question
_SUBORDINATE = re.compile(r"\b(?:when|whenever|while|if|unless|because|although|though|as|since|after|before|once|"
                          r"until|whether|where|which|who|whom|whose|that|so|than|the more|the less|not only|"
                          r"what|according|said|says|say|added|noted|stressed|pointed)\b", re.IGNORECASE)
_NOT_A_SUBJECT_WORD = re.compile(r"\b(?:which|whom|whose|who|that|of|and|or|but|with|more|less|same)\b")
_FIRST_CLAUSE_VERB = re.compile(r"\b" + _FINITE + r"\b")
_SENTENCE_START = re.compile(r"[.;:!?]\s+|[\"“”()]|\s[-–—]+\s|—|--")
# the clause right before the comma starts after the previous comma or conjunction
_PART_START = re.compile(r",|\b(?:and|but|or|yet|so|nor)\b")


class CommaSplice(Check):
    """Two independent clauses joined by a comma alone."""

    check_id = "comma_splice"
    category = "grammar"
    severity = "warning"

    def check(self, pair):
        target = pair.target
        for match in _SECOND_CLAUSE.finditer(target):
            if _NOT_A_SUBJECT_WORD.search(match["subject"]):
                continue
            sentence = _since(_SENTENCE_START, target, 0, match.start())
            part = _since(_PART_START, target, match.start() - len(sentence), match.start())
            if not _FIRST_CLAUSE_VERB.search(part) or _SUBORDINATE.search(sentence):
                continue
            yield self.finding(pair, match.start(), match.end("subject"),
                               "Two sentences joined by a comma: end the first with a full stop or a semicolon, "
                               "or join them with “and”.")


def _since(boundary: re.Pattern, text: str, start: int, comma: int) -> str:
    """The text from the last ``boundary`` after ``start`` up to the comma."""
    ends = [m.end() for m in boundary.finditer(text, start, comma)]
    return text[(ends[-1] if ends else start):comma]


CHECKS = (CommaSplice,)

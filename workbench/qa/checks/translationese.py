"""Chinese→English translationese that grammar engines miss, each with its fix.

These patterns come from press-office drafts: 发表观点 as "share his point of views", 指出 as
"pointed :", 上午 as "In the morning of", and a long singular subject followed by "were held".
"""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check

_POINT_OF_VIEWS = re.compile(r"\b(point)s?( of )(views)\b", re.IGNORECASE)
_POINTED = re.compile(r"\b(pointed)(?! out)(\s*:|\s+that\b|\s*,)", re.IGNORECASE)
_IN_THE_TIME_OF = re.compile(r"\b([Ii])n( the (?:morning|afternoon|evening|night) of )(?=(?:[A-Z][a-z]+ \d|\d{1,2}(?:st|nd|rd|th)? [A-Z]|the \d|[A-Z][a-z]+day))")
_SINGULAR_HEADS = ("ceremony", "meeting", "conference", "event", "forum", "session", "festival", "exhibition",
                   "launch", "fair", "competition", "campaign", "signing", "seminar", "symposium", "gala",
                   "celebration", "opening", "contest", "game", "match", "activity", "training", "workshop")
_WERE_PARTICIPLE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?)\s+(?:[\w-]+\s+){0,3}?(?P<head>" + "|".join(_SINGULAR_HEADS) + r")\b"
    r"(?P<middle>(?:[^.;:!?]|\.(?=\S)){0,160}?)\b(?P<were>were)(?=\s+(?:held|launched|opened|organized|organised|hosted|"
    r"staged|convened|attended|co-hosted|unveiled)\b)")
_THIRD_PERSON = re.compile(
    r"\b(?P<subject>He|She|It|[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<verb>share|express|say|point|attend|hope|believe|stress|emphasize|introduce|add|note|thank|"
    r"welcome|call|urge|want|need|think|have|do)\b(?!\s+(?:not|n't)\b)")
_PLURAL_SUBJECT_WORDS = {"They", "We", "You", "I"}
_COLLECTIVE = re.compile(
    r"\b[Tt]he (?:[\w-]+ ){0,2}?(?P<subject>group|company|county|city|government|festival|project|hospital|school|"
    r"bureau|committee|port|base|enterprise|conference|meeting|ceremony|event|plant|factory|park|district|"
    r"province|university|bank|center|centre|association|department|team)\s+"
    r"(?P<verb>plan|attract|aim|expect|feature|plan|intend|expect|hope|want|need|have|cover|employ|include|"
    r"own|produce|serve|provide|rank|strive|seek|continue|remain|boast)\b"
    r"(?=\s+(?:to|more|a|an|the|over|about|nearly|around|some|its|\d))")


class PointOfViews(Check):
    """"point of views" → "points of view": the plural goes on "point"."""

    check_id = "point_of_views"
    category = "grammar"
    severity = "error"

    def check(self, pair):
        for match in _POINT_OF_VIEWS.finditer(pair.target):
            point = match.group(1)
            fixed = f"{point}s{match.group(2)}{match.group(3)[:-1]}"
            yield self.finding(pair, match.start(), match.end(), f"Write “{fixed}”.", [fixed], safe=True)


class PointedOut(Check):
    """"He pointed :" / "pointed that" → "pointed out:" / "pointed out that" (指出 is "point out")."""

    check_id = "pointed_out"
    category = "grammar"
    severity = "error"

    def check(self, pair):
        for match in _POINTED.finditer(pair.target):
            tail = match.group(2).strip()
            fixed = f"{match.group(1)} out{tail}" if tail in (":", ",") else f"{match.group(1)} out {tail}"
            yield self.finding(pair, match.start(), match.end(), f"“pointed” needs “out” here: “{fixed}”.",
                               [fixed], safe=True)


class InTheMorningOf(Check):
    """"In the morning of March 8" → "On the morning of March 8": a specific day takes "on"."""

    check_id = "in_the_morning_of"
    category = "grammar"
    severity = "error"

    def check(self, pair):
        for match in _IN_THE_TIME_OF.finditer(pair.target):
            fixed = ("O" if match.group(1) == "I" else "o") + "n" + match.group(2)
            yield self.finding(pair, match.start(), match.end(), f"A specific day takes “on”: “{fixed.strip()}”.",
                               [fixed], safe=True)


class SingularWereHeld(Check):
    """A singular subject ("the signing ceremony … between A and B") with "were held": the verb
    agrees with the head noun, not with the nouns after "between" or "of"."""

    check_id = "singular_were"
    category = "grammar"
    severity = "error"

    def check(self, pair):
        for match in _WERE_PARTICIPLE.finditer(pair.target):
            if re.search(r"\b(and|as well as)\b", match.group("middle")) and not re.search(
                    r"\b(between|of|for|among)\b", match.group("middle")):
                continue  # "the ceremony and the forum were held": a real plural subject
            yield self.finding(pair, match.start("were"), match.end("were"),
                               f"The subject “{match.group('head')}” is singular: “was”.", ["was"])


class ThirdPersonVerb(Check):
    """A third-person singular subject with a bare verb ("Jiang Weidong share his view", "the festival
    attract more than …")."""

    check_id = "third_person_verb"
    category = "grammar"
    severity = "error"

    def check(self, pair):
        matches = list(_THIRD_PERSON.finditer(pair.target)) + list(_COLLECTIVE.finditer(pair.target))
        for match in sorted(matches, key=lambda m: m.start("verb")):
            subject, verb = match.group("subject"), match.group("verb")
            if subject in _PLURAL_SUBJECT_WORDS or _after_modal(pair.target, match.start()):
                continue
            fixed = {"have": "has", "do": "does"}.get(verb) or (verb + "es" if verb.endswith(("s", "sh", "ch")) else verb + "s")
            yield self.finding(pair, match.start("verb"), match.end("verb"),
                               f"“{subject}” takes “{fixed}”.", [fixed])


def _after_modal(text: str, start: int) -> bool:
    """"will Jiang Weidong share", "let him share": the bare verb is right after these."""
    before = text[:start].split()[-1:] if text[:start].strip() else []
    return bool(before) and before[0].lower() in {"will", "would", "can", "could", "may", "might", "shall",
                                                    "should", "must", "did", "does", "let", "to", "and", "or"}


_TO_ADVERB_GERUND = re.compile(r"\bto (?P<adverb>[a-z]+ly) (?P<verb>[a-z]{3,}ing)\b")
_PLURAL_HAS = re.compile(r"\b(?P<noun>[a-z]+(?:tions|ments|ies|ers|ees|ises|ants))\b(?P<middle> (?:at|in|across|from) "
                         r"[^,.;:]{0,40}?)? (?P<verb>has|is|was)\b")


_SINGULAR_HAVE = re.compile(
    r"\b[Tt]he (?:[a-z-]+ ){0,3}?(?P<head>[a-z]+(?:ard|ion|ment|ity|ure|ance|ence|ness|ship|ism|age|rate|level))"
    r"(?P<middle> (?:of|for|in|at) (?:the |a |an )?[a-z-]+(?: [a-z-]+)?)? (?P<verb>have|are|were)"
    r"(?= (?:been|being|[a-z]+ed)\b)")


class SingularHaveBeen(Check):
    """A singular head noun with a plural verb: "the flood control standard of the reservoir have
    been raised" (the verb agrees with "standard", not with the noun in the "of" phrase). A noun
    phrase right after a preposition ("others in the literature have") is not the subject."""

    check_id = "singular_have"
    category = "grammar"
    severity = "warning"

    def check(self, pair):
        for match in _SINGULAR_HAVE.finditer(pair.target):
            if match.group("verb") == "have" and _after_modal(pair.target, match.start()):
                continue  # "how could the content of a consignment have been": the modal takes "have"
            if _after_preposition(pair.target, match.start()):
                continue  # "others in the literature have": "the literature" is no subject
            fixed = {"have": "has", "are": "is", "were": "was"}[match.group("verb")]
            yield self.finding(pair, match.start("verb"), match.end("verb"),
                               f"The subject “{match.group('head')}” is singular: “{fixed}”.", [fixed])


class ToGerund(Check):
    """"to earnestly shouldering": after "to" and an adverb the verb takes its base form."""

    check_id = "to_gerund"
    category = "grammar"
    severity = "warning"

    def check(self, pair):
        for match in _TO_ADVERB_GERUND.finditer(pair.target):
            stem = match.group("verb")[:-3]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]
            yield self.finding(pair, match.start("verb"), match.end("verb"),
                               f"After “to {match.group('adverb')}” use the base form of the verb.", [stem])


class PluralSubjectSingularVerb(Check):
    """A plural subject ("Party organizations at all levels … has") with a singular verb.

    A plural noun that ends a prepositional phrase or a relative clause ("the number of people who
    took part in the demonstrations has", "a market for suppliers is") is not the subject: the verb
    agrees with the head before it, so such a noun is passed over.
    """

    check_id = "plural_subject_singular_verb"
    category = "grammar"
    severity = "warning"

    def check(self, pair):
        for match in _PLURAL_HAS.finditer(pair.target):
            if _inside_phrase(pair.target, match.start()):
                continue  # "the idea of dental implants is": the head is "idea", not "implants"
            fixed = {"has": "have", "is": "are", "was": "were"}[match.group("verb")]
            yield self.finding(pair, match.start("verb"), match.end("verb"),
                               f"“{match.group('noun')}” is plural: “{fixed}”.", [fixed])


_PREPOSITIONS = {"of", "for", "in", "on", "at", "with", "from", "by", "about", "among", "between", "to", "into",
                 "across", "through", "over", "under", "like", "than", "including", "one"}
_PHRASE_BOUNDARY = re.compile(r"[,;:()“”\"]|\b(?:is|are|was|were|has|have|had|will|would|can|could|and|but)\b")


def _after_preposition(text: str, start: int) -> bool:
    before = text[:start].split()[-1:]
    return bool(before) and before[0].lower() in _PREPOSITIONS


def _inside_phrase(text: str, noun_start: int) -> bool:
    """True when a preposition (or a relative pronoun) comes before the noun within its noun phrase:
    up to six words back, stopping at punctuation or a verb that ends an earlier clause."""
    before = text[:noun_start]
    boundary = max((m.end() for m in _PHRASE_BOUNDARY.finditer(before)), default=0)
    words = before[boundary:].lower().split()[-6:]
    return any(word in _PREPOSITIONS or word in ("who", "which", "that") for word in words)


CHECKS = (InTheMorningOf, PluralSubjectSingularVerb, PointOfViews, PointedOut, SingularHaveBeen, SingularWereHeld,
          ThirdPersonVerb, ToGerund)

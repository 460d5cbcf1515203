"""Parsing XML from outside: no DTD loaded, no entity expanded, no network; one clear line otherwise.

Shared by the TBX, TMX and XLIFF readers.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from workbench.errors import UserError

_BARE_DOCTYPE = re.compile(rb"<!DOCTYPE\s+tmx\s+(?:PUBLIC\s+(?:\"[^\"]*\"|'[^']*')\s+|SYSTEM\s+)"
                           rb"(?:\"([^\"]*)\"|'([^']*)')\s*>")
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml[^?>]*\?>)?\s*")


def local_name(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


class _DoctypeFound(Exception):
    def __init__(self, system_id: str | None):
        super().__init__(system_id)
        self.system_id = system_id


class _RootReached(Exception):
    pass


class _PrologGate:
    """Parser target that stops at the first DOCTYPE, before any entity in it is declared, or at the root."""

    def doctype(self, name, public_id, system_id):
        raise _DoctypeFound(system_id)

    def start(self, tag, attrib, nsmap=None):
        raise _RootReached

    def end(self, tag):
        pass

    def data(self, data):
        pass

    def close(self):
        return None


def parse_untrusted_xml(path: str, data: bytes, format_name: str, harmless_dtds: tuple[str, ...] = ()):
    """Parse without ever loading a DTD, expanding an entity or touching the network.

    A DOCTYPE is refused before its internal subset is read, which rules out entity expansion (billion laughs),
    external entities (XXE) and DTD fetching at once; the one exception is a bare ``<!DOCTYPE tmx SYSTEM
    "tmx14.dtd">`` line (a name in ``harmless_dtds``, no internal subset), which is kept but never loaded.
    """
    options = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
    harmless_doctype = False
    try:
        etree.fromstring(data, etree.XMLParser(target=_PrologGate(), **options))
    except _DoctypeFound as found:
        start = data.find(b"<!DOCTYPE")  # only an XML declaration may come before it, not a comment hiding one
        bare = _BARE_DOCTYPE.match(data, start) if start >= 0 and _PROLOG.fullmatch(data[:start]) else None
        harmless_doctype = bool(bare and found.system_id in harmless_dtds
                                and (bare[1] or bare[2]).decode() == found.system_id)
        if not harmless_doctype:
            bare_line = f' (a bare <!DOCTYPE tmx SYSTEM "{harmless_dtds[0]}"> is fine)' if harmless_dtds else ""
            raise UserError(f"{path}: refusing XML with a DTD or entity declarations (<!DOCTYPE ...>); "
                            f"{format_name} needs none: delete the DOCTYPE{bare_line} and try again") from None
    except _RootReached:
        pass
    except etree.XMLSyntaxError as error:
        raise _malformed(path, error) from None
    try:
        root = etree.fromstring(data, etree.XMLParser(remove_comments=True, remove_pis=True, **options))
    except etree.XMLSyntaxError as error:
        raise _malformed(path, error) from None
    docinfo = root.getroottree().docinfo
    declarations = docinfo.internalDTD is not None and (any(docinfo.internalDTD.iterentities())
                                                        or any(docinfo.internalDTD.iterelements()))
    if (docinfo.doctype and not harmless_doctype) or declarations or any(True for _ in root.iter(etree.Entity)):
        raise UserError(f"{path}: refusing XML with entity declarations or references (&name;); "
                        f"{format_name} needs none: replace them with the characters they stand for")
    return root


def _malformed(path: Path, error: etree.XMLSyntaxError) -> UserError:
    line, column = error.position if error.position else (error.lineno, 0)
    reason = re.sub(r",? line \d+, column \d+$", "", str(error.msg or error)).replace("\n", " ")
    return UserError(f"{path}: not well-formed XML at line {line}, column {column} ({reason}); "
                     f"the file may be truncated or damaged")

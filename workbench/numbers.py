"""Where the number readers used to live; they are in workbench/text/ now (quantity, quantity_zh,
quantity_en). Kept so that ``from workbench.numbers import ...`` goes on working."""

from __future__ import annotations

from workbench.text.quantity import Quantity, match, same
from workbench.text.quantity_en import MONTHS
from workbench.text.quantity_en import read_en as en_quantities
from workbench.text.quantity_zh import read_zh as zh_quantities
from workbench.text.quantity_zh import zh_numeral

__all__ = ["MONTHS", "Quantity", "en_quantities", "match", "same", "zh_numeral", "zh_quantities"]

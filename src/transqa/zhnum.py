"""Chinese and English numbers, dates and percentages -> comparable values (see `transqa.numbers`)."""

from transqa.numbers import Alignment, Quantity, analyse, extract_en, extract_zh, load_expressions

__all__ = ["Alignment", "Quantity", "analyse", "extract_en", "extract_zh", "load_expressions"]

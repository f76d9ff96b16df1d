"""Greek names: from the official capitals without accents to readable forms, and back."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

# Small words that stay in lower case inside a name («Αγίου Νικολάου και …»).
PARTICLES = frozenset({"και", "της", "του", "των", "τις", "τη", "το"})


def strip_accents(text: str) -> str:
    """Remove tonos, dialytika and any other combining mark."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def official_form(text: str) -> str:
    """The published form: capitals without accents (final ς becomes Σ)."""
    return strip_accents(text).replace("ς", "σ").upper()


def _final_sigma(word: str) -> str:
    return word[:-1] + "ς" if word.endswith("σ") else word


def _title_word(word: str, first: bool) -> str:
    lowered = word.lower()
    if not first and lowered in PARTICLES:
        return lowered
    parts = [_final_sigma(part[:1].upper() + part[1:].lower()) for part in word.split("-")]
    return "-".join(parts)


def greek_title_case(text: str) -> str:
    """Title case without accents: a fallback for names with no accented form on record."""
    words = text.split()
    return " ".join(_title_word(word, index == 0) for index, word in enumerate(words))


def load_accented_names(path: Path) -> dict[tuple[str, str], str]:
    """Read names_el.csv (level, code, name) into {(level, code): name}."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return {(row["level"], row["code"]): row["name"] for row in csv.DictReader(handle)}


def learn_word_accents(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """From (official, accented) name pairs, learn each official word's accented form.

    A word seen with two different accented forms (ΑΓΙΑΣ: Αγίας and Αγιάς) is ambiguous
    and left out, so it is never guessed.
    """
    forms: dict[str, set[str]] = {}
    for official, accented in pairs:
        official_words, accented_words = official.split(), accented.split()
        if len(official_words) != len(accented_words):
            continue
        for word, form in zip(official_words, accented_words, strict=True):
            forms.setdefault(word, set()).add(form.lower())
    return {word: next(iter(found)) for word, found in forms.items() if len(found) == 1}


def accented_from_words(official: str, word_accents: dict[str, str]) -> str | None:
    """The accented form of a name whose every word is known, else None."""
    words = official.split()
    if not words or any(word not in word_accents for word in words):
        return None
    return " ".join(_title_word(word_accents[word], index == 0) for index, word in enumerate(words))

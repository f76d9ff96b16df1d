"""Greek names in Latin letters (ELOT 743), and keys for finding names across scripts.

Beneficiaries' names arrive in Greek from Greek documents and in Latin from passports,
foreign documents or a colleague's quick note. ``elot743`` gives the Latin form a Greek
passport or identity card prints; ``search_keys`` lets a Latin query find a Greek name.

Rules implemented (ELOT 743:2001 = ISO 843 type 2, transcription; accents are dropped):

Letters: α a, β v, γ g, δ d, ε e, ζ z, η i, θ th, ι i, κ k, λ l, μ m, ν n, ξ x, ο o, π p,
ρ r, σ/ς s, τ t, υ y, φ f, χ ch, ψ ps, ω o.

Pairs of letters:
- αι ai, ει ei, οι oi, υι yi (letter by letter); ου ou.
- αυ, ευ, ηυ: av, ev, iv before a vowel or a voiced consonant (β γ δ ζ λ μ ν ρ);
  af, ef, if before a voiceless consonant (θ κ ξ π σ τ φ χ ψ) and at the end of a word.
- γγ ng, γξ nx, γχ nch (γ before γ, ξ, χ is n).
- γκ gk everywhere (as the standard has it: Γκεσούλης → Gkesoulis).
- μπ b at the start and at the end of a word, mp inside it (Μπακογιάννη → Bakogianni,
  Λάμπρος → Lampros).
- ντ nt everywhere (Ντόρα → Ntora, as printed in a Greek passport).

Separate letters, not pairs:
- A diaeresis on the second letter breaks the pair: Ταΰγετος → Taygetos, Χαΐδω → Chaido.
- So does an accent on the first letter, the way Greek spelling marks two separate vowels
  (άυλος → aylos); an accent on the second letter does not (Αύρα → Avra).

Case follows the input word by word: ALL CAPS in, ALL CAPS out (ΘΕΟΔΩΡΑ → THEODORA);
otherwise an upper-case Greek letter gives a capitalised Latin group (Θεοδώρα → Theodora,
Χρυσούλα → Chrysoula). A one-letter word (an initial, Θ.) is ALL CAPS when the whole text
is. Anything that is not a Greek letter (Latin, digits, punctuation) passes through.

Deliberate choices:
- The everyday spellings γκ → g/ng and ντ → d at the start of a word (Dora, Angalia)
  are not ELOT 743 and not what a passport prints, so ``elot743`` does not produce them.
  ``search_keys`` adds that popular form too, so a query for "Dora" still finds Ντόρα.
- A word is a run of Greek letters; any other character (space, hyphen, apostrophe)
  ends it, so "Παπα-Μπάμπης" starts a new word at "Μπ".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

__all__ = ["elot743", "normalize_for_search", "search_keys"]

_LETTERS = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}
_VOWELS = frozenset("αεηιουω")
_VOICED = frozenset("βγδζλμνρ")

_ACUTE, _GRAVE, _CIRCUMFLEX, _DIAERESIS = "\u0301", "\u0300", "\u0342", "\u0308"


@dataclass(frozen=True)
class _Letter:
    """One Greek letter with the marks that change how it pairs with its neighbours."""

    base: str  # lower case, final ς folded into σ
    upper: bool
    accent: bool
    diaeresis: bool


def _letter(char: str) -> _Letter | None:
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    lower = "σ" if base.lower() == "ς" else base.lower()
    if lower not in _LETTERS:
        return None
    return _Letter(
        base=lower,
        upper=base.isupper(),
        accent=any(mark in marks for mark in (_ACUTE, _GRAVE, _CIRCUMFLEX)),
        diaeresis=_DIAERESIS in marks,
    )


def _tokens(text: str) -> list[_Letter | str]:
    """Greek letters as _Letter, everything else as the original character."""
    tokens: list[_Letter | str] = []
    for char in unicodedata.normalize("NFC", text):
        letter = _letter(char)
        if letter is not None:
            tokens.append(letter)
        elif unicodedata.combining(char) and tokens and isinstance(tokens[-1], _Letter):
            # A mark NFC could not compose onto the previous Greek letter.
            previous = tokens[-1]
            tokens[-1] = replace(
                previous,
                accent=previous.accent or char in (_ACUTE, _GRAVE, _CIRCUMFLEX),
                diaeresis=previous.diaeresis or char == _DIAERESIS,
            )
        else:
            tokens.append(char)
    return tokens


def _is_all_caps(text: str) -> bool:
    cased = [char for char in text if char.isupper() or char.islower()]
    return len(cased) >= 2 and all(char.isupper() for char in cased)


def _cased(latin: str, letter: _Letter, all_caps: bool) -> str:
    if not letter.upper:
        return latin
    return latin.upper() if all_caps else latin[0].upper() + latin[1:]


def _word(letters: list[_Letter], all_caps: bool, popular: bool) -> str:
    """Transliterate one run of Greek letters; see the module docstring for the rules."""
    out = []
    i, n = 0, len(letters)
    while i < n:
        letter = letters[i]
        here = letter.base
        following = letters[i + 1] if i + 1 < n else None
        then = following.base if following else ""
        pairs = following is not None and not letter.accent and not following.diaeresis
        at_start, at_end = i == 0, i + 2 == n
        width = 2
        if here in "αεη" and then == "υ" and pairs:
            after = letters[i + 2].base if i + 2 < n else ""
            voiced = after in _VOWELS or after in _VOICED
            latin = _LETTERS[here] + ("v" if voiced else "f")
        elif here == "ο" and then == "υ" and pairs:
            latin = "ou"
        elif here == "μ" and then == "π":
            latin = "b" if at_start or at_end else "mp"
        elif popular and here == "γ" and then == "κ":
            latin = "g" if at_start else "ng"
        elif popular and here == "ν" and then == "τ" and at_start:
            latin = "d"
        elif here == "γ" and then in ("γ", "ξ", "χ"):
            latin, width = "n", 1
        else:
            latin, width = _LETTERS[here], 1
        out.append(_cased(latin, letter, all_caps))
        i += width
    return "".join(out)


def _word_is_all_caps(word: list[_Letter], text_all_caps: bool) -> bool:
    """A one-letter word (an initial such as Θ.) cannot tell; the whole text decides."""
    if len(word) == 1:
        return text_all_caps
    return all(letter.upper for letter in word)


def _transliterate(text: str, *, popular: bool) -> str:
    text_all_caps = _is_all_caps(text)
    out: list[str] = []
    word: list[_Letter] = []
    for token in [*_tokens(text), ""]:  # the empty string ends the last word
        if isinstance(token, _Letter):
            word.append(token)
            continue
        if word:
            out.append(_word(word, _word_is_all_caps(word, text_all_caps), popular))
            word = []
        out.append(token)
    return "".join(out)


def elot743(text: str) -> str:
    """The ELOT 743 Latin form of a Greek name, as a Greek passport prints it.

    Used to compare a name typed in Greek with the one on a passport or foreign document,
    and to write Latin forms for documents. Non-Greek characters are left untouched.
    """
    return _transliterate(text, popular=False)


def normalize_for_search(text: str) -> str:
    """Lower case, no accents, ς as σ, single spaces: "ΜΑΡΊΑ" and "Μαρία" compare equal.

    People type names with or without accents and in any case; search must not care.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = unicodedata.normalize("NFC", stripped).replace("ς", "σ")
    return " ".join(folded.split())


def search_keys(text: str) -> str:
    """Searchable text for a name: its normalised form plus, for Greek, its Latin forms.

    A social worker may type "papadopoulos" for Παπαδόπουλος, so a Greek name is stored
    with its lower-case ELOT 743 form, and also the everyday spelling (ντ → d, γκ → g at
    the start of a word) when that differs, so that "Dora" finds Ντόρα.
    """
    keys = [normalize_for_search(text)]
    if any(isinstance(token, _Letter) for token in _tokens(text)):
        for popular in (False, True):
            latin = normalize_for_search(_transliterate(text, popular=popular))
            if latin not in keys:
                keys.append(latin)
    return " ".join(key for key in keys if key)

#!/usr/bin/env python3
"""Readability of the German and the Leichte Sprache locales, side by side (issue 26).

For every message a citizen or clerk reads (keyword lists and the language's name left out),
over all files of `locales/de` and `locales/de-x-ls`:

- mean sentence length in words, sentences split as `schalter locales check` splits them for
  Leichte Sprache (at `.`, `!`, `?`, `:` before white space, and at line breaks; a placeable
  is one word); and again over running text only (messages with a sentence end, split at
  `.`, `!`, `?` and line breaks), since buttons and names are short in both;
- share of words with more than three syllables, syllables counted by the German hyphenation
  dictionary of `pyphen` (a word's hyphenation points plus one);
- the first Wiener Sachtextformel (a German readability index, roughly the school year a text
  suits: 4 is very easy, 15 very hard) from `textstat`, on all sentences joined.

Run (the libraries come from PyPI):
    python3 -m venv .test-env/readability
    .test-env/readability/bin/pip install pyphen textstat
    .test-env/readability/bin/python tests/readability.py
"""

import pathlib
import re
import sys

try:
    import pyphen
    import textstat
except ImportError:
    sys.exit(__doc__)

ROOT = pathlib.Path(__file__).resolve().parent.parent / "locales"
DICT = pyphen.Pyphen(lang="de_DE")


def messages(locale):
    """(id, text) of every message, selectors reduced to their default variant."""
    out = []
    for path in sorted((ROOT / locale).glob("*.ftl")):
        current, lines = None, []
        for line in path.read_text(encoding="utf-8").splitlines() + [""]:
            if line.startswith(" ") and current:
                lines.append(line.strip())
                continue
            if current:
                out.append((current, "\n".join(l for l in lines if l)))
                current, lines = None, []
            m = re.match(r"^([a-z][a-z0-9-]*) =(.*)$", line)
            if m:
                current, lines = m.group(1), [m.group(2).strip()]
    return [(i, plain(t)) for i, t in out if not read_not(i)]


def read_not(message_id):
    return message_id.endswith("-keywords") or message_id.startswith("keywords-") or message_id == "lang-name"


def plain(text):
    """Placeables as one word each; of a selector, its default variant."""
    text = re.sub(r"\{\s*\$[a-z_]+\s*->.*?\*\[[^\]]*\]\s*(.*?)\n?\s*\}", r"\1", text, flags=re.S)
    text = re.sub(r"\[[^\]]*\][^\n]*\n?", "", text) if "->" in text else text
    return re.sub(r"\{[^{}]*\}", "X", text)


def sentences(text, colon=True):
    out = []
    ends = r"(?<=[.!?:])\s+" if colon else r"(?<=[.!?])\s+"
    for line in text.splitlines():
        for s in re.split(ends, line):
            if words(s):
                out.append(s)
    return out


def words(sentence):
    return [w for w in sentence.split() if any(c.isalnum() for c in w)]


def syllables(word):
    letters = re.sub(r"[^\wäöüÄÖÜß-]", "", word)
    return sum(len(DICT.positions(part)) + 1 for part in letters.split("-") if part)


def figures(locale, running=False):
    """Over all messages, or (`running`) over running text only: messages with a sentence
    end (`.`, `!`, `?`), split at those and at line breaks, so that buttons and names, which
    are short in both, do not hide the difference."""
    texts = [t for _, t in messages(locale) if not running or re.search(r"[.!?]", t)]
    all_sentences = [s for t in texts for s in sentences(t, colon=not running)]
    all_words = [w for s in all_sentences for w in words(s)]
    long_words = [w for w in all_words if syllables(w) > 3]
    textstat.set_lang("de")
    wstf = textstat.wiener_sachtextformel(" ".join(all_sentences), 1)
    return {
        "sentences": len(all_sentences),
        "words": len(all_words),
        "mean sentence length": len(all_words) / len(all_sentences),
        "words over 3 syllables": 100 * len(long_words) / len(all_words),
        "Wiener Sachtextformel": wstf,
    }


def main():
    for title, running in [("all messages", False), ("running text", True)]:
        table(title, figures("de", running), figures("de-x-ls", running))


def table(title, de, ls):
    print(f"| {title} | `de` | `de-x-ls` |")
    print("|---|---|---|")
    for key, unit in [
        ("sentences", ""),
        ("words", ""),
        ("mean sentence length", " words"),
        ("words over 3 syllables", " %"),
        ("Wiener Sachtextformel", ""),
    ]:
        a, b = de[key], ls[key]
        fmt = (lambda v: f"{v:.1f}{unit}") if isinstance(a, float) else (lambda v: f"{v}{unit}")
        print(f"| {key} | {fmt(a)} | {fmt(b)} |")
    print()


if __name__ == "__main__":
    main()

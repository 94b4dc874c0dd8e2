"""People: every person the article names, with every mention, as one inventory (`pipeline.inventory`).

1. Titles are read where they stand (`titles`: the title grammar, `scope`: the jurisdiction
   named after a title), each with its name after or before it (`names`); where the Doc
   has a dependency tree, a title the rules read no name for gets its appositive name
   (`appositions`); the members listed for a named team hold its role (`teams`); a title
   followed by a list of names is held by each, and a title in a list of titles and names
   takes the region of the one before it (`lists`).
2. Mentions of the same person are merged (`clusters`): the same name, a shorter form of
   it, a title without a name when one official holds that role; the nicknames, acronyms
   and short forms the text gives a name (`aliases`); then every later bare use of a name,
   an alias or a unique part of it becomes a mention.
3. Persons who hold no office come from the NER model's PER entities (when the pipeline has
   one), from names the text describes (`described`: `Onih (67), warga ...`), and from the
   names of the person phrases that a title or a speech verb marks (`grouped`: `Direktur
   Yayasan X Budi mengatakan`); a rank right before such a name is in its mention.
4. The capitalised phrases of the text are split into the persons, titles and bodies they
   name (`phrases`), for the stages that look for a person next to a word (the speakers of
   quotes) and for step 3.

The officials stage writes the records; the jurisdictions the text does not state are its
job. Nothing here reads another stage's code: bodies and places come from the state.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.inventory import People
from pipeline.record import Dateline, Organisation, Place, PlaceLevel
from pipeline.regions import RegionIndex
from pipeline.stages.people.aliases import add_aliases
from pipeline.stages.people.appositions import names_by_apposition
from pipeline.stages.people.bodies import BodyIndex
from pipeline.stages.people.clusters import add_name_mentions, cluster_titles, person_entries
from pipeline.stages.people.described import described_persons
from pipeline.stages.people.grouped import add_ranks, attested_names, grouped_persons, name_reader
from pipeline.stages.people.lists import list_holders, share_list_regions
from pipeline.stages.people.phrases import PhraseReader
from pipeline.stages.people.reading import PhraseReading
from pipeline.stages.people.teams import team_members
from pipeline.stages.people.titles import find_titles
from pipeline.state import Entities
from pipeline.text import headline_lines
from pipeline.tokens import text_of, tokens_of, words_of
from pipeline.vocabulary import vocabulary
from pipeline.vocabulary.people import person_words
from pipeline.vocabulary.speech import speech_lexicon


def extract_people(
    doc: Doc,
    *,
    dateline: Dateline | None,
    places: Sequence[Place],
    organisations: Sequence[Organisation],
    entities: Entities,
) -> People:
    """The inventory of the article's people: officials first, then persons, each in order of
    first mention, with all their mentions; and the person phrases of the text."""
    tokens = tokens_of(doc)
    vocab = vocabulary()
    known = [p for p in places if p.rule != "ner" or p.code is not None]  # not the model's unlinked guesses
    regions_at = RegionIndex(known)
    venues = [(p.start, p.end) for p in known if p.level is PlaceLevel.VENUE]
    bodies = BodyIndex(tokens, organisations)
    titles = find_titles(tokens, vocab, regions_at, bodies, venues + headline_lines(tokens.text))
    names_by_apposition(doc, tokens, titles, vocab)
    share_list_regions(tokens, titles)
    listed = team_members(tokens, vocab, bodies) + list_holders(tokens, vocab, titles)
    titles = sorted(titles + listed, key=lambda t: t.start)
    clusters = cluster_titles(titles)
    ruled_bodies = [(o.start, o.end) for o in organisations if o.rule != "ner"]
    ruled_places = [(p.start, p.end) for p in places if p.rule != "ner"]
    named = ruled_bodies + ruled_places  # a described name beats the model's guess
    reading = read_phrases(doc, dateline=dateline)
    names = name_reader(tokens, ruled_places, ruled_bodies)
    attested = attested_names(names, reading.named_groups)
    reading = reading.renamed(attested)
    spans = sorted(attested.values())
    cut = {tokens.text[old[0] : new[0]].strip() for old, new in attested.items() if new[0] > old[0]}
    guessed = [
        (s, e)
        for s, e in entities.persons
        if not any(s < end and start < e for start, end in spans) and tokens.text[s:e] not in cut
    ]
    clusters += described_persons(tokens, clusters, sorted(guessed + spans), titles, named)
    add_name_mentions(tokens, clusters)  # before the phrase persons: a typo of a name is no new person
    clusters += grouped_persons(names, clusters, reading.named_groups)
    add_ranks(tokens, clusters)
    add_name_mentions(tokens, clusters)
    add_aliases(tokens, clusters)
    return People(
        text=tokens.text,
        persons=person_entries(tokens.text, clusters),
        phrases=reading.phrases,
        evidenced_names=reading.evidenced_names(tokens.text),
    )


def read_phrases(doc: Doc, *, dateline: Dateline | None) -> PhraseReading:
    """The person phrases of the text (the dateline's place is a place, never a name)."""
    place = dateline.place if dateline else None
    reader = PhraseReader(text_of(doc), person_words(), speech_lexicon(), place, vocabulary().descriptors)
    return reader.read(words_of(doc))

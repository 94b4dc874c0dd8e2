"""spaCy registry functions for `spacy train --code training/functions.py`.

`warta.customize_tokenizer.v1` runs before initialization, so the model is trained
with the project's tokenizer special cases; they are saved with the tokenizer, and the
trained pipeline loads with plain `spacy.load` without this file.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language

from pipeline.nlp import customize_tokenizer


@spacy.registry.callbacks("warta.customize_tokenizer.v1")
def make_customize_tokenizer() -> Callable[[Language], Language]:
    """The `[initialize.before_init]` callback: add the special cases to `nlp.tokenizer`."""
    return customize_tokenizer

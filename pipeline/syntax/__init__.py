"""Syntax for the stages: an optional stanza backend and helpers over the dependency tree.

- `choice`: what `--nlp stanza` asks for (`StanzaSyntax`), without importing stanza.
- `models`: the stanza model folder (`--stanza-dir`): which files, which label, clear errors.
- `align`: stanza's words projected onto the project's spaCy tokens (pure).
- `stanza_backend`: the spaCy component that runs stanza (imports torch: `pip install 'warta[stanza]'`).
- `tree`: what the stages ask of a parse (a reporting verb's complement and subject, a title's name).
"""

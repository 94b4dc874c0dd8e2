"""Training and evaluation of the shipped NER model (`models/id_warta_ner`); see `models/README.md`."""

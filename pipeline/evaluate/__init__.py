"""The evaluation harness: run the pipeline on gold articles and score it.

`python -m pipeline evaluate GOLD.jsonl... [--out DIR] [--show-errors]` implements the
"Scoring" section of `../shared/eval/README.md` for both gold formats:

- `gold`: readers for the pfsa (span-annotated news) and gov (press-release records)
  formats into typed dataclasses;
- `predicted`: an `EventRecord` -> `Prediction`, every span mapped back to gold-text
  offsets through the article's cleaning alignment;
- `scoring`: pure functions: normalisation, overlap, one-to-one greedy pairing, P/R/F1
  and every metric, per article, then summed (micro-averaged) per gold file;
- `report`: the stdout table, `scores.json`, the per-article error list and the
  generated part of `docs/EVALUATION.md`;
- `run`: `run_evaluation(paths, model=...) -> Scores` with one extractor for all files.

Metrics (names as in `scores.json` and `tests/eval_thresholds.json`, prefixed with the
dataset, `pfsa/dev:` ...):

- `quotes.{all,direct,indirect}.{p,r,f1}@{0.3,0.8}`: quote spans paired one-to-one at
  overlap >= 0.3 (lenient) or >= 0.8 (strict). `all` pairs every gold quote with every
  prediction whatever their kinds; `direct` and `indirect` pair only items of that kind on
  both sides. In pfsa, predictions overlapping `meta.unannotated_quotes` at >= 0.3 are
  dropped first; the corpus has (almost) no indirect gold, so its indirect scores mean
  nothing. gov gold quotes are located by searching their text (exact, then normalised);
  one that is not found is a miss and is listed.
- `speaker.mention` (pfsa): among gold quotes with a `speaker_mention` paired at 0.3 (all
  kinds), the share whose predicted `speaker_mention` overlaps it by at least one character.
- `speaker.pronoun` (pfsa, approximate): among gold quotes with a CUECOREF cue and no
  speaker mention paired at 0.3, the share whose predicted canonical `speaker` shares a
  word of three or more letters (normalised, case-insensitive) with the last PERSON span
  ending before the quote. Quotes with no PERSON span before them have no such gold and
  are left out.
- `speaker` (gov): among gold quotes with a non-null speaker paired at 0.3, the share
  whose predicted speaker (the quote's `speaker`, else the name its `speaker_id` points
  to) equals, normalised, the gold name or an alias the gold officials give that name.
- `officials.{name,name_role,name_role_jurisdiction}.{p,r,f1}` (gov): predicted
  `record.officials` against the gold officials, paired one-to-one greedily (canonical
  name before alias, then agreeing role, then jurisdiction). Names match the gold name or
  an alias, roles match normalised, jurisdictions when one contains the other (as whole
  words, normalised).
- `event.{date,type,dateline,place,region}` (gov): accuracy per article; date ISO-equal,
  type and region normalised-equal, dateline (`record.dateline.place`) normalised-equal,
  place normalised-equal or one containing the other. A null prediction is wrong (right
  only when the gold is null too).
- `recall.{person,role,affiliation,datetime,location}` (pfsa, recall only): the share of
  gold spans of the label overlapped at >= 0.5 by some predicted span of the matching
  kind: PERSON <- official and person mentions of kind name/short_name; ROLE <- mentions
  of kind title; AFFILIATION <- organisations; DATETIME <- dates; LOCATION <- places.

Counts are micro-averaged (summed over the articles of a file); a ratio with a zero
denominator is 0.0, and the counts are always reported with it. An article that cannot
be extracted counts as all misses and is listed as failed.
"""

from pipeline.evaluate.gold import GoldError, read_gold_file
from pipeline.evaluate.run import ArticleEvaluation, DatasetScores, Scores, run_evaluation

__all__ = ["ArticleEvaluation", "DatasetScores", "GoldError", "Scores", "read_gold_file", "run_evaluation"]

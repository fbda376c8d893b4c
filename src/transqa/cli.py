"""The `transqa` command line. Parses options, calls the pipeline, picks a reporter, sets the exit code.

Exit codes: 0 QA passed, 1 QA failed, 2 usage, config or input error. No QA logic lives here.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

try:  # recent typer vendors click; older releases use the click package
    from typer import _click as click
except ImportError:  # pragma: no cover
    import click

from transqa import __version__
from transqa.errors import TransqaError

app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                  no_args_is_help=True, help="Translation QA for Chinese sources and their English translations.")

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


class Severity(str, Enum):
    info = "info"
    minor = "minor"
    major = "major"
    critical = "critical"
    none = "none"


def _version(value: bool) -> None:
    if value:
        print(f"transqa {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                         help="Print the version and exit.")] = None) -> None:
    """Translation QA for Chinese sources and their English translations."""


def _use_color(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="SOURCE TARGET text files, SOURCE_DIR TARGET_DIR (batch), or one bilingual file.",
                                               show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Report format: terminal, json, html, sarif, junit, gitlab, markdown.")] = "terminal",
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to FILE (atomically).")] = None,
    config: Annotated[Optional[str], typer.Option("--config", help="Config file (default: nearest .transqa.yaml).")] = None,
    glossary: Annotated[Optional[list[str]], typer.Option("--glossary", "-g", help="Extra glossary YAML (repeatable).")] = None,
    pack: Annotated[Optional[list[str]], typer.Option("--pack", help="Extra rule pack YAML (repeatable).")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Only these rules: code, name or code prefix (repeatable).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these rules: code, name or code prefix (repeatable).")] = None,
    columns: Annotated[Optional[str], typer.Option("--columns", help="TSV/CSV columns SOURCE,TARGET: 1-based numbers or header names.")] = None,
    source_encoding: Annotated[Optional[str], typer.Option("--source-encoding", help="Encoding of SOURCE (or of the one bilingual file), e.g. gb18030, big5, utf-16-le (default: BOM, declaration, UTF-8, then detection).")] = None,
    target_encoding: Annotated[Optional[str], typer.Option("--target-encoding", help="Encoding of TARGET (two-file input only).")] = None,
    align: Annotated[bool, typer.Option("--align", help="SOURCE and TARGET are whole documents that do not line up: split them into paragraphs and sentences and align them; unmatched sentences are reported as omissions/additions.")] = False,
    fail_on: Annotated[Optional[Severity], typer.Option("--fail-on", help="Fail on any finding at or above this severity.")] = None,
    fail_under: Annotated[Optional[float], typer.Option("--fail-under", help="Pass threshold for the score (default 95).", min=0, max=100)] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes (default: all cores for documents over 10,000 segments, else 1).", min=1)] = None,
    output_format: Annotated[Optional[list[str]], typer.Option("--output-format", metavar="FMT:FILE", help="Also write the report in format FMT to FILE (repeatable), e.g. --output-format sarif:transqa.sarif.")] = None,
    baseline: Annotated[Optional[str], typer.Option("--baseline", help="Gate only on findings not in this baseline file (made by `transqa baseline write`).")] = None,
    pair: Annotated[Optional[str], typer.Option("--pair", metavar="SRC_GLOB:TGT_GLOB", help="With two directories: pair files by name, e.g. '*.zh.txt:*.en.txt' (default: the same relative path).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors: no report on stdout, no warnings, no progress bar; report files are still written.")] = False,
    reference: Annotated[Optional[str], typer.Option("--reference", metavar="FILE", help="Reference translation, aligned like the target: adds corpus BLEU, chrF and TER to the summary, a chrF per segment, and REF001 for segments far from it.")] = None,
) -> None:
    """Check a translation (or two directories of them) and print a scored QA report."""
    from transqa.pipeline import RunOptions, check as run_check, prepare
    from transqa.readers import read_document
    from transqa.reporters import FORMATS

    if fmt not in FORMATS:
        raise TransqaError(f"unknown --format {fmt!r} (choose from {', '.join(FORMATS)})")
    outputs = _output_formats(output_format or [], FORMATS)
    from transqa.outputs import refuse_inputs

    for path in [output, *(name for _, name in outputs)]:  # before any work: never over an input
        if path is not None:
            refuse_inputs(path, [*files, reference, config, baseline, *(glossary or []), *(pack or [])])

    options = RunOptions(config=config, packs=pack or [], glossaries=glossary or [], select=select or [],
                         ignore=ignore or [], fail_on=fail_on.value if fail_on else None, fail_under=fail_under,
                         jobs=jobs)
    options.baseline = baseline
    if pair is not None and not _is_batch(files):
        raise TransqaError("--pair applies to two directories (SOURCE_DIR TARGET_DIR)")
    prepared = prepare(options)
    if reference is not None and _is_batch(files):
        raise TransqaError("--reference works with one document, not with two directories")
    if _is_batch(files):
        report = _check_directories(files, prepared, pair, quiet, lambda paths: read_document(
            paths, columns=columns, source_encoding=source_encoding, target_encoding=target_encoding,
            align=align, glossaries=prepared.glossaries))
        _emit(report, fmt, output, outputs, files, quiet)
    if target_encoding is not None and len(files) != 2:
        raise TransqaError("--target-encoding applies to SOURCE TARGET input; use --source-encoding for one bilingual file")
    document = read_document(files, columns=columns, source_encoding=source_encoding, target_encoding=target_encoding,
                             align=align, glossaries=prepared.glossaries)
    if reference is not None:
        from transqa.readers.reference import attach_reference

        document = attach_reference(document, reference)
    from transqa.batch import spinner

    with spinner(len(document.segments), not quiet):
        report = run_check(document, prepared)
    _emit(report, fmt, output, outputs, files, quiet)


def _output_formats(specs: list[str], formats) -> list[tuple[str, str]]:
    """Parse --output-format FMT:FILE values (split at the first colon)."""
    out = []
    for spec in specs:
        fmt, sep, path = spec.partition(":")
        if not sep or not path:
            raise TransqaError(f"--output-format {spec!r}: give FMT:FILE, e.g. sarif:transqa.sarif")
        if fmt not in formats:
            raise TransqaError(f"--output-format {spec!r}: unknown format {fmt!r} (choose from {', '.join(formats)})")
        out.append((fmt, path))
    return out


def _is_batch(files: list[str]) -> bool:
    return len(files) == 2 and all(os.path.isdir(path) for path in files)


def _warn(quiet: bool):
    return None if quiet else (lambda message: print(f"transqa: warning: {message}", file=sys.stderr))


def _check_directories(files: list[str], prepared, pair: str | None, quiet: bool, read_paths):
    from transqa.batch import check_directories

    return check_directories(files[0], files[1], prepared, pattern=pair, quiet=quiet, warn=_warn(quiet),
                             read=lambda p: read_paths([p.source, p.target]))


def _emit(report, fmt: str, output: str | None, outputs: list[tuple[str, str]], inputs: list[str],
          quiet: bool) -> None:
    """Write the main report (stdout or --output) and every --output-format file; exit with the verdict."""
    from transqa.outputs import write_atomic
    from transqa.reporters import chunks

    def text(name: str, color: bool = False):  # the report in pieces (JSON: one per finding), never joined
        if name == "terminal" and report.extra.get("files"):
            from transqa.batch import render_terminal

            return [render_terminal(report, color=color)]
        return chunks(report, name, color=color)

    if output is not None:
        write_atomic(output, text(fmt), inputs=inputs)
    elif not quiet:
        sys.stdout.writelines(text(fmt, color=_use_color(None) and fmt == "terminal"))
    for name, path in outputs:
        write_atomic(path, text(name), inputs=inputs)
    warn = _warn(quiet)
    for waiver in (report.extra.get("unused_waivers") or []) if warn else []:
        warn(f"waiver {waiver.code} {waiver.fingerprint} ({waiver.reason}) matched no finding; remove it")
    raise typer.Exit(EXIT_PASSED if report.score.passed else EXIT_FAILED)


rules_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
app.add_typer(rules_app, name="rules")


@rules_app.callback(invoke_without_command=True)
def rules_command(
    ctx: typer.Context,
    config: Annotated[Optional[str], typer.Option("--config", help="Config file (default: nearest .transqa.yaml).")] = None,
    pack: Annotated[Optional[list[str]], typer.Option("--pack", help="Extra rule pack YAML (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List every rule: code, name, category, severity, enabled. `transqa rules test FILE` runs a pack's examples."""
    if ctx.invoked_subcommand is not None:
        return
    import json

    from transqa.config import load_config
    from transqa.pipeline import all_rules

    rules = all_rules(load_config(config), pack or [])
    if as_json:
        rows = [{"code": r.code, "name": r.name, "check": r.check, "category": r.category,
                 "severity": r.severity, "enabled": r.enabled, "pack": r.pack} for r in rules]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    header = ("CODE", "NAME", "CATEGORY", "SEVERITY", "ENABLED")
    rows = [(r.code, r.name, r.category, r.severity, "yes" if r.enabled else "no") for r in rules]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


@rules_app.command("test")
def rules_test(
    files: Annotated[list[str], typer.Argument(help="Rule pack YAML files whose examples to run.", show_default=False)],
    config: Annotated[Optional[str], typer.Option("--config", help="Config file (default: nearest .transqa.yaml).")] = None,
    glossary: Annotated[Optional[list[str]], typer.Option("--glossary", "-g", help="Extra glossary YAML (repeatable).")] = None,
) -> None:
    """Run each rule's fire/pass examples in the packs; one line per example; exit 1 if any fails."""
    from transqa.packtest import run_pack_examples

    lines, ok = run_pack_examples(files, config=config, glossaries=glossary or [])
    print("\n".join(lines))
    raise typer.Exit(EXIT_PASSED if ok else EXIT_FAILED)


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="A rule code or name, e.g. FLU003 or double-space.")],
    config: Annotated[Optional[str], typer.Option("--config", help="Config file (default: nearest .transqa.yaml).")] = None,
    pack: Annotated[Optional[list[str]], typer.Option("--pack", help="Extra rule pack YAML (repeatable).")] = None,
) -> None:
    """Explain one rule: what it checks, its options with defaults, and its examples."""
    from transqa.config import load_config
    from transqa.explain import explain_rule
    from transqa.pipeline import all_rules

    rules = all_rules(load_config(config), pack or [])
    found = [r for r in rules if rule in (r.code, r.name) or r.code == rule.upper()]
    if not found:
        raise TransqaError(f"unknown rule {rule!r} (see `transqa rules`)")
    print(explain_rule(found[0]))


baseline_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                           no_args_is_help=True, help="Baselines: accept today's findings, gate only on new ones.")
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("write")
def baseline_write(
    files: Annotated[list[str], typer.Argument(help="SOURCE TARGET files or directories, or one bilingual file (as for `check`).",
                                               show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Baseline file to write.")] = "transqa-baseline.json",
    config: Annotated[Optional[str], typer.Option("--config", help="Config file (default: nearest .transqa.yaml).")] = None,
    glossary: Annotated[Optional[list[str]], typer.Option("--glossary", "-g", help="Extra glossary YAML (repeatable).")] = None,
    pack: Annotated[Optional[list[str]], typer.Option("--pack", help="Extra rule pack YAML (repeatable).")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Only these rules (repeatable).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these rules (repeatable).")] = None,
    columns: Annotated[Optional[str], typer.Option("--columns", help="TSV/CSV columns SOURCE,TARGET.")] = None,
    pair: Annotated[Optional[str], typer.Option("--pair", metavar="SRC_GLOB:TGT_GLOB", help="With two directories: pair files by name.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Record the current findings (after waivers) so that `check --baseline FILE` gates only on new ones."""
    from transqa.baseline import render_baseline
    from transqa.outputs import write_atomic
    from transqa.pipeline import RunOptions, check as run_check, prepare
    from transqa.readers import read_document

    prepared = prepare(RunOptions(config=config, packs=pack or [], glossaries=glossary or [],
                                  select=select or [], ignore=ignore or []))
    if _is_batch(files):
        report = _check_directories(files, prepared, pair, quiet, lambda paths: read_document(paths, columns=columns))
    else:
        report = run_check(read_document(files, columns=columns), prepared)
    write_atomic(output, render_baseline(report.findings), inputs=files)
    if not quiet:
        print(f"transqa: wrote {len(report.findings)} finding(s) to {output}", file=sys.stderr)


glossary_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                           no_args_is_help=True, help="Glossaries: import termbases (TBX, CSV, TSV, XLSX), lint glossary files.")
app.add_typer(glossary_app, name="glossary")


@glossary_app.command("import")
def glossary_import(
    file: Annotated[str, typer.Argument(help="A .tbx, .csv, .tsv or .xlsx termbase (CSV/TSV/XLSX: header naming the zh and en columns).",
                                        show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Glossary YAML to write (atomically).")],
    name: Annotated[Optional[str], typer.Option("--name", help="Glossary name (default: the file's stem).")] = None,
) -> None:
    """Convert a termbase into a transqa glossary (YAML) for --glossary or config `glossaries:`."""
    from pathlib import Path

    from transqa.glossary_tools import read_entries, render_glossary
    from transqa.outputs import write_atomic

    entries = read_entries(file)
    write_atomic(output, render_glossary(entries, name or Path(file).stem, f"imported from {Path(file).name}"),
                 inputs=[file])
    print(f"transqa: wrote {len(entries)} entries to {output}", file=sys.stderr)


@glossary_app.command("lint")
def glossary_lint(
    files: Annotated[list[str], typer.Argument(help="Glossary YAML files.", show_default=False)],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings (overlapping sources) fail too.")] = False,
) -> None:
    """Duplicate sources and renderings approved and forbidden at once (errors: exit 1); sources that
    overlap so that one hides the other (warnings)."""
    from transqa.glossary_tools import lint_file

    failed = False
    for path in files:
        glossary, problems = lint_file(path)
        for problem in problems:
            where = f"{path}:{problem.line}" if problem.line else path
            level = "warning" if problem.is_warning else "error"
            print(f"{where}: {level}: {problem.kind}: {problem.message}")
        failed = failed or any(strict or not p.is_warning for p in problems)
        errors = sum(1 for p in problems if not p.is_warning)
        print(f"{path}: {len(glossary.terms)} entries, {errors} error(s), {len(problems) - errors} warning(s)")
    raise typer.Exit(EXIT_FAILED if failed else EXIT_PASSED)


def _one_line(text: str) -> str:
    """Error text on one line: newlines and other unprintable characters (in a file name, say) escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def run() -> None:
    """Console-script entry point: one-line errors with exit 2, never a traceback."""
    try:
        code = app(standalone_mode=False)
    except TransqaError as exc:
        print(f"transqa: error: {_one_line(str(exc))}", file=sys.stderr)
        sys.exit(EXIT_ERROR)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.ctx and print(exc.ctx.get_help())
        sys.exit(EXIT_ERROR)
    except click.exceptions.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        print(f"transqa: error: {_one_line(exc.format_message())}{hint}", file=sys.stderr)
        sys.exit(EXIT_ERROR)
    except click.exceptions.ClickException as exc:
        print(f"transqa: error: {_one_line(exc.format_message())}", file=sys.stderr)
        sys.exit(EXIT_ERROR)
    except (typer.Abort, KeyboardInterrupt):
        print("transqa: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_FAILED)
    except Exception as exc:  # a bug: still one line; TRANSQA_DEBUG=1 shows the traceback
        if os.environ.get("TRANSQA_DEBUG"):
            raise
        print(f"transqa: internal error: {type(exc).__name__}: {_one_line(str(exc))} (set TRANSQA_DEBUG=1 for details)",
              file=sys.stderr)
        sys.exit(EXIT_ERROR)
    sys.exit(code or 0)

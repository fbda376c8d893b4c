"""Language codes read from bilingual files, checked against the direction transqa checks (zh -> en)."""

from __future__ import annotations

from transqa.errors import TransqaError

EXPECTED = ("zh", "en")
_ALIASES = {"cmn": "zh", "yue": "zh", "chi": "zh", "zho": "zh", "eng": "en"}


def base(code: str | None) -> str | None:
    """`zh-Hans-CN` / `zh_CN` / `ZH` -> `zh`; None or '' -> None."""
    if not code or not code.strip():
        return None
    head = code.strip().replace("_", "-").split("-")[0].lower()
    return _ALIASES.get(head, head)


def check_direction(source: str | None, target: str | None, *, path: str, line: int | None,
                    what: str) -> None:
    """Refuse files whose declared direction is not zh -> en (a missing code is not an error).

    Decision: a wrong direction is an input error (exit 2), not a finding: every check assumes a
    Chinese source and an English target, so running them on an en -> zh file would only produce noise.
    """
    src, tgt = base(source), base(target)
    if (src in (None, "zh")) and (tgt in (None, "en")):
        return
    if src == "en" and tgt in ("zh", None):
        hint = "the reverse of what transqa checks"
    else:
        hint = "transqa checks Chinese (zh) sources translated into English (en)"
    raise TransqaError(f"{what} declares {source or '?'} -> {target or '?'}; {hint} (zh -> en)",
                       path=path, line=line)

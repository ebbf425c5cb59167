"""Positions and reader problems: the two things every layer shares."""
from __future__ import annotations

from typing import Generic, TypeVar

from .record import dataclass

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Span:
    """Where something is written. Lines and columns are 1-based; 0 means unknown.

    ``end_column`` closes the span of a value on its line, so a later autofix can
    replace exactly that value.
    """

    path: str
    line: int = 0
    column: int = 0
    end_column: int = 0

    @property
    def in_a_file(self) -> bool:
        """False for places that are no file of the host, named ``<...>``: the packaged
        ``<stock>/uwsgi_params`` an include stands for, or ``<text>``."""
        return not self.path.startswith("<")

    def __str__(self) -> str:
        if not self.line:
            return self.path
        if not self.column:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """A value and where it came from.

    ``at`` is None when nothing in the checked files sets the value; ``note`` then
    says which default or assumption stands in for it ("uWSGI default").
    """

    value: T
    at: Span | None = None
    note: str = ""

    @property
    def is_default(self) -> bool:
        return self.at is None


# What a reader may report about a file it could not read faithfully. The rule set
# turns each kind into its E-code; readers never name codes.
PROBLEM_KINDS = (
    "unreadable",          # permission, a directory, binary, too large, symlink loop
    "syntax",              # the real program would refuse the file
    "include-not-found",   # an explicit include names no file
    "include-cycle",       # a file includes itself, directly or not
    "undecodable",         # bytes that are not UTF-8 (read with another encoding)
    "template",            # Jinja2 / envsubst / Go / ERB: not final config
    "ambiguous",           # the content fits more than one kind; the place decided
    "outside-checked-tree",  # a reference or link leads out of the checked tree: not read
    "limit",               # a bound on the work cut reading short here (hostile or runaway input)
)


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    message: str
    at: Span
    # "info" where the problem holds only under an assumption the message names (empty: the
    # severity of the kind's rule).
    severity: str = ""
    # Other places of the same cause, each with what to say of it (one misplaced include puts
    # every directive of a file in a context that refuses them: one problem, not one each).
    related: tuple[tuple[Span, str], ...] = ()
    # (program, version): the program refuses this only from that version on (a validator it
    # added); the model weighs it against the version the files run, or the one assumed.
    since: tuple[str, ...] = ()
    # (program, version): the refusal holds for that release and later ones, whose options are
    # the table's; an older release the files run may have taken what the table does not know.
    known_to: tuple[str, ...] = ()

"""A uWSGI command line (``uwsgi --ini app.ini -p 4 ...``), read as uWSGI 2.0 reads it.

Order, as in uWSGI: ``UWSGI_*`` environment variables first (``UWSGI_HTTP_SOCKET`` is
``http-socket``), then the options in command-line order (GNU ``getopt_long``: long
names may be abbreviated when unambiguous, short flags may be clustered, ``--`` ends
the options), with ``--ini``/``--include`` files inserted where they appear; then
positional arguments, which getopt moves after every option, loaded by extension.
An unknown option on the command line is fatal in uWSGI.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..core.commands import ALL_ARGUMENTS
from ..core.context import ReadContext
from ..core.option import Option
from ..core.record import dataclass, field
from ..core.span import Problem, Span
from .uwsgi_ini import IniComment, IniSection, UnreadConfig, UwsgiRun
from .uwsgi_options import OPTIONS, by_short, takes_arg

# Set by uWSGI itself on reload or by the Emperor; not options.
_INTERNAL_ENV = ("UWSGI_RELOADS", "UWSGI_VASSALS_DIR", "UWSGI_EMPEROR_FD", "UWSGI_BROODLORD_NUM",
                 "UWSGI_EMPEROR_FD_CONFIG", "UWSGI_EMPEROR_PROXY", "UWSGI_JAIL_PID", "UWSGI_ORIGINAL_PROC_NAME")
FLAG_VALUE = "true"    # what uWSGI records for an option given without a value (show-config prints "true")


@dataclass
class UwsgiCommand:
    options: list[Option] = field(default_factory=list)
    config_files: list[str] = field(default_factory=list)     # local paths of every config file read
    unread_configs: list[UnreadConfig] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    placeholders_used: set[str] = field(default_factory=set)
    first_config: str = ""                                    # the first --ini/--xml/--yaml/positional, as written
    sections: list[IniSection] = field(default_factory=list)  # the section headers of the config files read
    yaml_sections: list[IniSection] = field(default_factory=list)  # the YAML files' section keys read
    comments: list[IniComment] = field(default_factory=list)  # their whole-line comments
    section_found: bool = False       # an option of [uwsgi] was read, or no config file was


def _env_to_option(name: str) -> str:
    return name.lower().replace("_", "-")


def _variable_word(word: str) -> bool:
    """A word that is one shell variable as written (``$EXTRA``, ``${EXTRA}``, ``${EXTRA:-}``)."""
    if not word.startswith("$") or len(word) < 2:
        return False
    name = word[2:-1].split(":", 1)[0].split("-", 1)[0] if word[1] == "{" and word.endswith("}") else word[1:]
    return (name.isidentifier() or name.isdigit()) and name.isascii()


def _holds_variable(value: str) -> bool:
    """Whether a word holds a shell variable reference (``$NAME``, ``${NAME}``, ``${NAME:-x}``)."""
    start = value.find("$")
    while start != -1:
        following = value[start + 1:start + 2]
        if following == "{" or following.isalpha() or following == "_":
            return True
        start = value.find("$", start + 1)
    return False


def _long_match(name: str) -> tuple[str | None, list[str]]:
    """getopt_long: an exact name, else a unique prefix; several prefixes are ambiguous."""
    if name in OPTIONS:
        return name, []
    candidates = [option for option in OPTIONS if option.startswith(name)]
    if len(candidates) == 1:
        return candidates[0], []
    return None, candidates


def parse_argv(argv: list[str], at: Span, ctx: ReadContext, cwd: str | None,
               env: Mapping[str, str], stock: Mapping[str, str] | None = None,
               start_dir: str | None = None, shell_words: bool = True) -> UwsgiCommand:
    """``argv`` without the program name. ``cwd`` is the local directory uWSGI starts in,
    ``start_dir`` its path on the target (for when no local directory is known);
    ``stock`` the files its image ships that the checked files do not hold (target path ->
    packaged copy). ``shell_words``: the words come from a shell, systemd or Compose, which
    expand ``$NAME`` (kept as written here where its value is not known); supervisord and a
    Dockerfile's exec-form CMD pass a ``$`` on as it is written, and uWSGI reads it as it is."""
    run = UwsgiRun(ctx, env, cwd, stock, start_dir)
    command = UwsgiCommand()
    base_dir = cwd

    for name, value in env.items():
        if name.startswith("UWSGI_") and name not in _INTERNAL_ENV:
            run.add(_env_to_option(name[6:]), value, value, at, base_dir=base_dir)

    def fatal(message: str) -> None:
        command.problems.append(Problem("syntax", f"uwsgi: {message}; uWSGI exits (getopt_long() error)", at))

    def add(option: str, value: str | None) -> None:
        if option in ("ini", "xml", "xmlconfig", "yaml", "yml", "include") and not command.first_config:
            command.first_config = value or ""
        # A value holding a variable the shell expands at run time is known only then.
        unknown = shell_words and value is not None and _holds_variable(value)
        run.add(option, FLAG_VALUE if value is None else value, value or "", at, unresolved=unknown,
                base_dir=base_dir)

    positionals: list[str] = []
    index = 0
    while index < len(argv):
        word = argv[index]
        index += 1
        if word == "--":
            positionals.extend(argv[index:])
            break
        if word in ALL_ARGUMENTS:
            # A script's "$@" whose caller is not in the files: any options, any config
            # files may come there; the command line is open-ended, no file name.
            command.unread_configs.append(UnreadConfig(f'the arguments the script is run with ("{word}")', at, False))
            continue
        if shell_words and _variable_word(word):
            # A variable the shell left unexpanded (its value is not in the files): sh splits it
            # into any number of words, none when it is empty; options and files alike.
            command.unread_configs.append(UnreadConfig(f"the words {word} expands to", at, False))
            continue
        if word.startswith("--"):
            name, equal, inline = word[2:].partition("=")
            option, ambiguous = _long_match(name)
            if option is None:
                fatal(f"option '--{name}' is ambiguous" if ambiguous else f"unrecognized option '{word}'")
                continue
            kind = takes_arg(option)
            if equal:
                if kind == "none":
                    fatal(f"option '--{option}' doesn't allow an argument")
                    continue
                add(option, inline)
            elif kind == "required":
                if index >= len(argv):
                    fatal(f"option '--{option}' requires an argument")
                    continue
                add(option, argv[index])
                index += 1
            else:
                add(option, None)
        elif word.startswith("-") and word != "-":
            letters = word[1:]
            position = 0
            while position < len(letters):
                letter = letters[position]
                position += 1
                option = by_short(letter)
                if option is None:
                    fatal(f"invalid option -- '{letter}'")
                    break
                kind = takes_arg(option)
                rest = letters[position:]
                if kind == "none":
                    add(option, None)
                    continue
                if rest:
                    add(option, rest)
                elif kind == "required":
                    if index >= len(argv):
                        fatal(f"option requires an argument -- '{letter}'")
                        break
                    add(option, argv[index])
                    index += 1
                else:
                    add(option, None)
                break
        else:
            positionals.append(word)

    for word in positionals:
        if word.startswith("["):
            continue
        if not command.first_config:
            command.first_config = word
        # Loaded like include= (by extension): anything else, app.py included, is fatal in 2.0.
        run.load("include", word, at, base_dir)

    command.options = run.finish()
    command.config_files = run.files
    command.unread_configs = command.unread_configs + run.unread
    command.problems = command.problems + run.problems
    command.placeholders_used = run.placeholders_used
    command.sections = run.sections
    command.yaml_sections = run.yaml_sections
    command.comments = run.comments
    command.section_found = bool(run.section_found.get("uwsgi", False)) or not run.files
    return command

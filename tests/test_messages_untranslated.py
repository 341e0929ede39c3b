"""No untranslated message in the source: every text a user reads goes through the message catalogue.

Reads the source of src/toteuma (not runs it): a message call must name a key the catalogue holds,
an error a user sees must be raised with a key, the command line prints nothing but catalogue
texts and its help texts are keys. An English sentence written straight into the code fails here,
with the file and line to change (docs/messages.md says how).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from toteuma.core.messages import catalogue
from toteuma.core.problems import BY_CODE

SRC = Path(__file__).resolve().parents[1] / "src" / "toteuma"
# Calls whose first argument is a message key (or a MessageError it takes over).
KEYED = {"t", "say", "fail", "Text", "MessageError", "ServiceError", "ForbiddenError", "StorageError"}
KEYED |= {"WorkflowError", "OrgError"}
# Calls whose first arguments are a problem code and one of its messages.
CODED = {"problem", "ProblemError"}
# Calls with an argument (by position) that names a key in a namespace: the name is what the code says.
NAMESPACED = {
    "UnknownUnitError": (1, "storage.what."),
    "DuplicateKeyError": (0, "storage.what."),
    "_unique": (2, "storage.what."),
    "_resolve": (1, "storage.what."),
    "choice": (2, "importers.field."),
}
# Errors that reach a user from these folders must carry a key, not a sentence.
USER_FACING = ("cli", "services", "importers", "web")


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts or path.name == "messages.py":
            continue
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _is_text(node: ast.expr | None) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _has_words(node: ast.expr) -> bool:
    """A text with letters of its own (not only spacing and punctuation around values)."""
    parts = node.values if isinstance(node, ast.JoinedStr) else [node]
    texts = [part.value for part in parts if isinstance(part, ast.Constant) and isinstance(part.value, str)]
    return any(character.isalpha() for text in texts for character in text)


def _prefix(node: ast.JoinedStr) -> str:
    first = node.values[0] if node.values else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""


def _key_problem(node: ast.expr, keys: set[str]) -> str:
    """Why `node` is not a usable key ('' when it is one)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "" if node.value in keys else f"{node.value!r} is no key of the catalogue"
    if isinstance(node, ast.JoinedStr):  # f"kinds.{kind}": a key chosen at run time, by its namespace
        prefix = _prefix(node)
        ok = " " not in prefix and prefix.endswith(".") and any(key.startswith(prefix) for key in keys)
        return "" if ok else "a sentence written into the code (an f-string), not a key"
    return ""


def _coded_problem(call: ast.Call, keys: set[str]) -> str:
    args = call.args
    if not args or not isinstance(args[0], ast.Constant):
        return ""
    code = args[0].value
    if code not in BY_CODE:
        return f"{code!r} is no catalogued problem code"
    text = args[1] if len(args) > 1 else ast.Constant("message")
    if _is_text(text) and not (isinstance(text, ast.Constant) and f"problems.{code}.{text.value}" in keys):
        return f"{ast.unparse(text)} is no message of {code} in problems.toml"
    return ""


def _raised_sentence(exc: ast.expr | None) -> bool:
    if not isinstance(exc, ast.Call) or not exc.args:
        return False
    return _is_text(exc.args[0]) and _name(exc) not in KEYED | CODED


def _findings(path: Path, tree: ast.Module, keys: set[str]) -> Iterator[str]:
    folder = path.relative_to(SRC).parts[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name, why = _name(node), ""
            if name in KEYED and node.args:
                why = _key_problem(node.args[0], keys)
            elif name in CODED:
                why = _coded_problem(node, keys)
            elif name in NAMESPACED and len(node.args) > NAMESPACED[name][0]:
                position, namespace = NAMESPACED[name]
                named = node.args[position]
                if isinstance(named, ast.Constant) and f"{namespace}{named.value}" not in keys:
                    why = f"{namespace}{named.value} is no key of the catalogue"
            elif name == "echo" and node.args and _has_words(node.args[0]) and folder == "cli":
                why = "click.echo of a text: use say(key)"
            elif name == "option" and isinstance(node.func, ast.Attribute) and folder == "cli":
                why = "" if path.name == "app.py" else "click.option: use cli.app.option, whose help is a key"
            for keyword in node.keywords if folder == "cli" else ():
                if keyword.arg == "help" and isinstance(keyword.value, ast.Constant):
                    why = why or _key_problem(keyword.value, keys)
            if why:
                yield f"{path.relative_to(SRC)}:{node.lineno}: {why}"
        elif isinstance(node, ast.Raise) and folder in USER_FACING and _raised_sentence(node.exc):
            name = _name(node.exc)  # type: ignore[arg-type]
            yield f"{path.relative_to(SRC)}:{node.lineno}: {name} raised with a sentence, not a key"


def test_every_message_in_the_code_is_a_key_of_the_catalogue() -> None:
    keys = set(catalogue())
    found = [line for path, tree in _sources() for line in _findings(path, tree, keys)]
    assert not found, "untranslated messages:\n" + "\n".join(found)


def test_the_check_finds_an_untranslated_message(tmp_path: Path) -> None:
    """The test above can fail: each kind of untranslated message is caught."""
    keys = set(catalogue())
    bad = tmp_path / "cli" / "bad.py"
    bad.parent.mkdir()
    bad.write_text(
        "import click\n"
        "def f(x):\n"
        "    click.echo(f'Imported {x} records')\n"
        "    fail('nothing was imported')\n"
        "    problem('value.date', 'not a date at all')\n"
        "    @click.option('--x', help='Plain English help.')\n"
        "    def g(): pass\n"
        "    raise ServiceError(f'no unit {x}')\n"
        "    raise ValueError(f'{x} is wrong')\n",
        encoding="utf-8",
    )
    global SRC
    saved, SRC = SRC, tmp_path
    try:
        found = list(_findings(bad, ast.parse(bad.read_text(encoding="utf-8")), keys))
    finally:
        SRC = saved
    assert sorted(int(line.split(":")[1]) for line in found) == [3, 4, 5, 6, 8, 9], found

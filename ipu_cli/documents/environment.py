"""The one Jinja environment: documents (decisions, letters, charts, skeletons) from `templates/`.

One Jinja environment for every document: `StrictUndefined` (a missing value
is an error naming the template, the line and the variable, never a blank),
autoescaping for HTML templates, and the house-style filters of
`ipu_cli.style`. A document `NAME` has `templates/NAME.md.j2` and
`templates/NAME.html.j2`; its Word file is written on a Word template
(`templates/decision.docx`, `templates/letter.docx`: `documents/word.py`) from
the same context, and its PDF is that Word file printed by LibreOffice
(`documents/pdf.py`). A letter's wording stays in its Jinja template: the Word
letter prints the Markdown of the template's `body` block.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from typing import Any

from ipu_cli.documents import style
from ipu_cli.errors import IpuError

FORMATS = ("md", "html", "docx", "pdf")
TEMPLATES = "templates"
BUNDLED = Path(__file__).resolve().parents[2] / TEMPLATES
"""The templates shipped with ipu; a case repository's own templates/ take precedence."""
_EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
WORD_TEMPLATES = {"decision": "decision.docx", "letter": "letter.docx", "booklet": "decision.docx"}
"""The Word template of each document kind (letters: every party's letter; a session's booklet
sets its decisions as they are set alone, on the decision's template)."""


class TemplateError(IpuError):
    """A template could not be rendered: the message names the template and line."""


def format_for(path: Path | None, fmt: str | None) -> str:
    """The format asked for, else the one the output file's extension implies, else md.

    An extension that names another format than `--format` is refused, and so is
    an unknown extension when no `--format` says what to write.
    """
    if fmt and fmt not in FORMATS:
        raise TemplateError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")
    implied = _EXTENSIONS.get(path.suffix.lower()) if path is not None else None
    if fmt:
        if implied and implied != fmt:
            raise TemplateError(f"--format {fmt} conflicts with the extension of {path} ({implied})")
        return fmt
    if path is not None and implied is None:
        raise TemplateError(
            f"cannot tell the format from '{path.name}': use .md, .html, .docx or .pdf, or give --format"
        )
    return implied or "md"


# Markdown templates: every `{{ value }}` is wrapped in private-use marks by `_finalize`, and
# `_escape_values` replaces each wrapped value by its escaped text once the page is rendered,
# when it is known whether the value starts a line (domain/markup.py: data is text).
_VALUE, _ITALICS, _END = "\ue000", "\ue001", "\ue002"
_MARKS = str.maketrans("", "", _VALUE + _ITALICS + _END)
_WRAPPED = re.compile(f"([{_VALUE}{_ITALICS}])(.*?){_END}", re.DOTALL)


class _Italics(str):
    """Text whose `*single asterisk*` italics are markup (the `emphasis` filter in Markdown)."""


class Verbatim(str):
    """A part already rendered in the template's own format (a decision inside a booklet):
    printed as it is, never escaped again."""


def is_markdown(template_name: str | None) -> bool:
    return bool(template_name) and str(template_name).endswith(".md.j2")


def _finalize(context: Any, value: Any) -> Any:
    """Markdown templates: mark each printed value so that `_escape_values` can escape it."""
    if not is_markdown(context.name):
        if isinstance(value, Verbatim):
            from markupsafe import Markup

            return Markup(value)
        return value
    if isinstance(value, Verbatim):
        return str(value)
    mark = _ITALICS if isinstance(value, _Italics) else _VALUE
    return f"{mark}{str(value).translate(_MARKS)}{_END}"


def _escape_values(text: str) -> str:
    """Replace every marked value of a rendered Markdown page by its escaped text."""
    from ipu_cli.domain.markup import markdown_text

    out: list[str] = []
    line = ""  # what the current output line holds so far
    at = 0
    for match in _WRAPPED.finditer(text):
        for piece in (text[at : match.start()], None):
            if piece is None:
                italics = match.group(1) == _ITALICS
                piece = markdown_text(match.group(2), italics=italics, line_start=not line.strip())
            out.append(piece)
            line = piece.rsplit("\n", 1)[-1] if "\n" in piece else line + piece
        at = match.end()
    out.append(text[at:])
    return "".join(out)


def _emphasis(context: Any, text: str) -> Any:
    """The `*italics*` of adopted text (paragraphs, summaries) as markup; everything else as text.

    HTML: escaped, italics as <em>. Markdown (and Word, built from it): the
    italics stay `*...*`, every other markup character is escaped.
    """
    from markupsafe import Markup

    from ipu_cli.domain.markup import emphasis_html

    if is_markdown(context.name):
        return _Italics(text)
    return Markup(emphasis_html(str(text)))


def template_dirs(root: Path) -> list[Path]:
    """Where templates are looked up: the repository's templates/, then the bundled ones."""
    dirs = [root / TEMPLATES]
    if BUNDLED.resolve() != dirs[0].resolve():
        dirs.append(BUNDLED)
    return [d for d in dirs if d.is_dir()]


_ENVIRONMENTS: dict[tuple[str, ...], Any] = {}


def environment(root: Path) -> Any:
    """The Jinja environment over `<root>/templates`, falling back on the bundled templates.

    One per set of template folders for the life of the process, so that a batch compiles
    each template once (not once per document: a third of `--all`'s time). Jinja checks
    each template file's modification time before using its compiled form (`auto_reload`),
    so an edited template is read again.

    Sandboxed: a repository's own templates are edited by hand, and a template is
    allowed to format the data, not to reach Python through it (`''.__class__`, a
    method that changes a list): such a template is refused with its line.
    """
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    key = tuple(str(d.resolve()) for d in template_dirs(root))
    if key in _ENVIRONMENTS:
        return _ENVIRONMENTS[key]
    env = ImmutableSandboxedEnvironment(
        loader=_loader(template_dirs(root)),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "html.j2", "svg", "svg.j2"), default=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=jinja2.pass_context(_finalize),
    )
    env.filters.update(style.FILTERS)
    env.filters["emphasis"] = jinja2.pass_context(_emphasis)
    _ENVIRONMENTS[key] = env
    return env


def _loader(dirs: list[Path]) -> Any:
    """Jinja's file loader that opens regular files only: a FIFO named `x.md.j2` would block
    the open for ever, a device, a folder or a broken link is no template; each is refused by
    name (`_present`), never passed over for the bundled template of that name."""
    import jinja2

    class RegularFileLoader(jinja2.FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            for folder in dirs:
                try:
                    if _present(folder / template):
                        break
                except (OSError, ValueError):  # a name no file can have: Jinja says not found
                    break
            return super().get_source(environment, template)

    return RegularFileLoader([str(d) for d in dirs])


def _present(path: Path) -> bool:
    """Whether a template file is there; one that is there but is no regular file (a FIFO, a
    folder, a broken link) is refused by name rather than passed over for the bundled one."""
    if path.is_file():
        return True
    if path.exists() or path.is_symlink():
        raise TemplateError(f"{TEMPLATES}/{path.name} is not a regular file")
    return False


def template_names(root: Path) -> list[str]:
    """Every template file (repository and bundled), by name."""
    return sorted({p.name for d in template_dirs(root) for p in d.glob("*.j2")})


def parse(template_name: str, root: Path) -> Any:
    """A template's syntax tree (for jinja2.meta); a template that cannot be read or parsed
    is a TemplateError naming it and its line."""
    import jinja2

    env = environment(root)
    try:
        source = env.loader.get_source(env, template_name)[0]
        return env.parse(source, template_name, f"{TEMPLATES}/{template_name}")
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{_where(exc, root)}: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise TemplateError(
            f"{TEMPLATES}/{template_name}: not UTF-8 (byte {exc.object[exc.start]:#04x})"
        ) from None
    except OSError as exc:
        raise TemplateError(f"{TEMPLATES}/{template_name}: cannot be read ({exc.strerror or exc})") from None


def _where(exc: BaseException, root: Path) -> str:
    """'templates/x.md.j2, line 12' from a Jinja exception's traceback."""
    lineno = getattr(exc, "lineno", None)
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    if not lineno:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".j2"):
                name, lineno = frame.filename, frame.lineno
                break
    if name and Path(name).parent.name:
        name = f"{Path(name).parent.name}/{Path(name).name}"
    return f"{name or 'template'}, line {lineno or '?'}"


def render_text(template_name: str, context: dict[str, Any], root: Path, block: str | None = None) -> str:
    """Render one template (or only its `block`); every Jinja failure becomes a TemplateError
    with its location."""
    import jinja2

    env = environment(root)
    try:
        _acyclic(template_name, root)
        template = env.get_template(template_name)
        if block is None:
            text = template.render(context)
        elif block in template.blocks:
            text = "".join(template.blocks[block](template.new_context(context)))
        else:
            raise TemplateError(f"{TEMPLATES}/{template_name} has no block '{block}'")
        return _escape_values(text) if is_markdown(template_name) else text
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {TEMPLATES}/{exc.name} not found") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{_where(exc, root)}: {exc.message}") from None
    except jinja2.TemplateError as exc:  # syntax, an unknown filter, the sandbox, {% raise %}...
        raise TemplateError(f"{_where(exc, root)}: {exc.message or type(exc).__name__}") from None
    except UnicodeDecodeError as exc:
        raise TemplateError(
            f"{TEMPLATES}/{template_name}: not UTF-8 (byte {exc.object[exc.start]:#04x})"
        ) from None
    except RecursionError:  # a template that includes or extends itself
        raise TemplateError(f"{TEMPLATES}/{template_name}: includes or extends itself without end") from None
    except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as exc:
        raise TemplateError(f"{_where(exc, root)}: {exc}") from None
    except OSError as exc:  # a template that is a folder or cannot be read
        raise TemplateError(f"{TEMPLATES}/{template_name}: cannot be read ({exc.strerror or exc})") from None


_ACYCLIC: set[tuple[str, ...]] = set()


def _acyclic(template_name: str, root: Path, chain: tuple[str, ...] = ()) -> None:
    """Refuse a template that includes, imports or extends itself, directly or through others,
    before rendering: Jinja would render it again at every level until Python's recursion
    limit (a hundred full documents: seconds of work for an error). Once per template and
    process (a batch renders the same templates many times)."""
    from jinja2 import meta

    key = (*(str(d) for d in template_dirs(root)), template_name)
    if key in _ACYCLIC:
        return
    if template_name in chain:
        path = " -> ".join(
            f"{TEMPLATES}/{name}" for name in (*chain[chain.index(template_name) :], template_name)
        )
        raise TemplateError(f"{TEMPLATES}/{template_name} includes or extends itself: {path}")
    try:
        used = [name for name in meta.find_referenced_templates(parse(template_name, root)) if name]
    except TemplateError:
        return  # unreadable or unparsable: rendering says so with its line
    for name in used:
        _acyclic(name, root, (*chain, template_name))
    _ACYCLIC.add(key)


def template_for(name: str, fmt: str, lang: str, root: Path) -> str:
    """The template of document `name` in `fmt` (md or html): `NAME.LANG.FMT.j2` when the
    document has its own wording in `lang` (the letters' bodies in French), else `NAME.FMT.j2`,
    whose fixed words come from the tables of `domain/labels.py`."""
    own = f"{name}.{lang}.{fmt}.j2"
    if lang != "en" and any(_present(folder / own) for folder in template_dirs(root)):
        return own
    return f"{name}.{fmt}.j2"


def render_document(name: str, context: dict[str, Any], fmt: str, root: Path) -> str | bytes:
    """Document `name` (e.g. "decision") in `fmt`: text for md/html, bytes for docx and pdf.

    The context's `lang` chooses the templates (`template_for`, `word_template`); a French
    document goes through French typography (`style.typeset`) in every format: the Word
    file sets each text it writes (documents/word.py).
    """
    lang = context.get("lang") or "en"
    if fmt in ("md", "html"):
        text = render_text(template_for(name, fmt, lang, root), context, root)
        return style.typeset(text, lang, html=fmt == "html")
    if fmt == "docx":
        return render_word(name, context, root)
    if fmt == "pdf":
        from ipu_cli.documents.pdf import docx_to_pdf

        return docx_to_pdf({name: render_word(name, context, root, printing=True)})[name]
    raise TemplateError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")


def render_word(name: str, context: dict[str, Any], root: Path, printing: bool = False) -> bytes:
    """Document `name` as Word, on its Word template (`WORD_TEMPLATES`, in the context's `lang`);
    `printing`: the Word file LibreOffice prints to PDF (`word.booklet_document` says why it
    differs)."""
    from ipu_cli.documents import word

    kind = "letter" if name.startswith("letter-") else name
    if kind not in WORD_TEMPLATES:
        raise TemplateError(f"no Word layout for '{name}'")
    lang = context.get("lang") or "en"
    template = word_template(root, WORD_TEMPLATES[kind], lang)
    if kind == "decision":
        return word.decision_document(context, template)
    if kind == "booklet":
        return word.booklet_document(context, template, printing)
    body = render_text(template_for(name, "md", lang, root), context, root, block="body")
    return word.letter_document(context, body, template)


def word_template(root: Path, file_name: str, lang: str = "en") -> Path:
    """A Word template: `NAME.LANG.docx` when there is one for `lang` (the French letter's
    letterhead: letter.fr.docx), else `NAME.docx`; each the repository's templates/ first,
    then the bundled one."""
    stem, suffix = file_name.rsplit(".", 1)
    names = [f"{stem}.{lang}.{suffix}", file_name] if lang != "en" else [file_name]
    for name in names:
        for folder in template_dirs(root):
            if _present(folder / name):
                return folder / name
    raise TemplateError(f"template {TEMPLATES}/{file_name} not found (make word-templates rebuilds it)")


def undeclared(template_name: str, context: dict[str, Any], root: Path) -> list[str]:
    """Top-level names the template uses that the context does not provide (jinja2.meta)."""
    import jinja2
    from jinja2 import meta

    env = environment(root)
    try:
        names = meta.find_undeclared_variables(parse(template_name, root))
    except jinja2.TemplateSyntaxError as exc:  # compiling it finds an unknown filter or test
        raise TemplateError(f"{TEMPLATES}/{template_name}, line {exc.lineno}: {exc.message}") from None
    return sorted(n for n in names if n not in context and n not in env.globals)

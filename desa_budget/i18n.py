"""The language of messages: Indonesian (the message ids themselves) unless the window chooses one.

``_()`` translates now: for a message shown once, e.g. a ``UserError``. ``N_()`` marks text kept in a
result (assumptions, check findings, tier names): it stays Indonesian wherever it is stored or
printed, and the window shows it with ``_()``. ``ngettext()`` picks the plural form for a count.
The catalogs are built with Babel: ``python scripts/update_translations.py``.
"""

import gettext
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from desa_budget.paths import resources_dir

DOMAIN = "jamsos"
SOURCE_LANGUAGE = "id"  # the message ids are Indonesian: no catalog needed
LANGUAGES: Mapping[str, str] = MappingProxyType({"id": "Bahasa Indonesia", "en": "English"})

log = logging.getLogger(__name__)

# The one piece of process-wide state, as in any gettext setup: the catalog chosen at start-up.
_catalog: gettext.NullTranslations = gettext.NullTranslations()


class MarkedText(str):
    """Indonesian text that remembers its message id and fields, so ``_()`` can still translate it."""

    msgid: str
    fields: Mapping[str, object] | None  # None: never formatted

    def __new__(
        cls, text: str, msgid: str | None = None, fields: Mapping[str, object] | None = None
    ) -> "MarkedText":
        marked = super().__new__(cls, text)
        marked.msgid = text if msgid is None else msgid
        marked.fields = None if fields is None else MappingProxyType(dict(fields))
        return marked

    def format(self, *args: object, **kwargs: object) -> "MarkedText":
        """The Indonesian text with ``kwargs`` filled in, still translatable (named fields only)."""
        if args:
            raise TypeError("MarkedText.format takes named fields only")
        return MarkedText(str.format(self, **kwargs), self.msgid, kwargs)


def locale_dir() -> Path:
    return resources_dir() / "locale"


def use_language(language: str) -> str:
    """Translate messages into ``language`` from now on; unknown codes fall back to Indonesian.

    Returns the language in use. Only the window calls this; the command line stays Indonesian."""
    global _catalog
    if language not in LANGUAGES or language == SOURCE_LANGUAGE:
        _catalog = gettext.NullTranslations()
        return SOURCE_LANGUAGE
    try:
        _catalog = gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[language])
    except OSError:
        log.warning(
            "no %s catalog for %r in %s: messages stay Indonesian", DOMAIN, language, locale_dir()
        )
        _catalog = gettext.NullTranslations()
        return SOURCE_LANGUAGE
    return language


def current_language() -> str:
    return str(_catalog.info().get("language", SOURCE_LANGUAGE))


def _(message: str) -> str:
    """``message`` in the current language (a ``MarkedText`` with its fields, themselves translated)."""
    if not isinstance(message, MarkedText):
        return _catalog.gettext(message)
    translated = _catalog.gettext(message.msgid)
    if message.fields is None:
        return translated
    fields = {key: _(v) if isinstance(v, MarkedText) else v for key, v in message.fields.items()}
    return translated.format(**fields)


def N_(message: str) -> MarkedText:  # noqa: N802 - the gettext convention
    """Mark ``message`` for the catalog without translating it: it stays Indonesian until shown."""
    return MarkedText(message)


def join_marked(separator: str, parts: Sequence[str]) -> MarkedText:
    """``separator.join(parts)`` that ``_()`` still translates part by part (a plain join would
    leave marked parts Indonesian inside a translated sentence)."""
    names = [f"p{i}" for i in range(len(parts))]
    msgid = separator.join(f"{{{n}}}" for n in names)  # not in any catalog: gettext returns it
    return MarkedText(separator.join(parts), msgid, dict(zip(names, parts, strict=True)))


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count`` in the current language (Indonesian has one
    form: write the same text twice)."""
    return _catalog.ngettext(singular, plural, count)

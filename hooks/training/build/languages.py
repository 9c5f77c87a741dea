"""The language builds of a site with the i18n plugin, tracked in one place.

The i18n plugin builds the default language as MkDocs' own build and then, inside that
build's ``on_post_build``, every other language as a build of its own (every event again,
with the configuration saying the language being built). So builds nest: the default
language's begins first and ends last. Pure: no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LanguageBuilds:
    """The language builds in progress, the outermost first."""

    running: list[str] = field(default_factory=list)

    def start(self, language: str, default: str) -> bool:
        """A language's build begins (``on_pre_build``). True for the outermost build, the
        one that checks the site and makes what every language shares. A build of the
        default language is always the outermost: one that failed half-way leaves nothing."""
        if language == default:
            self.running.clear()
        self.running.append(language)
        return len(self.running) == 1

    def finish(self, fallback: str) -> tuple[str, bool]:
        """A language's build ends (``on_post_build``): which language, and whether it was
        the outermost build (then every language has been built)."""
        language = self.running.pop() if self.running else fallback
        return language, not self.running

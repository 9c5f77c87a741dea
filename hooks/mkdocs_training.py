"""MkDocs entry point for the ``training`` package: every event goes to the one object that
owns the state of a build (``training.build.SiteBuild``), which resets it when a build begins."""

from training.build import SiteBuild

_build = SiteBuild()

on_config = _build.on_config
on_pre_build = _build.on_pre_build
on_files = _build.on_files
on_nav = _build.on_nav
on_env = _build.on_env
on_page_markdown = _build.on_page_markdown
on_page_content = _build.on_page_content
on_page_context = _build.on_page_context
on_template_context = _build.on_template_context
on_post_page = _build.on_post_page
on_post_template = _build.on_post_template
on_post_build = _build.on_post_build

"""The README and the reference stay true: the two set-up commands, the sheet table, the command-line options and
every link."""

import re
from pathlib import Path

from automation.book import schema

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
REFERENCE = (ROOT / "docs" / "Справочник.md").read_text(encoding="utf-8")
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def setup_commands() -> list[str]:
    first_screen = README.split("## Как это устроено")[0]
    return re.findall(r"```\n(.+?)\n```", first_screen)


def test_first_screen_has_exactly_two_setup_commands():
    install, tests = setup_commands()
    assert install.endswith("nastavnik build")
    assert tests.endswith("python -m pytest") and '".[test]"' in tests


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_commands()[1] in ci.splitlines()


def test_the_readme_is_one_short_page():
    assert len(README.encode("utf-8")) <= 25 * 1024


def test_the_reference_names_every_sheet_and_column():
    for sheet in schema.SHEETS:
        columns = schema.SETTINGS if sheet is schema.ORGANIZATION else sheet.columns
        row = next(line for line in REFERENCE.splitlines() if line.startswith(f"| {sheet.title} |"))
        for column in columns:
            assert column.header in row, (sheet.title, column.header)


def _help(*args: str) -> str:
    """The help a curator reads (in-process: the same text `nastavnik … --help` prints, see test_cli)."""
    from click.testing import CliRunner

    from automation.cli import cli
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="nastavnik")
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_and_option_is_in_the_reference():
    commands = re.findall(r"^  (\w+)\s", _help().split("Команды:")[1], flags=re.M)
    assert commands == ["build", "check", "init", "print", "templates", "watch"]
    for command in commands:
        assert f"`nastavnik {command}" in REFERENCE
        for option in re.findall(r"(--[a-z-]+)", _help(command)):
            if option != "--help":
                assert f"`{option}" in REFERENCE, (command, option)


def test_first_screen_says_what_a_curator_downloads_and_clicks():
    first_screen = README.split("## Как это устроено")[0]
    for words in ("Наставник-<версия>-windows-x64.zip", "Наставник-<версия>-linux-x86_64.tar.gz", "`Установить.cmd`",
                  "sh install.sh", "«Наставничество»", "`Наставник.cmd`", "`На подпись.cmd`",
                  "[Руководство куратора](docs/Руководство%20куратора.md)"):
        assert words in first_screen, words


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped (letters of any alphabet kept), spaces → hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(document: Path) -> set[str]:
    return {_slug(h) for h in re.findall(r"(?m)^#+ (.+)$", document.read_text(encoding="utf-8"))}


def test_every_link_in_the_readme_and_the_docs_leads_somewhere():
    from urllib.parse import unquote

    assert {d.name for d in DOCUMENTS} >= {"README.md", "Справочник.md", "Разработчику.md", "Руководство куратора.md"}
    for document in DOCUMENTS:
        for target in re.findall(r"\]\(([^)\s]+)\)", document.read_text(encoding="utf-8")):
            path, _, anchor = unquote(target).partition("#")
            linked = (document.parent / path).resolve() if path else document
            assert linked.exists(), (document.name, target)
            if anchor:
                assert anchor in _anchors(linked), (document.name, target)

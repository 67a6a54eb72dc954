"""The README stays true: its two set-up commands, its sheet table and its list of command-line options."""

import re
from pathlib import Path


from automation import schema

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


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


def test_readme_names_every_sheet_and_column():
    for sheet in schema.SHEETS:
        columns = schema.SETTINGS if sheet is schema.ORGANIZATION else sheet.columns
        row = next(line for line in README.splitlines() if line.startswith(f"| {sheet.title} |"))
        for column in columns:
            assert column.header in row, (sheet.title, column.header)


def _help(*args: str) -> str:
    """The help a curator reads (in-process: the same text `nastavnik … --help` prints, see test_cli)."""
    from click.testing import CliRunner

    from automation.cli import cli
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="nastavnik")
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_and_option_is_in_the_readme():
    commands = re.findall(r"^  (\w+)\s", _help().split("Команды:")[1], flags=re.M)
    assert commands == ["build", "check", "init", "print", "templates", "watch"]
    for command in commands:
        assert f"`nastavnik {command}" in README
        for option in re.findall(r"(--[a-z-]+)", _help(command)):
            if option != "--help":
                assert f"`{option}" in README, (command, option)

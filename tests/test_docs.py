"""The README documents every command, so a person can find what the CLI can do."""

from __future__ import annotations

from pathlib import Path

from booth_pos.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    """Each `booth-pos COMMAND` appears in the README's tour."""
    missing = [name for name in COMMANDS if f"`booth-pos {name}" not in README]
    assert missing == []


def test_every_command_has_help():
    """`booth-pos --help` describes every command in a few words."""
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    described = {c.dest: c.help for c in action._choices_actions}
    assert {name for name in COMMANDS if described.get(name)} == set(COMMANDS)


def test_quick_start_has_exactly_two_commands():
    """The Quick start is two commands: start the app on a demo, run the tests."""
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```sh")[1:]
    assert len(blocks) == 2
    assert "booth-pos --db demo.sqlite" in blocks[0]
    assert "pytest" in blocks[1]

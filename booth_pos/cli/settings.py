"""``booth-pos settings show|set``: the Settings page without the window.

The keys are ``services.settings.as_texts``' names; a value is read and refused exactly as
the Settings page reads it, all keys or none, and what changed is audited as the page does.
"""

from __future__ import annotations

from booth_pos.cli.output import CLI_ACTOR, EXIT_OK, Refused, print_json
from booth_pos.clock import Clock
from booth_pos.services import settings as settings_service
from booth_pos.store import Store


def cmd_settings(store: Store, clock: Clock, args) -> int:
    """Print the settings (``key=value`` lines or a JSON object), or change some."""
    texts = settings_service.as_texts(settings_service.current(store))
    if args.settings_command == "show":
        if args.json:
            print_json(texts)
        else:
            for key, value in texts.items():
                print(f"{key}={_one_line(value)}")  # a header's lines as \n: one line a key
        return EXIT_OK
    changes = _pairs(args.pairs, texts)
    merged = {**texts, **changes}
    current = settings_service.current(store)
    try:
        new = settings_service.from_texts(current, merged)
    except settings_service.SettingsError as exc:
        key = exc.key or ",".join(changes)
        raise Refused(en=f"{key}: {exc.en}", id=f"{key}: {exc.id}") from None
    settings_service.save(store, new, actor=CLI_ACTOR, at=clock.now())
    after = settings_service.as_texts(new)
    for key in changes:
        print(f"{key}={_one_line(after[key])}")
    return EXIT_OK


def _one_line(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n")


def _pairs(pairs: list[str], known: dict[str, str]) -> dict[str, str]:
    """``KEY=VALUE`` arguments as a dict; an unknown key or a pair without ``=`` is refused
    naming it (before anything is read or written). ``\\n`` in a value is a new line (the
    receipt's header and footer lines)."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep:
            raise Refused(
                en=f"{pair}: write KEY=VALUE, e.g. till=T2",
                id=f"{pair}: tulis KUNCI=NILAI, mis. till=T2",
            )
        if key not in known:
            raise Refused(
                en=f"{key}: unknown setting; known: {', '.join(known)}",
                id=f"{key}: pengaturan tidak dikenal; yang ada: {', '.join(known)}",
            )
        out[key] = _unescape(value)
    return out


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value) and value[i + 1] in "n\\":
            out.append("\n" if value[i + 1] == "n" else "\\")
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)

"""The key lines that mark a unit file are found as the regular expression of all keys found them."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wsgilint.readers.systemd import _SYSTEMD_KEYS, is_systemd_text

_KEYS = re.compile(
    r"^[ \t]*(Description|Documentation|After|Before|Wants|Requires|ExecStart|ExecStartPre|ExecReload|"
    r"ExecStop|Type|User|Group|WorkingDirectory|Environment|EnvironmentFile|Restart|RestartSec|"
    r"WantedBy|RequiredBy|ListenStream|ListenDatagram|KillMode|KillSignal|PIDFile|RuntimeDirectory|"
    r"TimeoutStopSec|TimeoutSec|LimitNOFILE|PrivateTmp|Alias|SocketUser|SocketMode|Accept)[ \t]*=",
    re.M,
)


def _found(text: str) -> bool:
    """After a unit section's header, only the key lines decide."""
    return is_systemd_text("[Unit]\n" + text)


def test_each_key_and_its_near_misses() -> None:
    for key in _SYSTEMD_KEYS:
        for line in (f"{key}=x", f" \t{key} \t= x", f"{key}X=x", f"{key}1=x", f"X{key}=x", f"{key[:-1]}=x",
                     f"{key}", f"{key} x=", f"#{key}=x", f"a\n{key}=x", f"a\r{key}=x", f"a=b {key}=x"):
            assert _found(line) == bool(_KEYS.search("[Unit]\n" + line)), line


@given(st.lists(st.sampled_from(["Type", "TypeX", "Exec", "Start", "Accept", " ", "\t", "=", "\n", "\r", "1", "#"]),
                max_size=10))
def test_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert _found(text) == bool(_KEYS.search("[Unit]\n" + text))

import socket

import pytest


def test_guard_blocks_non_loopback_connections() -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(RuntimeError, match=r"only 127\.0\.0\.1"):
            s.connect(("203.0.113.7", 443))
    finally:
        s.close()


def test_openai_env_is_cleared() -> None:
    from assistant.settings import get_settings

    assert not get_settings().llm_configured

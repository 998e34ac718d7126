"""Shared fixtures. Tests never touch the internet: a guard refuses any socket connection
that is not to loopback (local test servers are fine)."""
from __future__ import annotations

import ipaddress
import socket

import pytest

from quotelens.config import Config

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _check(address) -> None:
    host = address[0] if isinstance(address, tuple) else None
    if host is None:  # AF_UNIX
        return
    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        if host == "localhost":
            return
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    if not ip.is_loopback:
        raise RuntimeError(f"test tried to reach the network: {address!r}")


def _guarded_connect(self, address):
    _check(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    _check(address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


@pytest.fixture(scope="session")
def config() -> Config:
    return Config()


@pytest.fixture(scope="session")
def nlp():
    """The pinned English model, loaded once per test session."""
    from quotelens.parse.segment import load_nlp

    return load_nlp(None)


@pytest.fixture(scope="session")
def pipeline(nlp):
    from quotelens.pipeline import Pipeline

    return Pipeline(nlp=nlp, config=Config())

"""Offline switches for every model library, set before any of them is imported, and the egress allow-list of a
running server."""

import ipaddress
import logging
import os
import socket
from typing import Any

logger = logging.getLogger(__name__)

OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def enforce_offline() -> None:
    """Force hub libraries into offline mode; the product never downloads at run time."""
    for key, value in OFFLINE_ENVIRONMENT.items():
        os.environ[key] = value


def is_offline() -> bool:
    return all(os.environ.get(key) == value for key, value in OFFLINE_ENVIRONMENT.items())


class EgressBlockedError(PermissionError):
    """A connection to a host outside the allow-list (the product talks only to the hosts it was configured with)."""


def allowed_addresses(hosts: set[str]) -> set[str]:
    """The IP addresses of the allowed host names (resolved now; loopback is always allowed on top)."""
    addresses: set[str] = set()
    for host in hosts:
        try:
            addresses |= {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
        except OSError:
            logger.warning("Allowed host %s does not resolve (yet)", host)
    return addresses


def is_allowed(address: object, allowed: set[str]) -> bool:
    """Loopback, local (AF_UNIX) sockets and the allowed addresses."""
    if not isinstance(address, tuple) or not address:
        return True  # AF_UNIX paths stay on this machine
    host = str(address[0]).split("%")[0]
    if host in ("localhost", "") or host in allowed:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def restrict_egress(hosts: set[str]) -> set[str]:
    """Refuse every outgoing connection except to loopback and ``hosts`` (the configured inference server, OIDC
    provider, database); returns the allowed addresses. Names that resolve to new addresses later are looked up
    again before a connection is refused."""
    allowed = allowed_addresses(hosts)
    original_connect, original_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def check(address: object) -> None:
        if is_allowed(address, allowed):
            return
        allowed.update(allowed_addresses(hosts))
        if not is_allowed(address, allowed):
            logger.warning("Blocked a connection to %s (not on the egress allow-list)", address)
            raise EgressBlockedError(f"Verbindung nach außen blockiert: {address!r} steht nicht auf der Freigabeliste.")

    def connect(self: socket.socket, address: Any) -> None:
        check(address)
        original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return original_connect_ex(self, address)

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]
    return allowed

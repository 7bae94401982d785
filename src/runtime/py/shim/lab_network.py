"""Outbound network guard: the lab is offline, so a handler's HTTP request explains itself instead of hanging.

The runtime calls install_network_guard(in_vpc) once per environment: outside a VPC a connection
fails at once with an explanation (on AWS it would reach the internet); in a VPC without a NAT
gateway or endpoint, it waits, as on AWS, until the function times out.
"""

import socket
import time

_state = {"in_vpc": False, "installed": False}
_original_connect = socket.socket.connect

OFFLINE_MESSAGE = (
    "Lambda Lab is offline: the simulated function cannot reach {host}. On AWS a function outside a VPC "
    "can call the internet; in the lab, use the simulated AWS services through boto3 instead."
)


class LabNetworkError(OSError):
    pass


def _blocked(host):
    if _state["in_vpc"]:
        # In a VPC with no NAT gateway or VPC endpoint, packets go nowhere: the call hangs until the timeout.
        time.sleep(10_000)
    raise LabNetworkError(101, OFFLINE_MESSAGE.format(host=host))


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else str(address)
    _blocked(host)


def _guarded_create_connection(address, *args, **kwargs):
    _blocked(address[0])


def _guarded_getaddrinfo(host, *args, **kwargs):
    _blocked(host)


def install_network_guard(in_vpc=False):
    _state["in_vpc"] = bool(in_vpc)
    if _state["installed"]:
        return
    _state["installed"] = True
    socket.socket.connect = _guarded_connect
    socket.create_connection = _guarded_create_connection
    socket.getaddrinfo = _guarded_getaddrinfo
    try:
        import urllib.request

        original_urlopen = urllib.request.urlopen

        def urlopen(url, *args, **kwargs):
            target = url if isinstance(url, str) else url.full_url
            if target.startswith(("http://", "https://")):
                host = target.split("/")[2]
                _blocked(host)
            return original_urlopen(url, *args, **kwargs)

        urllib.request.urlopen = urlopen
    except ImportError:
        pass


def uninstall_network_guard():
    socket.socket.connect = _original_connect
    _state["installed"] = False

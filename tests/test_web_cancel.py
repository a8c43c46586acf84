"""Searches and exports stop for a client that has gone, and exports say what limited them."""
from __future__ import annotations

import json
import socket

import pytest

from web.disconnect import client_gone


@pytest.fixture
def pair():
    """A connected socket pair: the server's end and the client's."""
    server, client = socket.socketpair()
    yield server, client
    server.close()
    client.close()


def test_a_client_is_gone_only_once_it_closed(pair):
    server, client = pair
    gone = client_gone({"gunicorn.socket": server})
    assert gone() is False
    client.sendall(b"G")  # a pipelined next request is no sign of leaving, and is left unread
    assert gone() is False and server.recv(1) == b"G"
    client.close()
    assert gone() is True


def test_without_the_servers_socket_there_is_no_cancellation():
    assert client_gone({}) is None


@pytest.mark.parametrize("path", ["/api/search", "/api/export.json"])
def test_a_gone_clients_search_stops(client, pair, path):
    server, peer = pair
    peer.close()
    data = client.get(f"{path}?q=troops", environ_overrides={"gunicorn.socket": server}).get_json()
    assert data["total"] == 0 and any("cancelled" in note for note in data["notes"])
    assert client.get(f"{path}?q=troops").get_json()["total"] > 0  # the cut answer was not kept


def test_an_empty_export_says_why(client):
    response = client.get("/api/export.csv?q=*e*")
    notes = json.loads(response.headers["X-Claimsearch-Notes"])
    assert response.get_data(as_text=True).count("\n") == 1  # the header row only
    assert any("wildcard" in note.lower() for note in notes)
    assert client.get("/api/export.json?q=*e*").get_json()["notes"] == notes


def test_an_export_without_limits_has_no_notes_header(client):
    response = client.get("/api/export.csv?q=troops")
    assert "X-Claimsearch-Notes" not in response.headers
    assert client.get("/api/export.json?q=troops").get_json()["notes"] == []

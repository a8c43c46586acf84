"""A bounded asyncio + httpx load generator: N clients replay one query mix against one server."""
from __future__ import annotations

import asyncio
import time

import httpx


def percentile(sorted_values: list[float], pct: float) -> float:
    """Return the nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(pct / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def summarise(latencies: list[float], errors: int, elapsed: float) -> dict:
    """Return p50/p95/p99 in ms, requests/s and error count."""
    ordered = sorted(latencies)
    ms = {f"p{p}_ms": round(percentile(ordered, p) * 1000, 1) for p in (50, 95, 99)}
    return dict(requests=len(latencies) + errors, errors=errors,
                req_per_s=round((len(latencies) + errors) / elapsed, 1) if elapsed else 0.0,
                seconds=round(elapsed, 1), **ms)


async def _client(http, base, mix, offset, step, state, stop_at, max_requests):
    i = offset
    while state["sent"] < max_requests and time.monotonic() < stop_at:
        if step > 1 and i >= len(mix):
            break  # a distinct mix is used up: never send a query twice
        state["sent"] += 1
        kind, url = mix[i % len(mix)]
        i += step
        started = time.perf_counter()
        try:
            response = await http.get(base + url)
            status = response.status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        ok = status == 200
        took = time.perf_counter() - started
        if ok:
            state["lat"].append(took)
            state["by_kind"].setdefault(kind, []).append(took)
        else:
            state["errors"] += 1
            if len(state["messages"]) < 5:
                state["messages"].append(f"{kind} {url}: {status}")


async def _run(base, mix, clients, max_requests, max_seconds, timeout, distinct):
    state = {"sent": 0, "lat": [], "errors": 0, "by_kind": {}, "messages": []}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as http:
        started = time.monotonic()
        stop_at = started + max_seconds
        # Repeated mix: each client replays the whole mix from its own starting point. Distinct
        # mix: client k sends queries k, k + N, k + 2N...: no query is ever sent twice.
        await asyncio.gather(*(_client(http, base, mix, k if distinct else k * 7,
                                       clients if distinct else 1, state, stop_at, max_requests)
                               for k in range(clients)))
        elapsed = time.monotonic() - started
    out = summarise(state["lat"], state["errors"], elapsed)
    out["by_kind_p50_ms"] = {k: round(percentile(sorted(v), 50) * 1000, 1)
                             for k, v in sorted(state["by_kind"].items())}
    out["error_samples"] = state["messages"]
    return out


def run_load(base: str, mix: list[tuple[str, str]], clients: int, max_requests: int,
             max_seconds: float, timeout: float = 30.0, distinct: bool = False) -> dict:
    """Send at most max_requests (and for at most max_seconds) from `clients` concurrent clients."""
    return asyncio.run(_run(base, mix, clients, max_requests, max_seconds, timeout, distinct))


def warm_up(base: str, mix: list[tuple[str, str]], connections: int = 1, timeout: float = 60.0) -> list[str]:
    """Send every query once on each of `connections` concurrent connections; return the problems."""
    # One connection reaches one server process. A server of several worker processes, each with
    # its own caches, is warm only once every process has seen the queries: concurrent
    # connections spread over the processes as they accept them.
    return asyncio.run(_warm(base, mix, connections, timeout))


async def _warm(base, mix, connections, timeout) -> list[str]:
    problems: list[str] = []

    async def replay(http):
        for kind, url in mix:
            response = await http.get(base + url)
            if response.status_code != 200 and len(problems) < 5:
                problems.append(f"{kind} {url}: HTTP {response.status_code}")

    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as http:
        await asyncio.gather(*(replay(http) for _ in range(connections)))
    return problems

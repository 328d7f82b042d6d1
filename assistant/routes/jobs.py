"""What the summary and batch routes share about their jobs: lookup by kind, and the result once finished."""

from __future__ import annotations

from typing import Any

from assistant.errors import ApiError, NotFoundError
from assistant.jobs import JobKind, JobRecord
from assistant.services import Services


def job_of_kind(services: Services, job_id: str, kind: JobKind, not_found: str) -> JobRecord:
    record = services.jobs.store.get(job_id)
    if record is None or record.kind != kind:
        raise NotFoundError(not_found)
    return record


def finished_result(record: JobRecord, not_ready: str) -> Any:
    """The stored result; 409 while the job has none (still running, cancelled or failed)."""
    if record.status != "fertig" or record.result is None:
        raise ApiError(409, "noch_nicht_fertig", not_ready)
    return record.result

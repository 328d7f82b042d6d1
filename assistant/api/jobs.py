"""What the summary and batch routers share about their jobs: lookup by kind and owner, the finished result,
removal. A job is its owner's: to anyone else it does not exist."""

from __future__ import annotations

from assistant.access.accounts import Principal
from assistant.api.errors import ApiError, NotFoundError
from assistant.services import Services
from assistant.shared.jobs import JobKind, JobRecord, JobStatus, Json


def job_of_kind(services: Services, principal: Principal, job_id: str, kind: JobKind, not_found: str) -> JobRecord:
    record = services.jobs.store.get(job_id)
    if record is None or record.kind != kind or record.owner != principal.name:
        raise NotFoundError(not_found)
    return record


def finished_result(record: JobRecord, not_ready: str) -> Json:
    """The stored result; 409 while the job has none (still running, cancelled or failed)."""
    if record.status != JobStatus.DONE or record.result is None:
        raise ApiError(409, "noch_nicht_fertig", not_ready)
    return record.result


def remove_job(services: Services, record: JobRecord) -> None:
    """Remove a job with its uploads, private case index and result; a running job must be cancelled first
    (a queued one is cancelled here)."""
    if record.status == JobStatus.WAITING:
        record = services.jobs.cancel(record.id)
    if record.status == JobStatus.RUNNING:
        raise ApiError(409, "auftrag_laeuft", "Der Auftrag läuft noch. Bitte zuerst abbrechen, dann löschen.")
    services.jobs.remove(record.id)

"""Server-Sent Events whose producer is closed whatever ends the stream.

Starlette iterates a synchronous generator in a worker thread and, when the client goes away, simply stops: the
generator stays suspended (holding the language model) until the garbage collector happens to close it. Here
the generator is closed as soon as the response ends — finished, failed, cancelled or disconnected — so the
model is free for the next clerk within one generation step.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator

import anyio
from starlette.responses import StreamingResponse
from starlette.types import Send

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


class EventStreamResponse(StreamingResponse):
    def __init__(self, events: Generator[str, None, None]) -> None:
        self._events = events
        self._chunks = self._pump()
        super().__init__(self._chunks, media_type="text/event-stream", headers=SSE_HEADERS)

    async def _pump(self) -> AsyncGenerator[str, None]:
        try:
            while (chunk := await anyio.to_thread.run_sync(next, self._events, None)) is not None:
                yield chunk
        finally:
            # No worker thread is inside the generator here: anyio lets a running next() finish first.
            self._events.close()

    async def stream_response(self, send: Send) -> None:
        try:
            await super().stream_response(send)
        finally:
            await self._chunks.aclose()

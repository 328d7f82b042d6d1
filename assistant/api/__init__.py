"""The HTTP edge: app factory, dependencies, error handlers, request/response schemas and routers."""

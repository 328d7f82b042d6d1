"""The chat answer: question → hybrid search → compressed, numbered sources → LLM → verified, cited answer."""

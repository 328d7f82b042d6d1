"""What the features share: citations and their verification, excerpts, jobs, prompts, domain errors."""

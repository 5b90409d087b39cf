"""Foundation for the rest of the core: bilingual texts, time stamps, data-file problems
as ``file:line: field: message``, YAML with line numbers, where the bundled data and
the user's files are, and the user's settings. It imports nothing else of the core."""

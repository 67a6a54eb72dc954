"""Running it: the build's memory (manifest), the build of a school and of a district, printing, watching, and what
the commands do besides building. The top level (cli, terminal) is the only thing above it."""

"""What every other part builds on: findings and how they print, the languages, reading a
source file, YAML with line numbers, git, atomic writes, the manifest of generated files and how
Chromium is launched. Imports nothing from the package but ``locale``."""

# tests/doc: the generated man page covers every command.
TESTS += tests/doc/manpage.sh
EXTRA_DIST += tests/doc/manpage.sh

#!/bin/sh
# Runs one test program; with KT_VALGRIND=1 (make check KT_VALGRIND=1) a compiled test runs
# under valgrind, and any memory error or definite/indirect leak fails it. Scripted tests
# (shell, python, key scripts) read KT_VALGRIND themselves for the programs they start.
# A sanitizer build (ASan, TSan) cannot run under valgrind: such binaries run as they are.
if [ "${KT_VALGRIND:-}" = 1 ] && head -c 4 "$1" 2>/dev/null | grep -q 'ELF' && ! grep -qE '__(asan|tsan)_init' "$1" 2>/dev/null; then
	exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect --track-fds=no "$@"
fi
exec "$@"

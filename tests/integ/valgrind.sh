#!/bin/sh
# Test wrapper (automake LOG_COMPILER): with KT_VALGRIND=1 the program runs under valgrind and any
# memory error or definite/indirect leak fails it; "still reachable" blocks (libcurl, OpenSSL and
# gnutls global state) do not. Without KT_VALGRIND=1 the program just runs.
#   make check KT_VALGRIND=1      (once LOG_COMPILER points here)
#   KT_VALGRIND=1 tests/integ/valgrind.sh ./tests/unit/test_kjson
if [ "${KT_VALGRIND:-0}" != 1 ]; then
	exec "$@"
fi
# Shell-script tests and sanitizer builds are run as they are: valgrind cannot run either usefully.
case "$1" in
*.sh) exec "$@" ;;
esac
if ldd "$1" 2>/dev/null | grep -q 'libasan'; then
	echo "valgrind.sh: $1 is built with sanitizers; running it without valgrind" >&2
	exec "$@"
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP: KT_VALGRIND=1 but valgrind is not installed"
	exit 77
fi
exec valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect --error-exitcode=1 --num-callers=30 "$@"

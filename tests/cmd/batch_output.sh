#!/bin/sh
# The batch front end through the real program: output that cannot be written (a full disk,
# here /dev/full) ends the run with exit status 1 and the reason, never a silent truncated file.
set -u
bin=${KT_BUILDDIR:-.}/src/ktriage
[ -w /dev/full ] || { echo "SKIP: no /dev/full"; exit 77; }
vg=
if [ "${KT_VALGRIND:-}" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
fi
fail=0
check() { # check DESCRIPTION COMMAND...
	what=$1
	shift
	# shellcheck disable=SC2086
	$vg "$@" > /dev/full 2> err.tmp
	rc=$?
	if [ "$rc" -ne 1 ] || ! grep -q 'ktriage: cannot write the output: No space left on device' err.tmp; then
		echo "FAIL: $what to /dev/full: exit $rc, stderr:"
		cat err.tmp
		fail=1
	fi
}
check "a table" "$bin" --demo --quiet -c 'cases'
check "JSON" "$bin" --demo --quiet -c 'cases' --json
check "every page as JSON" "$bin" --demo --quiet -c 'cases --all' --json
check "help" "$bin" help
rm -f err.tmp
exit $fail

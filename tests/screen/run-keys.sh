#!/bin/sh
# Screen test runner: drives the real ktriage with a key script against a fresh
# demo Kibana and lets the script's "expect" lines judge the screen.
#
# A script may start with comment lines that configure the run:
#   # size: 100x30            terminal size (default 100x30)
#   # demo: --fault ...       options for `ktriage serve-demo`
#   # ktriage: --readonly     options for ktriage
#   # exit: 2                 the exit code to expect (default 0)
#   # config: LINE            a line of $XDG_CONFIG_HOME/ktriage/config (repeatable); @URL@ and @KEYFILE@
#                             stand for the demo's URL and its API key file
#   # setup: SHELL            run first, in the test's directory (the state is in ./state)
#   # check: SHELL            must succeed afterwards, run in the test's directory; ./terminal
#                             holds what the program wrote to the terminal besides the screen
# With KT_VALGRIND=1 the program runs under valgrind and any error or leak fails the test.
set -u
script=$1
case $script in /*) ;; *) script=$(pwd)/$script ;; esac
bin=${KT_BUILDDIR:-$(pwd)}/src/ktriage
tmp=$(mktemp -d)
demo_pid=
cleanup() {
	[ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null && wait "$demo_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# What the demo server said (a sanitizer's report, say), when a test fails.
demo_said() {
	[ -s "$tmp/demo.err" ] || return 0
	echo "--- the demo server's stderr:"
	tail -n 80 "$tmp/demo.err"
}
opt() { sed -n "s/^# $1: //p" "$script" | head -n 1; }
size=$(opt size)
[ -n "$size" ] || size=100x30
cols=${size%x*}
lines=${size#*x}
want_exit=$(opt exit)
[ -n "$want_exit" ] || want_exit=0

if ! infocmp xterm-256color >/dev/null 2>&1; then
	echo "SKIP: no terminfo entry for xterm-256color (install ncurses-base)"
	exit 77
fi

printf 'screen-test-key\n' > "$tmp/key"
chmod 600 "$tmp/key"
# shellcheck disable=SC2046
"$bin" serve-demo --listen 127.0.0.1:0 --api-key "$tmp/key" --quiet $(opt demo) > "$tmp/url" 2> "$tmp/demo.err" &
demo_pid=$!
i=0
while [ ! -s "$tmp/url" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
url=$(head -n 1 "$tmp/url")
if [ -z "$url" ]; then
	echo "FAIL: the demo server did not start:"
	cat "$tmp/demo.err"
	exit 1
fi

vg=
if [ "${KT_VALGRIND:-}" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
fi
mkdir -p "$tmp/home" "$tmp/config/ktriage" "$tmp/state"
sed -n 's/^# config: //p' "$script" | sed -e "s|@URL@|$url|g" -e "s|@KEYFILE@|$tmp/key|g" > "$tmp/config/ktriage/config"
chmod 600 "$tmp/config/ktriage/config"
cd "$tmp" || exit 1
setup=$(opt setup)
if [ -n "$setup" ] && ! sh -c "$setup"; then
	echo "FAIL: $script: setup failed: $setup"
	exit 1
fi
# shellcheck disable=SC2086
env TERM=xterm-256color LINES="$lines" COLUMNS="$cols" TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 \
	HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" NO_COLOR= \
	KTRIAGE_SCRIPT="$script" $vg "$bin" --url "$url" --api-key-file "$tmp/key" $(opt ktriage) > "$tmp/terminal" 2> "$tmp/err"
rc=$?
if [ "$rc" -ne "$want_exit" ]; then
	echo "FAIL: $script: exit code $rc, expected $want_exit"
	cat "$tmp/err"
	demo_said
	exit 1
fi
# A script can check what the program left behind, e.g. the audit log.
check=$(opt check)
if [ -n "$check" ] && ! sh -c "$check"; then
	echo "FAIL: $script: check failed: $check"
	cat "$tmp/err"
	demo_said
	exit 1
fi
exit 0
